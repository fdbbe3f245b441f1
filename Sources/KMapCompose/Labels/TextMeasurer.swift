/// The size of a line of text in a font, as the backend will draw it.
public struct TextMetrics: Sendable, Hashable {
    /// Advance width.
    public var width: Double
    /// Height above the baseline.
    public var ascent: Double
    /// Depth below the baseline (positive).
    public var descent: Double

    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }
}

/// Measures text for layout; composition needs sizes before anything is drawn.
public protocol TextMeasurer: Sendable {
    func measure(_ text: String, font: Font) -> TextMetrics
}

extension TextMeasurer {
    /// The ink box of `text` drawn with its baseline starting at `origin`.
    public func bounds(_ text: String, font: Font, origin: Point) -> Rect {
        let m = measure(text, font: font)
        return Rect(x: origin.x, y: origin.y - m.ascent, width: m.width, height: m.ascent + m.descent)
    }
}

/// Measures text in layout units as it will be drawn at `scale` device pixels per unit.
///
/// Glyph advances are rounded at the drawn size, so a line measured at 11 units and drawn at 9.2 pixels is a few
/// per cent wider than 11 units scaled: measuring at the drawn size keeps right-aligned text inside the frame.
struct ScaledMeasurer: TextMeasurer {
    let base: any TextMeasurer
    let scale: Double

    func measure(_ text: String, font: Font) -> TextMetrics {
        var f = font
        f.size *= scale
        let m = base.measure(text, font: f)
        return TextMetrics(width: m.width / scale, ascent: m.ascent / scale, descent: m.descent / scale)
    }
}
