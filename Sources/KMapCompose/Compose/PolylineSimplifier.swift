/// Thins a projected line to the frame's resolution (Douglas–Peucker), so a road's cost follows the pixels it
/// covers, not the points its data has.
///
/// Drawing time grew with the square of a road's points (20,000 took 16 s, 200,000 about half an hour).
/// Lines up to `keepAll` points are drawn as they are, so ordinary data draws byte for byte as before.
///
/// - Complexity: O(n): Douglas–Peucker runs on runs of at most `window` points (quadratic only within one), so
///   a line that defeats it (a raster-scan zigzag) costs no more than a straight one.
enum PolylineSimplifier {
    static let keepAll = 1000
    static let window = 256
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
        var stack: [(Int, Int)] = []
        for start in stride(from: 0, to: near.count - 1, by: window) {
            let end = min(start + window, near.count - 1)
            keep[end] = true
            stack.append((start, end))
        }
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first
            var maxDistance = 0.0
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

    static func distance(_ a: Point, _ b: Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    /// Distance from `p` to the segment `a`–`b`.
    static func segmentDistance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        guard length2 > 0 else { return distance(p, a) }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
        return distance(p, Point(x: a.x + t * dx, y: a.y + t * dy))
    }
}
