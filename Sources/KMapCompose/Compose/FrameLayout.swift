/// Where the furniture of a frame goes, chosen from its size and aspect rather than scaled blindly.
///
/// A frame is laid out in *layout units*: the frame's pixels divided by `pixelScale`, so text and furniture keep
/// their proportions on a 3840×2160 slide and stay readable on a 640×480 thumbnail. Landscape frames put the
/// changes panel beside the map, portrait frames below it; small frames (`compact`) get a short banner, a compact
/// legend and a one-line panel instead of dropping the key.
struct FrameLayout: Sendable {
    /// The whole frame, in layout units.
    let frame: Rect
    /// Device pixels per layout unit: the scene is composed in layout units and scaled by this at the end.
    let pixelScale: Double
    /// A frame at most 900 pixels wide or 600 high: short banner, compact legend and panel, no inset.
    let compact: Bool
    /// Taller than wide: the panel goes below the map.
    let portrait: Bool
    /// The title banner across the top.
    let banner: Rect
    /// The region the view is fitted into.
    let mapArea: Rect
    /// The scale bar's panel: bottom-right of the frame beside a side panel, else the map's quietest corner
    /// (chosen by the composer, which knows where the data is).
    var scalePanel: Rect
    /// The attribution line's baseline, right-aligned to this x.
    let attributionBaseline: Point
    /// The strip along the bottom that holds the attribution.
    let footer: Double
    /// The most room the panel listing what changed may take; its box grows with its entries, up to this.
    let changesPanel: Rect?

    /// The frame size every layout unit is measured against: the default frame, turned for portrait.
    static let reference = (long: 1600.0, short: 1200.0)

    init(width: Double, height: Double, withPanel: Bool = true) {
        let portrait = height > width * 1.05
        let compact = width <= 900 || height <= 600
        let fit =
            portrait
            ? min(width / Self.reference.short, height / Self.reference.long)
            : min(width / Self.reference.long, height / Self.reference.short)
        // Large frames scale everything up; small ones shrink only so far, so that text stays legible.
        let k = max(fit, 0.7)
        self.pixelScale = k
        self.compact = compact
        self.portrait = portrait
        let w = width / k
        let h = height / k
        frame = Rect(x: 0, y: 0, width: w, height: h)
        banner = Rect(x: 0, y: 0, width: w, height: compact ? 70 : 92)
        // A compact frame's attribution may take two lines.
        let footer = compact ? 30.0 : 22.0
        self.footer = footer
        let scaleSize = compact ? (width: 170.0, height: 44.0) : (width: 250.0, height: 56.0)
        if !withPanel {
            changesPanel = nil
            mapArea = Rect(x: 16, y: banner.maxY + 8, width: w - 32, height: h - banner.maxY - 8 - footer)
        } else if compact {
            // One or two lines under the map, the day's summary, with the scale bar at their right.
            let strip = 50.0
            changesPanel = Rect(
                x: 16, y: h - footer - strip, width: w - 32 - scaleSize.width - 8, height: strip - 6)
            mapArea = Rect(x: 16, y: banner.maxY + 8, width: w - 32, height: h - banner.maxY - 8 - footer - strip)
        } else if portrait {
            let strip = (h * 0.22).rounded()
            changesPanel = Rect(x: 16, y: h - footer - strip, width: w - 32, height: strip - 8)
            mapArea = Rect(x: 16, y: banner.maxY + 8, width: w - 32, height: h - banner.maxY - 8 - footer - strip)
        } else {
            let panelWidth = min(420, w * 0.26)
            let top = banner.maxY + 12
            changesPanel = Rect(
                x: w - 16 - panelWidth, y: top, width: panelWidth,
                height: h - footer - 2 - scaleSize.height - 12 - top)
            mapArea = Rect(
                x: 16, y: banner.maxY + 8, width: w - 32 - panelWidth - 16, height: h - banner.maxY - 8 - footer)
        }
        if let strip = changesPanel, compact {
            // Beside the summary strip.
            scalePanel = Rect(
                x: strip.maxX + 8, y: strip.maxY - scaleSize.height, width: scaleSize.width, height: scaleSize.height)
        } else {
            // Bottom-right of the frame beside a side panel (which stops above it), else of the map.
            let side = withPanel && !portrait
            scalePanel = Rect(
                x: (side ? w - 16 : mapArea.maxX) - scaleSize.width,
                y: mapArea.maxY - scaleSize.height - (side ? 2 : 6),
                width: scaleSize.width, height: scaleSize.height)
        }
        attributionBaseline = Point(x: w - 12, y: h - 8)
    }

    /// Areas labels must keep out of, besides the legend, inset and north arrow.
    var reserved: [Rect] {
        [banner, scalePanel, Rect(x: 0, y: frame.maxY - footer, width: frame.width, height: footer)]
            + (changesPanel.map { [$0] } ?? [])
    }
}
