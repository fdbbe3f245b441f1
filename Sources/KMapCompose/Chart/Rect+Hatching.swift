extension Rect {
    /// Diagonal lines (rising left to right) across the rectangle, `spacing` apart, cut to it.
    ///
    /// The lines are placed on a grid fixed to the page, not to the rectangle, so the hatching of two rectangles
    /// side by side runs on without a seam.
    func hatching(spacing: Double) -> [[Point]] {
        var lines: [[Point]] = []
        var c = ((x - height) / spacing).rounded(.down) * spacing
        while c < maxX {
            lines += clip(polyline: [Point(x: c, y: maxY), Point(x: c + height, y: y)])
            c += spacing
        }
        return lines
    }
}
