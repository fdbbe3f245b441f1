/// Places place names around their markers without overlaps.
///
/// Candidates go round each marker (right first, as cartographers prefer), then further out with a leader
/// line. Places are served in priority order (kind, then data order), so important names win space. The
/// result depends only on the gazetteer, the projection and the theme, never on the day, so one placement
/// serves a whole sequence and names never jump between frames.
struct LabelPlacer {
    struct Request {
        var id: String
        var text: String
        var font: Font
        var anchor: Point
        var radius: Double
        var priority: Int
    }

    struct Placement: Sendable, Hashable {
        var id: String
        var text: String
        var font: Font
        var origin: Point
        var bounds: Rect
        /// From the marker's edge to the label, when the label had to move away.
        var leader: [Point]?
    }

    let measurer: any TextMeasurer
    /// Where labels may go.
    let frame: Rect
    /// Rectangles no label may cover: markers, panels.
    var obstacles: [Rect]

    /// Places every request it can; unplaceable ones are returned in `dropped`.
    ///
    /// - Parameter indexed: test candidates against a `RectGrid` of labels and obstacles (the default), or
    ///   against all of them (the original all-pairs search, kept to prove both place alike).
    /// - Complexity: indexed, O(n × candidates × neighbours); all pairs, O(n² × candidates).
    mutating func place(_ requests: [Request], indexed: Bool = true) -> (placed: [Placement], dropped: [String]) {
        let order = requests.enumerated().sorted { ($1.element.priority, $0.offset) < ($0.element.priority, $1.offset) }
        var placed: [Placement] = []
        var dropped: [String] = []
        var labelGrid = RectGrid()
        let obstacleGrid = RectGrid(obstacles)
        for (_, request) in order {
            let found =
                if indexed {
                    best(for: request) { labelGrid.intersectsAny($0) || obstacleGrid.intersectsAny($0) }
                } else {
                    best(for: request) { [placed, obstacles] box in
                        placed.contains { $0.bounds.intersects(box) } || obstacles.contains { $0.intersects(box) }
                    }
                }
            if let p = found {
                placed.append(p)
                labelGrid.insert(p.bounds)
            } else {
                dropped.append(request.id)
            }
        }
        let rank = Dictionary(uniqueKeysWithValues: requests.enumerated().map { ($1.id, $0) })
        return (placed.sorted { rank[$0.id]! < rank[$1.id]! }, dropped)
    }

    /// The first free candidate for `r`; `blocked` says whether a padded box overlaps a label or obstacle.
    private func best(for r: Request, blocked: (Rect) -> Bool) -> Placement? {
        let m = measurer.measure(r.text, font: r.font)
        let h = m.ascent + m.descent
        let pad = 1.5
        // Offsets of the label box's reference corner from the anchor, per candidate direction.
        for (step, gap) in [(0, 3.0), (1, 10.0), (2, 18.0), (3, 28.0), (4, 40.0)] {
            let d = r.radius + gap
            let diag = d * 0.75
            let candidates: [(dx: Double, dy: Double)] = [
                (d, -h / 2),  // east
                (-d - m.width, -h / 2),  // west
                (diag, -diag - h),  // north-east
                (diag, diag),  // south-east
                (-diag - m.width, -diag - h),  // north-west
                (-diag - m.width, diag),  // south-west
                (-m.width / 2, -d - h),  // north
                (-m.width / 2, d),  // south
            ]
            for c in candidates {
                let box = Rect(x: r.anchor.x + c.dx, y: r.anchor.y + c.dy, width: m.width, height: h)
                let padded = box.insetBy(-pad)
                guard frame.contains(box) else { continue }
                if blocked(padded) { continue }
                let origin = Point(x: box.x, y: box.y + m.ascent)
                var leader: [Point]?
                if step > 0 {
                    let target = Self.nearestPoint(on: box, to: r.anchor)
                    let dx = target.x - r.anchor.x, dy = target.y - r.anchor.y
                    let len = max(1e-9, (dx * dx + dy * dy).squareRoot())
                    let start = Point(x: r.anchor.x + dx / len * (r.radius + 1), y: r.anchor.y + dy / len * (r.radius + 1))
                    leader = [start, target]
                }
                return Placement(id: r.id, text: r.text, font: r.font, origin: origin, bounds: box, leader: leader)
            }
        }
        return nil
    }

    static func nearestPoint(on r: Rect, to p: Point) -> Point {
        Point(x: min(max(p.x, r.x), r.maxX), y: min(max(p.y, r.y), r.maxY))
    }
}
