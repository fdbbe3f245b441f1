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
        case .triangle: return .polygon([Point(x: c.x, y: c.y - r * 1.1), Point(x: c.x + r, y: c.y + r * 0.75), Point(x: c.x - r, y: c.y + r * 0.75)])
        case .square:
            let h = r * 0.85
            return .polygon([Point(x: c.x - h, y: c.y - h), Point(x: c.x + h, y: c.y - h), Point(x: c.x + h, y: c.y + h), Point(x: c.x - h, y: c.y + h)])
        case .diamond: return .polygon([Point(x: c.x, y: c.y - r), Point(x: c.x + r, y: c.y), Point(x: c.x, y: c.y + r), Point(x: c.x - r, y: c.y)])
        }
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
    public var splitRect: Rect { Rect(x: center.x, y: center.y - radius - 2, width: radius + 2, height: 2 * radius + 4) }

    /// Radii of the besieger's ring and of the change glow.
    public var ringRadius: Double { radius + 3.5 }
    public var glowRadius: Double { radius + (ring != nil ? 8 : 5) }
    public var hollowRadius: Double { radius * 0.45 }
}
