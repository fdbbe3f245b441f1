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
    let frame: Rect
    /// Each report day's map, in the report's order.
    let scenes: [Scene]
    /// The smallest text of the maps on the page, in points.
    let smallestPoints: Double

    static let minimumPoints = 7.5
    /// What a page pixel is in points: PDF pages are drawn at 96 px per inch.
    static let pointsPerPixel = 0.75
    /// The composed frame's shape: wide enough for the legend beside the inset at this height.
    static let aspect = 0.62

    /// - Complexity: O(days × scene) per try, at most three tries: every day's map is measured (a day with
    ///   several numbers on one badge has smaller text than a quiet one), and the last try's maps are kept.
    init(report: Report, origin: Point, width: Double) {
        var composedWidth = 1000.0
        var options = report.composer.options
        options.changesPanel = false
        var scenes: [Scene] = []
        var points = 0.0
        // Composer text sizes depend on the frame's size, so measure and, at most twice, compose again.
        for _ in 0..<3 {
            options.width = Int(composedWidth.rounded())
            options.height = Int((composedWidth * Self.aspect).rounded())
            let composer = SceneComposer(campaign: report.campaign, theme: report.composer.theme, options: options)
            scenes = report.days.map { composer.scene(for: $0.state, previous: $0.previous) }
            points = (scenes.map(Self.smallestFont).min() ?? 10) * width / composedWidth * Self.pointsPerPixel
            if points >= Self.minimumPoints { break }
            composedWidth = max(
                Double(FrameOptions.widthRange.lowerBound), (composedWidth * points / Self.minimumPoints).rounded(.down)
            )
        }
        self.scenes = scenes
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
}
