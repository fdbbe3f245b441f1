extension Scene {
    /// This scene's items scaled and moved to fill `frame` (keeping its aspect), for composing pages: a map or
    /// a chart on a report page. Ids get `prefix`, so two embedded scenes never share an id.
    public func items(placedIn frame: Rect, idPrefix prefix: String) -> [SceneItem] {
        transformedItems(placedIn: frame, idPrefix: prefix, background: true)
    }

    /// This scene drawn `k` times larger: a frame composed in layout units, turned into the frame's pixels.
    public func scaled(by k: Double) -> Scene {
        guard k != 1 else { return self }
        var out = self
        out.width = (width * k).rounded()
        out.height = (height * k).rounded()
        out.items = transformedItems(
            placedIn: Rect(x: 0, y: 0, width: out.width, height: out.height), idPrefix: "", background: false)
        return out
    }

    private func transformedItems(placedIn frame: Rect, idPrefix prefix: String, background withBackground: Bool)
        -> [SceneItem]
    {
        let s = min(frame.width / width, frame.height / height)
        let dx = frame.x + (frame.width - width * s) / 2
        let dy = frame.y + (frame.height - height * s) / 2
        func r(_ q: Rect) -> Rect { Rect(x: dx + q.x * s, y: dy + q.y * s, width: q.width * s, height: q.height * s) }
        var out: [SceneItem] = []
        if withBackground, let background {
            out.append(
                SceneItem(
                    id: "\(prefix)background", layer: .background,
                    symbol: .rect(r(Rect(x: 0, y: 0, width: width, height: height)), fill: background, stroke: nil)))
        }
        for item in items {
            var moved = item.transformed(scale: s, dx: dx, dy: dy)
            moved.id = prefix + item.id
            out.append(moved)
        }
        return out
    }
}

extension SceneItem {
    /// This item scaled by `s` about the origin, then moved by (`dx`, `dy`): strokes, fonts, halos and marker
    /// decorations scale with it.
    func transformed(scale s: Double, dx: Double, dy: Double) -> SceneItem {
        func p(_ q: Point) -> Point { Point(x: dx + q.x * s, y: dy + q.y * s) }
        func r(_ q: Rect) -> Rect { Rect(x: dx + q.x * s, y: dy + q.y * s, width: q.width * s, height: q.height * s) }
        func k(_ st: Stroke) -> Stroke { Stroke(color: st.color, width: st.width * s, dash: st.dash.map { $0 * s }) }
        var out = self
        switch symbol {
        case .polygon(let rings, let fill, let stroke):
            out.symbol = .polygon(rings: rings.map { $0.map(p) }, fill: fill, stroke: stroke.map(k))
        case .polyline(let points, let stroke): out.symbol = .polyline(points: points.map(p), stroke: k(stroke))
        case .rect(let rect, let fill, let stroke): out.symbol = .rect(r(rect), fill: fill, stroke: stroke.map(k))
        case .marker(var m):
            m.center = p(m.center)
            m.radius *= s
            m.stroke = k(m.stroke)
            m.scale *= s
            out.symbol = .marker(m)
        case .text(var t):
            t.origin = p(t.origin)
            t.font.size *= s
            t.haloWidth *= s
            t.bounds = r(t.bounds)
            out.symbol = .text(t)
        case .image(var m):
            m.frame = r(m.frame)
            out.symbol = .image(m)
        }
        return out
    }

    /// This item moved down by `dy`.
    func translated(dy: Double) -> SceneItem { transformed(scale: 1, dx: 0, dy: dy) }
}
