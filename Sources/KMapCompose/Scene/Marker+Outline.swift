import Foundation

/// A marker's outline as geometry, shared by every backend so a triangle is the same triangle in PNG and SVG.
public enum Outline: Sendable, Hashable {
    case circle(center: Point, radius: Double)
    case polygon([Point])
}

extension Marker {
    /// The outline of the symbol at `radius` (the hollow centre uses a smaller one).
    public func outline(radius r: Double? = nil) -> Outline {
        let r = r ?? radius
        let c = center
        switch shape {
        case .circle, .cutBadge: return .circle(center: c, radius: r)
        case .triangle:
            return .polygon([
                Point(x: c.x, y: c.y - r * 1.1), Point(x: c.x + r, y: c.y + r * 0.75),
                Point(x: c.x - r, y: c.y + r * 0.75),
            ])
        case .square:
            let h = r * 0.85
            return .polygon([
                Point(x: c.x - h, y: c.y - h), Point(x: c.x + h, y: c.y - h), Point(x: c.x + h, y: c.y + h),
                Point(x: c.x - h, y: c.y + h),
            ])
        case .diamond:
            return .polygon([
                Point(x: c.x, y: c.y - r), Point(x: c.x + r, y: c.y), Point(x: c.x, y: c.y + r),
                Point(x: c.x - r, y: c.y),
            ])
        case .star:
            return .polygon((0..<10).map { i in Self.polar(c, i % 2 == 0 ? r * 1.15 : r * 0.5, Double(i) * 36) })
        case .pentagon: return .polygon((0..<5).map { Self.polar(c, r, Double($0) * 72) })
        case .hexagon: return .polygon((0..<6).map { Self.polar(c, r, Double($0) * 60 + 30) })
        case .octagon: return .polygon((0..<8).map { Self.polar(c, r, Double($0) * 45 + 22.5) })
        case .bowtie:
            return .polygon(Self.scaled(c, r, [(-1, -0.9), (0, -0.2), (1, -0.9), (1, 0.9), (0, 0.2), (-1, 0.9)]))
        case .bar: return .polygon(Self.scaled(c, r, [(-1.2, -0.45), (1.2, -0.45), (1.2, 0.45), (-1.2, 0.45)]))
        case .invertedTriangle: return .polygon(Self.scaled(c, r, [(-1, -0.75), (1, -0.75), (0, 1.1)]))
        case .factory:
            return .polygon(
                Self.scaled(
                    c, r,
                    [
                        (-0.95, 0.85), (0.95, 0.85), (0.95, -0.85), (0.32, -0.3), (0.32, -0.85), (-0.32, -0.3),
                        (-0.32, -0.85), (-0.95, -0.3),
                    ]))
        }
    }

    /// The point at `radius` from `c`, `degrees` clockwise from straight up.
    static func polar(_ c: Point, _ radius: Double, _ degrees: Double) -> Point {
        let a = degrees * .pi / 180
        return Point(x: c.x + radius * sin(a), y: c.y - radius * cos(a))
    }

    /// Unit-box points scaled by `r` about `c` (y down).
    static func scaled(_ c: Point, _ r: Double, _ points: [(Double, Double)]) -> [Point] {
        points.map { Point(x: c.x + $0.0 * r, y: c.y + $0.1 * r) }
    }

    /// The white cross of a cut badge: two strokes.
    public var cutCross: [[Point]] {
        let d = radius * 0.45
        return [
            [Point(x: center.x - d, y: center.y - d), Point(x: center.x + d, y: center.y + d)],
            [Point(x: center.x + d, y: center.y - d), Point(x: center.x - d, y: center.y + d)],
        ]
    }

    /// The right half of the symbol's box, filled with the attacker's colour (clipped to the outline).
    public var splitRect: Rect {
        Rect(x: center.x, y: center.y - radius - 2, width: radius + 2, height: 2 * radius + 4)
    }

    /// Radii of the besieger's ring and of the change glow.
    public var ringRadius: Double { radius + 3.5 * scale }
    public var glowRadius: Double { radius + (ring != nil ? 8 : 5) * scale }
    public var hollowRadius: Double { radius * 0.45 }
}
