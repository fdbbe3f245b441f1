import KMapCompose

/// Feeds a scene into an FNV-1a hash field by field, building no text.
///
/// Written out rather than derived, because a frame of 10,000 places holds some 300,000 values: hashing the
/// runtime's reflection of it took 0.8 s a frame, an `Encoder` over a synthesized `Codable` conformance 50 ms,
/// this a few. Every stored field of every scene type is fed in declaration order (`FrameDigestTests` fails
/// when a type gains a field this does not feed; a `Symbol` case that changes does not compile). Counts and
/// tags make the stream unambiguous: where a list ends and which optional is set are part of the hash.
extension FNV1a {
    mutating func add(_ scene: Scene) {
        add(scene.width)
        add(scene.height)
        add(scene.background)
        add(count: scene.items.count)
        for item in scene.items { add(item) }
        add(string: scene.title)
        add(string: scene.subject)
        add(count: scene.metadata.count)
        for m in scene.metadata {
            add(string: m.key)
            add(string: m.value)
        }
    }

    mutating func add(_ item: SceneItem) {
        add(string: item.id)
        add(string: item.layer.rawValue)
        add(item.symbol)
        add(item.title)
    }

    mutating func add(_ symbol: Symbol) {
        switch symbol {
        case .polygon(let rings, let fill, let stroke):
            add(byte: 1)
            add(count: rings.count)
            for ring in rings { add(ring) }
            add(fill)
            add(stroke)
        case .polyline(let points, let stroke):
            add(byte: 2)
            add(points)
            add(stroke)
        case .rect(let r, let fill, let stroke):
            add(byte: 3)
            add(r)
            add(fill)
            add(stroke)
        case .marker(let m):
            add(byte: 4)
            add(string: m.shape.rawValue)
            add(m.center)
            add(m.radius)
            add(m.fill)
            add(m.splitFill)
            add(m.stroke)
            add(m.ring)
            add(m.hollow)
            add(m.highlight)
            add(m.scale)
        case .text(let t):
            add(byte: 5)
            add(string: t.text)
            add(t.origin)
            add(string: t.font.family)
            add(t.font.size)
            add(byte: t.font.bold ? 1 : 0)
            add(byte: t.font.italic ? 1 : 0)
            add(t.color)
            add(t.halo)
            add(t.haloWidth)
            add(t.bounds)
        case .image(let m):
            add(byte: 6)
            add(m.frame)
            add(count: m.columns)
            add(count: m.rows)
            add(count: m.coverage.count)
            m.coverage.withUnsafeBytes { add(bytes: $0) }
            add(m.color)
        }
    }

    mutating func add(_ stroke: Stroke?) {
        guard let stroke else { return add(byte: 0) }
        add(byte: 1)
        add(stroke.color)
        add(stroke.width)
        add(count: stroke.dash.count)
        for d in stroke.dash { add(d) }
    }

    mutating func add(_ color: Color?) {
        guard let c = color else { return add(byte: 0) }
        add(byte: 1)
        add(c.r)
        add(c.g)
        add(c.b)
        add(c.a)
    }

    mutating func add(_ points: [Point]) {
        add(count: points.count)
        for p in points { add(p) }
    }

    mutating func add(_ p: Point) {
        add(p.x)
        add(p.y)
    }

    mutating func add(_ r: Rect) {
        add(r.x)
        add(r.y)
        add(r.width)
        add(r.height)
    }

    mutating func add(_ v: Double) { add(word: v.bitPattern) }

    mutating func add(count: Int) { add(word: UInt64(count)) }

    /// A string with its length first, so that two strings never read as one.
    mutating func add(string s: String) {
        add(count: s.utf8.count)
        add(s)
    }

    mutating func add(_ s: String?) {
        guard let s else { return add(byte: 0) }
        add(byte: 1)
        add(string: s)
    }
}
