import KMapCompose
import KMapRender

/// A scene part way between two scenes: the transition frames of `--tween`.
///
/// Items are matched by their stable id. On the map's own layers (zones, water, roads, markers, cut badges), a
/// matched item that keeps its shape and place has its colours mixed, so a village taken by the other side
/// turns gradually from one colour to the other, and a contest split, siege ring, hollow centre or change glow
/// grows out of the marker's own colour; what only one scene has fades in or out (a cut badge grows from its
/// centre). Text, and everything on the panels (banner, change list, legend, labels), switches whole half-way:
/// two dates or two lists dissolving into each other cannot be read, one at a time can.
///
/// This works on the backend-neutral scene, so every format gets the same transition and the frames stay
/// byte-identical from run to run.
public enum SceneBlend {
    /// The scene at `t` (0 is `a`, 1 is `b`) of the transition from `a` to `b`.
    ///
    /// - Complexity: O(items of `a` + items of `b`).
    public static func blend(_ a: Scene, _ b: Scene, t: Double) -> Scene {
        if t <= 0 { return a }
        if t >= 1 { return b }
        let later = t >= 0.5
        var items = merge(a.items.filter { blends($0.layer) }, b.items.filter { blends($0.layer) }, t: t)
        // Panels switch whole, in their own drawing order, so no stale line shows through a new panel.
        items += (later ? b : a).items.filter { !blends($0.layer) }
        items = items.enumerated().sorted { ($0.element.layer, $0.offset) < ($1.element.layer, $1.offset) }.map(
            \.element)
        return Scene(
            width: b.width, height: b.height, background: mixOptional(a.background, b.background, t), items: items,
            title: later ? b.title : a.title, subject: later ? b.subject : a.subject,
            metadata: later ? b.metadata : a.metadata)
    }

    /// The map's items at `t`: matched ones mixed, the rest faded out (only in `a`) or in (only in `b`).
    static func merge(_ a: [SceneItem], _ b: [SceneItem], t: Double) -> [SceneItem] {
        var fromA: [Key: SceneItem] = [:]
        for (key, item) in keyed(a) { fromA[key] = item }
        let keysB = Set(keyed(b).map(\.0))
        var items: [SceneItem] = []
        // What only the earlier scene has fades out beneath the later scene's items of its layer.
        for (key, item) in keyed(a) where !keysB.contains(key) {
            items += faded(item, alpha: 1 - t, incoming: false)
        }
        for (key, item) in keyed(b) {
            if let old = fromA[key] {
                if let mixed = mix(old, item, t: t) {
                    items.append(mixed)
                } else {
                    items += faded(old, alpha: 1 - t, incoming: false) + faded(item, alpha: t, incoming: true)
                }
            } else {
                items += faded(item, alpha: t, incoming: true)
            }
        }
        return items
    }

    /// Whether a layer shows the map's state, whose colours mix; other layers switch half-way.
    static func blends(_ layer: Layer) -> Bool {
        switch layer {
        case .zones, .water, .roads, .roadStatus, .markers, .roadMarks: true
        default: false
        }
    }

    /// An item's id with its occurrence number, in case a scene repeats an id.
    struct Key: Hashable {
        var id: String
        var occurrence: Int
    }

    static func keyed(_ items: [SceneItem]) -> [(Key, SceneItem)] {
        var seen: [String: Int] = [:]
        return items.map { item in
            let n = seen[item.id, default: 0]
            seen[item.id] = n + 1
            return (Key(id: item.id, occurrence: n), item)
        }
    }

