/// The animation formats `kmap animate` writes, each an ffmpeg recipe.
public enum VideoFormat: String, Sendable, Hashable, CaseIterable {
    case mp4, webm, gif

    /// The format a path's extension names, if any.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }

    /// ffmpeg's output options after the inputs: codec, pixel format and muxer.
    ///
    /// MP4 is H.264 in yuv420p (what browsers and phones play; it needs even sizes, which frames guarantee);
    /// WebM is VP9 at constant quality; GIF maps each frame through the palette that `palettegen` made from the
    /// whole sequence (second input), dithered, so faction colours stay true.
    /// The comment every animation carries, so a later run knows kmap wrote the file and may replace it.
    public static let mark = "Made with kmap"

    var outputArguments: [String] {
        switch self {
        case .mp4:
            [
                "-c:v", "libx264", "-preset", "medium", "-crf", "20", "-pix_fmt", "yuv420p", "-movflags", "+faststart",
                "-metadata", "comment=\(Self.mark)", "-f", "mp4",
            ]
        case .webm:
            [
                "-c:v", "libvpx-vp9", "-crf", "32", "-b:v", "0", "-deadline", "good", "-cpu-used", "4", "-row-mt", "1",
                "-pix_fmt", "yuv420p", "-metadata", "comment=\(Self.mark)", "-f", "webm",
            ]
        case .gif:
            [
                "-lavfi", "[0:v][1:v]paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle", "-loop", "0", "-f",
                "gif",
            ]
        }
    }
}
