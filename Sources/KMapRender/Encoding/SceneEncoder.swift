import KMapCompose

/// How a scene becomes bytes: one set of settings for every command.
public struct EncodingOptions: Sendable, Hashable {
    /// Device pixels per scene pixel for PNG (2 for HiDPI).
    public var scale: Double
    /// Scene pixels per inch for PDF: sets the page size.
    public var dpi: Double
    /// SVG with real, editable `<text>` (kmap's writer) or Cairo's glyph outlines.
    public var svgEngine: SVGEngine

    public enum SVGEngine: String, Sendable, Hashable, CaseIterable {
        case kmap, cairo
    }

    public init(scale: Double = 1, dpi: Double = 96, svgEngine: SVGEngine = .kmap) {
        self.scale = scale
        self.dpi = dpi
        self.svgEngine = svgEngine
    }
}

/// The one way every command turns scenes into file bytes: `render`, `frames`, `animate`, `report` and `chart`.
public enum SceneEncoder {
    /// The bytes of `scene` in `format`.
    ///
    /// - Parameter workspace: buffers a sequence's worker reuses from frame to frame (PNG only); a single frame
    ///   leaves it out. The bytes do not depend on it.
    public static func encode(
        _ scene: Scene, as format: OutputFormat, options: EncodingOptions = EncodingOptions(),
        workspace: FrameWorkspace? = nil
    ) throws(RenderError) -> [UInt8] {
        switch format {
        case .png: try CairoSceneRenderer.png(scene, scale: options.scale, in: workspace ?? FrameWorkspace())
        case .svg where options.svgEngine == .kmap: SVGWriter.write(scene)
        case .svg: SVGWriter.marked(try CairoSceneRenderer.svg(scene))
        case .pdf:
            try CairoSceneRenderer.pdf(pages: [scene], dpi: options.dpi, title: scene.title, subject: scene.subject)
        }
    }

    /// A PDF with one page per scene (each its own size), for reports.
    public static func pdf(pages: [Scene], options: EncodingOptions = EncodingOptions(), title: String, subject: String)
        throws(RenderError) -> [UInt8]
    {
        try CairoSceneRenderer.pdf(pages: pages, dpi: options.dpi, title: title, subject: subject)
    }
}
