/// Thins a projected line to the frame's resolution (Douglas–Peucker), so a road's cost follows the pixels it
/// covers, not the points its data has.
///
/// Drawing time grew with the square of a road's points (20,000 took 16 s, 200,000 about half an hour).
/// Lines up to `keepAll` points are drawn as they are, so ordinary data draws byte for byte as before.
///
/// - Complexity: O(n log n) for typical lines, O(n²) at worst on the points left after dropping those within
///   `tolerance` of their predecessor.
enum PolylineSimplifier {
    static let keepAll = 1000
    /// Pixels: a quarter of a pixel is below what antialiasing shows.
    static let tolerance = 0.25

    static func simplify(_ points: [Point], tolerance: Double = tolerance) -> [Point] {
        guard points.count > keepAll else { return points }
        // Points closer than the tolerance to the last kept one add nothing.
        var near: [Point] = [points[0]]
        for p in points.dropFirst() where distance(p, near[near.count - 1]) > tolerance { near.append(p) }
        if near.last != points.last { near.append(points[points.count - 1]) }
        var keep = [Bool](repeating: false, count: near.count)
        keep[0] = true
        keep[near.count - 1] = true
        var stack = [(0, near.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first, maxDistance = 0.0
            for i in (first + 1)..<last {
                let d = segmentDistance(near[i], near[first], near[last])
                if d > maxDistance { (farthest, maxDistance) = (i, d) }
            }
            if maxDistance > tolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return near.indices.filter { keep[$0] }.map { near[$0] }
    }

    static func distance(_ a: Point, _ b: Point) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }

    /// Distance from `p` to the segment `a`–`b`.
    static func segmentDistance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        guard length2 > 0 else { return distance(p, a) }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
        return distance(p, Point(x: a.x + t * dx, y: a.y + t * dy))
    }
}
