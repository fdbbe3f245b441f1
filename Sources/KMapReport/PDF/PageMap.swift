import KMapCompose
import KMapModel
import KMapRender

/// A day's map on a report page: across the page's width, composed at a size whose smallest text still reads
/// when printed.
///
/// A map composed at screen size and shrunk onto paper keeps its furniture's proportions but not its
/// legibility: 1600-px text drawn 720 px wide comes out at 4 pt, and marks drawn at a fixed width (the change
/// rings) swamp the map. So the map is composed at about the pixel size it is drawn at, checked against the
/// smallest text it holds, and composed smaller (larger on the page) when that text would print under
/// `minimumPoints`.
struct PageMap {
    let composer: SceneComposer
    let frame: Rect
    /// The smallest text of a map on the page, in points (on the day it was measured).
    let smallestPoints: Double

    static let minimumPoints = 7.5
    /// What a page pixel is in points: PDF pages are drawn at 96 px per inch.
    static let pointsPerPixel = 0.75
    /// The composed frame's shape: wide enough for the legend beside the inset at this height.
    static let aspect = 0.62

    init(report: Report, origin: Point, width: Double) {
        var composedWidth = 1000.0
        var options = report.composer.options
        options.changesPanel = false
        var composer: SceneComposer
        var points: Double
        // Composer text sizes may depend on the frame's size, so measure and, at most twice, compose again.
        var tries = 0
        repeat {
            options.width = Int(composedWidth.rounded())
            options.height = Int((composedWidth * Self.aspect).rounded())
            composer = SceneComposer(campaign: report.campaign, theme: report.composer.theme, options: options)
            let sample = report.days.first.map { composer.scene(for: $0.state, previous: $0.previous) }
            points = (sample.map(Self.smallestFont) ?? 10) * width / composedWidth * Self.pointsPerPixel
            tries += 1
            composedWidth = max(
                Double(FrameOptions.widthRange.lowerBound), (composedWidth * points / Self.minimumPoints).rounded(.down)
            )
        } while points < Self.minimumPoints && tries < 3
        self.composer = composer
        self.smallestPoints = points
        frame = Rect(
            x: origin.x, y: origin.y, width: width, height: width * Double(options.height) / Double(options.width))
    }

    /// The smallest font size of a scene's text, in its pixels.
    static func smallestFont(_ scene: Scene) -> Double {
        scene.items.compactMap { item -> Double? in
            if case .text(let t) = item.symbol { return t.font.size } else { return nil }
        }.min() ?? 10
    }

    /// The day's map placed in `frame`, ids prefixed `map:`.
    func items(_ d: ReportDay) -> [SceneItem] {
        composer.scene(for: d.state, previous: d.previous).items(placedIn: frame, idPrefix: "map:")
    }
}
