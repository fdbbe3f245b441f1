/// Where the furniture of a frame goes, from its size alone.
struct FrameLayout: Sendable {
    let frame: Rect
    /// The title banner across the top.
    let banner: Rect
    /// The region the view is fitted into.
    let mapArea: Rect
    /// The legend's corner (bottom-left); its height grows with its entries.
    let legendOrigin: Point
    let legendWidth: Double
    /// The scale bar's panel (bottom-right).
    let scalePanel: Rect
    /// The attribution line's baseline, right-aligned to this x.
    let attributionBaseline: Point
    /// The side panel listing what changed (frames at least 1200 px wide).
    let changesPanel: Rect?

    init(width: Double, height: Double, withPanel: Bool = true) {
        frame = Rect(x: 0, y: 0, width: width, height: height)
        banner = Rect(x: 0, y: 0, width: width, height: 92)
        let panelWidth = withPanel && width >= 1200 ? min(420, width * 0.26) : 0
        mapArea = Rect(
            x: 16, y: banner.maxY + 8, width: width - 32 - (panelWidth > 0 ? panelWidth + 16 : 0),
            height: height - banner.maxY - 30)
        legendWidth = 250
        legendOrigin = Point(x: 16, y: height - 24)
        scalePanel = Rect(x: width - 16 - 250, y: height - 24 - 56, width: 250, height: 56)
        attributionBaseline = Point(x: width - 12, y: height - 8)
        changesPanel =
            panelWidth > 0
            ? Rect(
                x: width - 16 - panelWidth, y: banner.maxY + 12, width: panelWidth,
                height: scalePanel.y - 12 - (banner.maxY + 12)) : nil
    }

    /// Areas labels must keep out of, besides the legend (whose height depends on the campaign).
    var reserved: [Rect] {
        [banner, scalePanel, Rect(x: 0, y: frame.maxY - 22, width: frame.width, height: 22)]
            + (changesPanel.map { [$0] } ?? [])
    }

    /// The legend's panel for a given height, growing upwards from its corner.
    func legendPanel(height: Double) -> Rect {
        Rect(x: legendOrigin.x, y: legendOrigin.y - height, width: legendWidth, height: height)
    }
}
