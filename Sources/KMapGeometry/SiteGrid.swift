/// A uniform grid over points, for finding the few points inside a rectangle without looking at all of them.
///
/// Matching each Voronoi cell to its place by testing every place against every cell was the quadratic step of
/// `ControlZones` (100,000 places: minutes); with about one point per grid cell a rectangle query looks only at the
/// points near it.
struct SiteGrid {
    private let minX: Double
    private let minY: Double
    private let size: Double
    private let columns: Int
    private let rows: Int
    private var buckets: [[Int]]

    init(_ points: [PlanePoint]) {
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        minX = xs.min() ?? 0
        minY = ys.min() ?? 0
        let width = max(1e-9, (xs.max() ?? 0) - minX)
        let height = max(1e-9, (ys.max() ?? 0) - minY)
        // About one point per bucket: side² × count ≈ area.
        size = max(1e-9, (width * height / Double(max(1, points.count))).squareRoot())
        columns = min(4096, Int(width / size) + 1)
        rows = min(4096, Int(height / size) + 1)
        buckets = Array(repeating: [], count: columns * rows)
        for (i, p) in points.enumerated() { buckets[bucket(p.x, p.y)].append(i) }
    }

    private func column(_ x: Double) -> Int { min(columns - 1, max(0, Int((x - minX) / size))) }
    private func row(_ y: Double) -> Int { min(rows - 1, max(0, Int((y - minY) / size))) }
    private func bucket(_ x: Double, _ y: Double) -> Int { row(y) * columns + column(x) }

    /// The indices of the points in buckets the rectangle touches (a superset of those inside it), ascending.
    func candidates(minX x0: Double, minY y0: Double, maxX x1: Double, maxY y1: Double) -> [Int] {
        var out: [Int] = []
        for r in row(y0)...row(y1) {
            for c in column(x0)...column(x1) { out += buckets[r * columns + c] }
        }
        return out.sorted()
    }
}
