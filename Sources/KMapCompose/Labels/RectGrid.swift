/// A uniform grid of rectangles that answers "does anything here overlap this box?" without looking at all.
///
/// Label placement asks that question for every candidate position of every label, against every label
/// placed so far and every obstacle: all pairs is O(n²), which 10,000 places turn into seconds. Each
/// rectangle is listed in the cells it covers, so a query only tests its neighbours. The answer is the same
/// `intersects` predicate as before, so placements do not change (a test compares both).
struct RectGrid {
    let cellSize: Double
    private(set) var rects: [Rect] = []
    private var cells: [Int: [Int32]] = [:]

    init(cellSize: Double = 64) { self.cellSize = cellSize }

    init(_ rects: [Rect], cellSize: Double = 64) {
        self.init(cellSize: cellSize)
        for r in rects { insert(r) }
    }

    /// The cell range a rectangle touches; clamped so a huge or infinite box stays a bounded loop.
    private func span(_ r: Rect) -> (ClosedRange<Int>, ClosedRange<Int>) {
        func cell(_ v: Double) -> Int { Int(max(-1e6, min(1e6, (v / cellSize).rounded(.down)))) }
        return (cell(r.x)...max(cell(r.x), cell(r.maxX)), cell(r.y)...max(cell(r.y), cell(r.maxY)))
    }

    private static func key(_ x: Int, _ y: Int) -> Int { (x &* 73_856_093) ^ (y &* 19_349_663) }

    mutating func insert(_ r: Rect) {
        let i = Int32(rects.count)
        rects.append(r)
        let (xs, ys) = span(r)
        for y in ys { for x in xs { cells[Self.key(x, y), default: []].append(i) } }
    }

    /// Whether any stored rectangle's interior overlaps `r` (`Rect.intersects`).
    ///
    /// - Complexity: O(cells `r` covers × rectangles listed in them).
    func intersectsAny(_ r: Rect) -> Bool {
        let (xs, ys) = span(r)
        for y in ys {
            for x in xs {
                guard let list = cells[Self.key(x, y)] else { continue }
                for i in list where rects[Int(i)].intersects(r) { return true }
            }
        }
        return false
    }

    /// Whether any stored rectangle other than one equal to `own` overlaps `r`: a badge next to its own marker.
    func intersectsAny(_ r: Rect, ignoring own: Rect) -> Bool {
        let (xs, ys) = span(r)
        for y in ys {
            for x in xs {
                guard let list = cells[Self.key(x, y)] else { continue }
                for i in list where rects[Int(i)] != own && rects[Int(i)].intersects(r) { return true }
            }
        }
        return false
    }
}
