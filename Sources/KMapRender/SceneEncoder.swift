/// How a scene becomes bytes: the format's engine and its settings, in one place for every command.
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

public enum SceneEncoder {
    public static func encode(_ scene: Scene, as format: OutputFormat, options: EncodingOptions = EncodingOptions()) throws(RenderError) -> [UInt8] {
        if format == .svg, options.svgEngine == .kmap { return SVGWriter.write(scene) }
        return try CairoSceneRenderer.render(scene, format: format, scale: options.scale, dpi: options.dpi)
    }
}
