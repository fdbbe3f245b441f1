/// How a scene becomes bytes: the format's engine and its settings, in one place for every command.
public struct EncodingOptions: Sendable, Hashable {
    /// Device pixels per scene pixel for PNG (2 for HiDPI).
    public var scale: Double
    /// Scene pixels per inch for PDF: sets the page size.
    public var dpi: Double
    /// SVG with real, editable `<text>` (kmap's writer) or Cairo's glyph outlines.
    public var svgEngine: SVGEngine
    /// Cairo's PNG writer or kmap's fast one (same pixels).
    public var pngWriter: PNGWriter
    /// PNG frames of a sequence reuse an image of what earlier frames drew and did not change (`LayerCache`):
    /// the same bytes, sooner. Off only to measure or to check it.
    public var staticLayers: Bool
    /// Threads one PNG frame may use: with 2, a large frame is drawn and encoded in two bands at once. For a
    /// single frame; a sequence runs frames side by side instead (`--jobs`). The bytes do not depend on it.
    public var threads: Int

    public enum SVGEngine: String, Sendable, Hashable, CaseIterable {
        case kmap, cairo
    }

    public init(
        scale: Double = 1, dpi: Double = 96, svgEngine: SVGEngine = .kmap, pngWriter: PNGWriter = .fast, staticLayers: Bool = true,
        threads: Int = 1
    ) {
        self.scale = scale
        self.dpi = dpi
        self.svgEngine = svgEngine
        self.pngWriter = pngWriter
        self.staticLayers = staticLayers
        self.threads = threads
    }
}

/// The one way every command turns a scene into file bytes.
public enum SceneEncoder {
    public static func encode(_ scene: Scene, as format: OutputFormat, options: EncodingOptions = EncodingOptions()) throws(RenderError) -> [UInt8] {
        switch format {
        case .svg where options.svgEngine == .kmap:
            return SVGWriter.write(scene)
        case .png:
            let png = try CairoSceneRenderer.render(
                scene, format: .png, scale: options.scale, pngWriter: options.pngWriter, staticLayers: options.staticLayers,
                threads: options.threads)
            return PNGText.insert(png, scene.metadata)
        case .svg:
            return SVGWriter.marked(try CairoSceneRenderer.render(scene, format: format, scale: options.scale, dpi: options.dpi))
        default:
            return try CairoSceneRenderer.render(scene, format: format, scale: options.scale, dpi: options.dpi)
        }
    }
}