    /// `a` and `b` mixed at `t` when they are the same thing drawn in other colours; nil when their geometry or
    /// wording differs, which only a cross-fade can show honestly.
    static func mix(_ a: SceneItem, _ b: SceneItem, t: Double) -> SceneItem? {
        guard a.layer == b.layer else { return nil }
        var out = b
        switch (a.symbol, b.symbol) {
        case (.marker(let x), .marker(var y)):
            guard x.shape == y.shape, x.center == y.center, x.radius == y.radius else { return nil }
            // A split appears out of (or melts into) the marker's own fill rather than out of nothing.
            if x.splitFill != nil || y.splitFill != nil {
                y.splitFill = mix(x.splitFill ?? x.fill, y.splitFill ?? y.fill, t)
            }
            y.fill = mix(x.fill, y.fill, t)
            y.ring = mixOptional(x.ring, y.ring, t)
            y.hollow = mixOptional(x.hollow, y.hollow, t)
            y.highlight = mixOptional(x.highlight, y.highlight, t)
            y.stroke = mix(x.stroke, y.stroke, t)
            out.symbol = .marker(y)
        case (.polyline(let p, let s), .polyline(let q, let u)):
            guard p == q, s.width == u.width, s.dash == u.dash else { return nil }
            out.symbol = .polyline(points: q, stroke: mix(s, u, t))
        case (.polygon(let r, let f, let s), .polygon(let q, let g, let u)):
            guard r == q, s?.width == u?.width, s?.dash == u?.dash else { return nil }
            out.symbol = .polygon(rings: q, fill: mixOptional(f, g, t), stroke: mixOptional(s, u, t))
        case (.rect(let r, let f, let s), .rect(let q, let g, let u)):
            guard r == q, s?.width == u?.width, s?.dash == u?.dash else { return nil }
            out.symbol = .rect(q, fill: mixOptional(f, g, t), stroke: mixOptional(s, u, t))
        case (.text(let x), .text(var y)):
            guard x.text == y.text, x.origin == y.origin, x.font == y.font else { return nil }
            y.color = mix(x.color, y.color, t)
            y.halo = mixOptional(x.halo, y.halo, t)
            out.symbol = .text(y)
        default:
            return nil
        }
        return out
    }

    /// `item` drawn at `alpha` of its opacity: nothing when fully transparent, a grown or shrunk badge for cuts,
    /// and text either whole (from half-way) or not at all.
    static func faded(_ item: SceneItem, alpha: Double, incoming: Bool) -> [SceneItem] {
        guard alpha > 0 else { return [] }
        if case .text = item.symbol { return (incoming ? alpha >= 0.5 : alpha > 0.5) ? [item] : [] }
        var out = item
        switch item.symbol {
        case .marker(var m):
            if m.shape == .cutBadge {
                m.radius *= alpha
            } else {
                m.fill = m.fill.scaled(alpha)
                m.splitFill = m.splitFill?.scaled(alpha)
                m.ring = m.ring?.scaled(alpha)
                m.hollow = m.hollow?.scaled(alpha)
                m.highlight = m.highlight?.scaled(alpha)
                m.stroke.color = m.stroke.color.scaled(alpha)
            }
            out.symbol = .marker(m)
        case .polyline(let p, var s):
            s.color = s.color.scaled(alpha)
            out.symbol = .polyline(points: p, stroke: s)
        case .polygon(let r, let f, let s):
            out.symbol = .polygon(rings: r, fill: f?.scaled(alpha), stroke: mixOptional(s, nil, 1 - alpha))
        case .rect(let r, let f, let s):
            out.symbol = .rect(r, fill: f?.scaled(alpha), stroke: mixOptional(s, nil, 1 - alpha))
        case .text(var x):
            x.color = x.color.scaled(alpha)
            x.halo = x.halo?.scaled(alpha)
            out.symbol = .text(x)
        }
        return [out]
    }

    static func mix(_ a: Color, _ b: Color, _ t: Double) -> Color {
        Color(r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t, a: a.a + (b.a - a.a) * t)
    }

    /// A missing colour mixes as the other colour made transparent, so a ring or fill fades in or out.
    static func mixOptional(_ a: Color?, _ b: Color?, _ t: Double) -> Color? {
        switch (a, b) {
        case (nil, nil): nil
        case (let x?, nil): x.scaled(1 - t)
        case (nil, let y?): y.scaled(t)
        case (let x?, let y?): mix(x, y, t)
        }
    }

    static func mix(_ a: Stroke, _ b: Stroke, _ t: Double) -> Stroke {
        var s = b
        s.color = mix(a.color, b.color, t)
        return s
    }

    static func mixOptional(_ a: Stroke?, _ b: Stroke?, _ t: Double) -> Stroke? {
        switch (a, b) {
        case (nil, nil):
            return nil
        case (var x?, nil):
            x.color = x.color.scaled(1 - t)
            return x
        case (nil, var y?):
            y.color = y.color.scaled(t)
            return y
        case (let x?, let y?):
            return mix(x, y, t)
        }
    }
}

extension Color {
    /// The same colour at `k` of its opacity.
    func scaled(_ k: Double) -> Color { withAlpha(a * k) }
}
