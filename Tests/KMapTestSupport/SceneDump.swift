import Foundation
import KMapCompose

/// A scene as reviewable text: one line per item in drawing order, with its layer, id, symbol, rounded geometry,
/// colours and text.
///
/// Golden dumps pin what a frame *is*, not how a backend draws it: a change to the map shows as a diff of these
/// lines. Positions are rounded to a tenth of a pixel so that floating-point noise does not show.
public enum SceneDump {
    public static func text(_ scene: Scene) -> String {
        var lines = [
            "scene \(n(scene.width))x\(n(scene.height)) background \(scene.background?.hex ?? "none") static \(scene.staticCount)"
        ]
        for (z, item) in scene.items.enumerated() {
            var line = "\(z) \(item.layer.rawValue) \(item.id) \(symbol(item.symbol))"
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func symbol(_ s: Symbol) -> String {
        switch s {
        case .polygon(let rings, let fill, let stroke):
            let all = rings.flatMap { $0 }
            return
                "polygon rings \(rings.count) points \(all.count) box \(box(all)) fill \(fill?.hex ?? "none") \(stroke.map(self.stroke) ?? "")"
        case .polyline(let points, let stroke):
            return "polyline points \(points.count) from \(p(points.first)) to \(p(points.last)) \(self.stroke(stroke))"
        case .rect(let r, let fill, let stroke):
            return
                "rect \(n(r.x)),\(n(r.y)) \(n(r.width))x\(n(r.height)) fill \(fill?.hex ?? "none") \(stroke.map(self.stroke) ?? "")"
        case .marker(let m):
            var flags: [String] = []
            if let c = m.splitFill { flags.append("split \(c.hex)") }
            if let c = m.ring { flags.append("ring \(c.hex)") }
            if let c = m.hollow { flags.append("hollow \(c.hex)") }
            if let c = m.highlight { flags.append("highlight \(c.hex)") }
            return
                "marker \(m.shape.rawValue) at \(p(m.center)) r \(n(m.radius)) fill \(m.fill.hex) \(stroke(m.stroke)) \(flags.joined(separator: " "))"
        case .text(let t):
            let style = "\(n(t.font.size))\(t.font.bold ? "b" : "")\(t.font.italic ? "i" : "")"
            return
                "text at \(p(t.origin)) size \(style) \(t.color.hex)\(t.halo.map { " halo \($0.hex)" } ?? "") \"\(t.text)\""
        case .image(let m):
            // The coverage as a count of shaded cells and their sum: a change of the shading shows in the dump.
            let shaded = m.coverage.filter { $0 != 0 }.count
            let sum = m.coverage.reduce(0) { $0 + Int($1) }
            return
                "image \(n(m.frame.x)),\(n(m.frame.y)) \(n(m.frame.width))x\(n(m.frame.height)) cells \(m.columns)x\(m.rows) shaded \(shaded) sum \(sum) color \(m.color.hex) alpha \(n(m.color.a))"
        }
    }

    static func stroke(_ s: Stroke) -> String {
        "stroke \(s.color.hex) \(n(s.width))" + (s.dash.isEmpty ? "" : " dash \(s.dash.map(n).joined(separator: ","))")
    }

    static func box(_ points: [Point]) -> String {
        guard let first = points.first else { return "empty" }
        var lo = first
        var hi = first
        for q in points {
            lo = Point(x: min(lo.x, q.x), y: min(lo.y, q.y))
            hi = Point(x: max(hi.x, q.x), y: max(hi.y, q.y))
        }
        return "\(p(lo))-\(p(hi))"
    }

    static func p(_ q: Point?) -> String { q.map { "\(n($0.x)),\(n($0.y))" } ?? "-" }

    /// A number to a tenth, without a trailing ".0".
    static func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        if r == 0 { return "0" }
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
    }
}

/// Text metrics from a fixed advance per character: font-independent layout for golden scenes.
public struct FixedWidthMeasurer: TextMeasurer {
    public init() {}

    public func measure(_ text: String, font: Font) -> TextMetrics {
        TextMetrics(width: Double(text.count) * font.size * 0.6, ascent: font.size * 0.75, descent: font.size * 0.25)
    }
}
