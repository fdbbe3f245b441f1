import Foundation
import KMapCompose

/// Writes a `Scene` as SVG a map editor can work with: real `<text>` (Arabic included), one `<g>` per layer
/// (`roads`, `places`, `labels`, `legend`…), an `id` on every item and a `<title>` on every place.
///
/// Cairo's SVG surface turns text into glyph outlines that nobody can edit, translate or search; this writer
/// is fed by the same scene as the Cairo backend, so both draw the same map. Numbers are written with two
/// decimals at most, so output is byte-stable.
public enum SVGWriter {
    /// Font families for `font-family`, the scene's first, then fallbacks that cover Arabic.
    static let fallbacks = ["DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Arial", "sans-serif"]

    /// Marks the file as kmap's, so that kmap may later replace it without `--force`.
    public static let marker = "<!-- kmap -->"

    /// Another engine's SVG (Cairo's) with `marker` after its XML declaration.
    static func marked(_ svg: [UInt8]) -> [UInt8] {
        guard svg.starts(with: Array("<?xml".utf8)), let end = svg.firstIndex(of: 0x0A) else {
            return Array((marker + "\n").utf8) + svg
        }
        return Array(svg[...end]) + Array((marker + "\n").utf8) + Array(svg[(end + 1)...])
    }

    public static func write(_ scene: Scene, measurer: any TextMeasurer = CairoTextMeasurer()) -> [UInt8] {
        var w = Writer(measurer: measurer)
        w.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        w.line(marker)
        w.line(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(n(scene.width))px\" height=\"\(n(scene.height))px\" viewBox=\"0 0 \(n(scene.width)) \(n(scene.height))\">"
        )
        w.line("<title>\(escape(scene.title))</title>")
        w.line("<desc>\(escape(scene.subject))</desc>")
        if let bg = scene.background {
            w.line(
                "<rect id=\"background\" x=\"0\" y=\"0\" width=\"\(n(scene.width))\" height=\"\(n(scene.height))\"\(fill(bg))/>"
            )
        }
        var open: Layer?
        for item in scene.items {
            if item.layer != open {
                if open != nil { w.line("</g>") }
                w.line("<g id=\"\(groupID(item.layer))\">")
                open = item.layer
            }
            w.item(item)
        }
        if open != nil { w.line("</g>") }
        w.line("</svg>")
        return Array(w.out.utf8)
    }

    /// The group id of a layer, named as map editors expect.
    static func groupID(_ layer: Layer) -> String {
        switch layer {
        case .markers: "places"
        case .roadMarks: "road-cuts"
        case .roadStatus: "road-status"
        default: layer.rawValue
        }
    }

