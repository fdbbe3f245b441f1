/// Lines and rings cut to a rectangle: the map area, so roads and water that run beyond the frame stop at its
/// edge instead of under the panels.
///
/// Liang–Barsky for segments, Sutherland–Hodgman for rings: both exact for a convex clip window, and both keep
/// the input's point order, so the output (and the scene dump) is deterministic.
extension Rect {
    /// The part of segment `a`–`b` inside the rectangle, as parameters along it (0 at `a`, 1 at `b`), or nil.
    func clipParameters(_ a: Point, _ b: Point) -> (t0: Double, t1: Double)? {
        let dx = b.x - a.x
        let dy = b.y - a.y
        var t0 = 0.0
        var t1 = 1.0
        for (p, q) in [(-dx, a.x - x), (dx, maxX - a.x), (-dy, a.y - y), (dy, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let r = q / p
            if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
            if t0 > t1 { return nil }
        }
        return (t0, t1)
    }

    /// A polyline cut into the runs that lie inside.
    func clip(polyline points: [Point]) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        for (a, b) in zip(points, points.dropFirst()) {
            guard let (t0, t1) = clipParameters(a, b) else {
                if current.count > 1 { runs.append(current) }
                current = []
                continue
            }
            let p0 = a.lerp(b, t0)
            let p1 = a.lerp(b, t1)
            if current.isEmpty || t0 > 0 {
                if current.count > 1 { runs.append(current) }
                current = [p0]
            }
            current.append(p1)
            if t1 < 1 {
                runs.append(current)
                current = []
            }
        }
        if current.count > 1 { runs.append(current) }
        return runs
    }

    /// A ring cut to the rectangle (empty when it lies wholly outside).
    func clip(ring: [Point]) -> [Point] {
        var out = ring
        let edges: [(Point) -> Double] = [
            { $0.x - self.x }, { self.maxX - $0.x }, { $0.y - self.y }, { self.maxY - $0.y },
        ]
        for inside in edges {
            guard !out.isEmpty else { return [] }
            let input = out
            out = []
            for (i, b) in input.enumerated() {
                let a = input[(i + input.count - 1) % input.count]
                let da = inside(a)
                let db = inside(b)
                if db >= 0 {
                    if da < 0 { out.append(a.lerp(b, da / (da - db))) }
                    out.append(b)
                } else if da >= 0 {
                    out.append(a.lerp(b, da / (da - db)))
                }
            }
        }
        return out.count > 2 ? out : []
    }
}

extension Point {
    /// The point a fraction `t` of the way to `other`.
    func lerp(_ other: Point, _ t: Double) -> Point { Point(x: x + (other.x - x) * t, y: y + (other.y - y) * t) }
}
