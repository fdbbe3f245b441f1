import ArgumentParser
import KMapCompose
import KMapLoader
import KMapModel
import KMapProjection
import KMapRender

/// How frames look: size, theme, label language, pixel density. Shared by every drawing command, so a
/// sequence and a single frame with the same options look alike.
struct StyleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Frame size in pixels, WxH.", valueName: "WxH"))
    var size: String = "1600x1200"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A built-in theme (wikipedia, isw) or a theme file; see kmap themes.", valueName: "name|file"))
    var theme: String = "wikipedia"

    @Flag(
        name: .long,
        help:
            "Let the theme's faction colours replace the campaign's (by faction id). Without it a theme colours only the factions the campaign gives no colour."
    )
    var recolor = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Place names in English (en), in one language the campaign names its places in (a code: ar for Khanasir, uk or ru for Kharkiv; kmap places --format csv shows them), or both: English and the campaign's local-script name.",
            valueName: "en|LANG|both"))
    var labels: String = "en"

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Device pixels per frame pixel for PNG (2 for HiDPI screens), 1 to 4.", valueName: "n"))
    var scale: Double = 1

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("PDF resolution: frame pixels per inch, which sets the page size.", valueName: "n"))
    var dpi: Double = 96

    @Flag(name: .long, help: "No background: the map floats on a transparent PNG (or PDF/SVG) page.")
    var transparent = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "SVG text as real, editable <text> (kmap) or as Cairo's glyph outlines (cairo).", valueName: "kmap|cairo"))
    var svgEngine: String = "kmap"

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Shade derived zones of control: each place claims the ground nearest to it, up to this many km (e.g. 5; 0 for none; the isw theme's default is 5). Marked in the legend as derived.",
            valueName: "km"))
    var zones: Double?

    /// The frame options these flags describe.
    func frameOptions() throws -> FrameOptions {
        var options = try FrameSize.parse(size)
        guard let language = LabelLanguage(rawValue: labels) else {
            throw CLIError.usage(
                "--labels '\(labels)' is not en, both or a language code (two or three lowercase letters, e.g. ar, uk)")
        }
        options.labels = language
        options.transparent = transparent
        if let zones {
            guard zones == 0 || (0.5...100).contains(zones) else {
                throw CLIError.usage(
                    "--zones \(zones) is out of range; give a radius from 0.5 to 100 km, or 0 for none")
            }
            options.zoneRadiusKm = zones
        }
        return options
    }

    /// The most pixels a frame may have after `--scale` (8000x8000 at scale 1): 256 MiB of ARGB to draw.
    static let maxPixels = 64_000_000.0

    /// Encoding settings: pixel density, PDF resolution and SVG engine, checked.
    func encoding() throws -> EncodingOptions {
        guard (1...4).contains(scale) else {
            throw CLIError.usage("--scale \(scale) is out of range; use 1 to 4 (2 for HiDPI)")
        }
        guard (36...1200).contains(dpi) else { throw CLIError.usage("--dpi \(dpi) is out of range; use 36 to 1200") }
        let frame = try FrameSize.parse(size)
        let pixels = (Double(frame.width) * scale) * (Double(frame.height) * scale)
        guard pixels <= Self.maxPixels else {
            let w = Int((Double(frame.width) * scale).rounded())
            let h = Int((Double(frame.height) * scale).rounded())
            throw CLIError.usage(
                "--size \(size) at --scale \(scale) is \(w)x\(h) pixels (\(Int(pixels / 1e6)) megapixels, \(Int(pixels * 4 / 1_048_576)) MiB to draw); "
                    + "kmap draws up to \(Int(Self.maxPixels / 1e6)) megapixels: lower --size or --scale (PDF and SVG are vector: --dpi sets their resolution)"
            )
        }
        guard let engine = EncodingOptions.SVGEngine(rawValue: svgEngine) else {
            throw CLIError.usage("--svg-engine '\(svgEngine)' is not one of kmap, cairo")
        }
        return EncodingOptions(scale: scale, dpi: dpi, svgEngine: engine)
    }

    /// The theme `--theme` names, recolouring the campaign's factions when `--recolor` asks.
    func resolvedTheme() throws -> Theme {
        var resolved = try ThemeLoader.resolve(theme, fonts: FontCatalog.families)
        resolved.recolor = recolor
        return resolved
    }

    /// A composer for `campaign` with these options; build one per sequence, not per frame.
    ///
    /// - Parameter hoverText: whether scenes carry hover text (`FrameOptions.hoverText`); commands that write
    ///   only PNG or PDF pass false.
    func composer(for campaign: Campaign, hoverText: Bool = true) throws -> SceneComposer {
        var options = try frameOptions()
        options.hoverText = hoverText
        try Self.check(options.labels, for: campaign)
        _ = try encoding()
        // The projection is chosen from the area (ProjectionChoice): equirectangular for a small one, PROJ's
        // conformal one for a wide one.
        let plane = try ProjectionChoice.plane(for: SceneComposer.view(of: campaign, options: options))
        let composer = SceneComposer(campaign: campaign, theme: try resolvedTheme(), options: options, plane: plane)
        for warning in composer.themeWarnings { Console.error("kmap: warning: \(warning)") }
        return composer
    }

    /// Throws (64) when `--labels` names a language no place of `campaign` has a name in.
    static func check(_ labels: LabelLanguage, for campaign: Campaign) throws {
        guard case .local(let language) = labels, !campaign.nameLanguages.contains(language) else { return }
        let choices = (["en"] + campaign.nameLanguages + ["both"]).joined(separator: ", ")
        throw CLIError.usage(
            "--labels \(language): no place of \(campaign.info.title) has a name in '\(language)'; use one of \(choices)"
        )
    }

    /// The encoded bytes of `scene`, with these options' density, resolution and SVG engine.
    func encode(_ scene: Scene, as format: OutputFormat) throws -> [UInt8] {
        try SceneEncoder.encode(scene, as: format, options: try encoding())
    }
}