    /// XML-safe ids: `place:khanasir` → `place-khanasir`.
    public static func xmlID(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "-" })
    }

    /// Escapes text for XML and HTML content and attributes.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A number with at most two decimals and no trailing zeros.
    static func n(_ v: Double) -> String {
        var s = String(format: "%.2f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    static func fill(_ c: Color?) -> String {
        guard let c else { return " fill=\"none\"" }
        return " fill=\"\(c.hex)\"" + (c.a < 1 ? " fill-opacity=\"\(n(c.a))\"" : "")
    }

    static func stroke(_ s: Stroke?) -> String {
        guard let s else { return "" }
        var out =
            " stroke=\"\(s.color.hex)\" stroke-width=\"\(n(s.width))\" stroke-linecap=\"round\" stroke-linejoin=\"round\""
        if s.color.a < 1 { out += " stroke-opacity=\"\(n(s.color.a))\"" }
        if !s.dash.isEmpty { out += " stroke-dasharray=\"\(s.dash.map(n).joined(separator: " "))\"" }
        return out
    }

    static func pathData(_ points: [Point], closed: Bool) -> String {
        guard let first = points.first else { return "" }
        var d = "M\(n(first.x)) \(n(first.y))"
        for p in points.dropFirst() { d += "L\(n(p.x)) \(n(p.y))" }
        return closed ? d + "Z" : d
    }

    static func outline(_ o: Outline, _ attributes: String) -> String {
        switch o {
        case .circle(let c, let r): "<circle cx=\"\(n(c.x))\" cy=\"\(n(c.y))\" r=\"\(n(r))\"\(attributes)/>"
        case .polygon(let points): "<path d=\"\(pathData(points, closed: true))\"\(attributes)/>"
        }
    }

    struct Writer {
        let measurer: any TextMeasurer
        var out = ""

        mutating func line(_ s: String) {
            out += s
            out += "\n"
        }

        mutating func item(_ item: SceneItem) {
            let id = xmlID(item.id)
            let title = item.title.map { "<title>\(escape($0))</title>" } ?? ""
            switch item.symbol {
            case .polygon(let rings, let f, let s):
                let d = rings.map { pathData($0, closed: true) }.joined()
                line("<path id=\"\(id)\" d=\"\(d)\" fill-rule=\"evenodd\"\(fill(f))\(stroke(s))>\(title)</path>")
            case .polyline(let points, let s):
                line(
                    "<path id=\"\(id)\" d=\"\(pathData(points, closed: false))\" fill=\"none\"\(stroke(s))>\(title)</path>"
                )
            case .rect(let r, let f, let s):
                line(
                    "<rect id=\"\(id)\" x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\"\(fill(f))\(stroke(s))>\(title)</rect>"
                )
            case .marker(let m):
                marker(m, id: id, title: title)
            case .text(let t):
                text(t, id: id, title: title)
            }
        }

        mutating func marker(_ m: Marker, id: String, title: String) {
            line("<g id=\"\(id)\">\(title)")
            if m.shape == .cutBadge {
                line(outline(m.outline(), "\(fill(m.fill))\(stroke(m.stroke))"))
                let cross = m.cutCross.map { pathData($0, closed: false) }.joined()
                line(
                    "<path d=\"\(cross)\" fill=\"none\"\(stroke(Stroke(color: .white, width: max(1.5, m.radius * 0.3))))/>"
                )
                line("</g>")
                return
            }
            if let glow = m.highlight {
                line(
                    outline(
                        .circle(center: m.center, radius: m.glowRadius),
                        "\(fill(nil))\(stroke(Stroke(color: glow.withAlpha(0.85), width: 4 * m.scale)))"))
            }
            if let ring = m.ring {
                line(
                    outline(
                        .circle(center: m.center, radius: m.ringRadius),
                        "\(fill(nil))\(stroke(Stroke(color: ring, width: 3 * m.scale)))"))
            }
            if let split = m.splitFill {
                line("<clipPath id=\"\(id)-clip\">\(outline(m.outline(), ""))</clipPath>")
                line(outline(m.outline(), fill(m.fill)))
                let r = m.splitRect
                line(
                    "<rect x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\"\(fill(split)) clip-path=\"url(#\(id)-clip)\"/>"
                )
                line(outline(m.outline(), "\(fill(nil))\(stroke(m.stroke))"))
            } else {
                line(outline(m.outline(), "\(fill(m.fill))\(stroke(m.stroke))"))
            }
            if let centre = m.hollow { line(outline(m.outline(radius: m.hollowRadius), fill(centre))) }
            line("</g>")
        }

        /// Real text: one `<text>`, a `<tspan>` per line; right-to-left lines end at the box's right edge, as
        /// Pango aligns them.
        mutating func text(_ t: TextItem, id: String, title: String) {
            let family = ([t.font.family] + fallbacks.filter { $0 != t.font.family }).map {
                $0.contains(" ") ? "'\($0)'" : $0
            }
            .joined(separator: ", ")
            var attributes = " font-family=\"\(family)\" font-size=\"\(n(t.font.size))\""
            if t.font.bold { attributes += " font-weight=\"bold\"" }
            if t.font.italic { attributes += " font-style=\"italic\"" }
            attributes += fill(t.color)
            if let halo = t.halo {
                attributes +=
                    " stroke=\"\(halo.hex)\" stroke-width=\"\(n(t.haloWidth))\" stroke-linejoin=\"round\" paint-order=\"stroke\""
            }
            let lines = t.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.count == 1 {
                line(
                    "<text id=\"\(id)\" x=\"\(n(t.origin.x))\" y=\"\(n(t.origin.y))\"\(attributes)>\(title)\(escape(t.text))</text>"
                )
                return
            }
            let step = t.bounds.height / Double(lines.count)
            var spans = ""
            for (k, l) in lines.enumerated() {
                let y = t.origin.y + Double(k) * step
                if SVGWriter.isRightToLeft(l) {
                    spans += "<tspan x=\"\(n(t.bounds.maxX))\" y=\"\(n(y))\" text-anchor=\"end\">\(escape(l))</tspan>"
                } else {
                    spans += "<tspan x=\"\(n(t.origin.x))\" y=\"\(n(y))\">\(escape(l))</tspan>"
                }
            }
            line("<text id=\"\(id)\"\(attributes)>\(title)\(spans)</text>")
        }
    }

    /// Whether a line's first strong character is Arabic or Hebrew.
    static func isRightToLeft(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            switch u.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: return true
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: return false
            default: continue
            }
        }
        return false
    }
}
