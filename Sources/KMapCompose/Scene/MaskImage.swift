/// A colour laid through a grid of coverage values, stretched over a rectangle: the scene's one raster item.
///
/// Relief is a shadow, so one colour and an 8-bit coverage per cell say all of it in a quarter of an RGBA
/// image's bytes, and every backend has the primitive: Cairo masks a colour with an A8 surface, SVG embeds the
/// same as a PNG with alpha. Drawn over an opaque ground at coverage `a`, it multiplies the ground by
/// `1 - a × color.a` toward `color`, so it shades without a blend mode a viewer may lack.
public struct MaskImage: Sendable, Hashable {
    /// Where the grid is drawn, in scene pixels; a cell is `frame.width / columns` wide.
    public var frame: Rect
    public var columns: Int
    public var rows: Int
    /// Row-major from the top-left, `columns × rows` values: 0 leaves the ground alone, 255 lays `color` fully.
    public var coverage: [UInt8]
    /// The shadow's colour; its alpha scales every cell's coverage.
    public var color: Color

    public init(frame: Rect, columns: Int, rows: Int, coverage: [UInt8], color: Color) {
        precondition(coverage.count == columns * rows, "a mask needs columns × rows coverage values")
        self.frame = frame
        self.columns = columns
        self.rows = rows
        self.coverage = coverage
        self.color = color
    }
}
