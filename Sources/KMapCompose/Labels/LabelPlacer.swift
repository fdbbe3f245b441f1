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
    /// Rectangles no leader line may cross besides labels: the markers (badge slots and panels may be crossed).
    var leaderObstacles: [Rect] = []

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
        let leaderGrid = RectGrid(leaderObstacles)
        // Two passes: every label first tries the rings near its marker; only then do the labels left over try
        // the far rings, with longer leaders, so a far label never takes the place of a near one.
        // A third pass gives the labels still left a smaller secondary size, near their markers first.
        let passes = [(Self.nearRings, 1.0), (Self.farRings, 1.0), (Self.nearRings + Self.farRings, 0.82)]
        for (pass, (rings, size)) in passes.enumerated() {
            var left: [String] = []
            let waiting = Set(dropped)
            for (_, original) in order where pass == 0 || waiting.contains(original.id) {
                var request = original
                request.font.size *= size
                let found =
                    if indexed {
                        best(
                            for: request, rings: rings,
                            crossesLabel: { labelGrid.intersectsAny($0) || leaderGrid.intersectsAny($0) }
                        ) {
                            labelGrid.intersectsAny($0) || obstacleGrid.intersectsAny($0)
                        }
                    } else {
                        best(
                            for: request, rings: rings,
                            crossesLabel: { [placed, leaderObstacles] box in
                                placed.contains { $0.bounds.intersects(box) }
                                    || leaderObstacles.contains { $0.intersects(box) }
                            }
                        ) {
                            [placed, obstacles] box in
                            placed.contains { $0.bounds.intersects(box) } || obstacles.contains { $0.intersects(box) }
                        }
                    }
                if let p = found {
                    placed.append(p)
                    labelGrid.insert(p.bounds)
                } else {
                    left.append(request.id)
                }
            }
            dropped = left
        }
        let rank = Dictionary(uniqueKeysWithValues: requests.enumerated().map { ($1.id, $0) })
        return (placed.sorted { rank[$0.id]! < rank[$1.id]! }, dropped)
    }

    /// Rings of candidates round a marker: (ring number, gap in pixels between marker and label). Ring 0 has no
    /// leader line; the others do.
    static let nearRings: [(Int, Double)] = [(0, 3), (1, 10), (2, 18), (3, 28), (4, 40)]
    /// Further out, for the labels of crowded clusters (the villages north-east of Khanasir).
    static let farRings: [(Int, Double)] = [(5, 56), (6, 76), (7, 100)]

    /// The first free candidate for `r`; `blocked` says whether a padded box overlaps a label or obstacle,
    /// `crossesLabel` whether a point of a leader line falls on a placed label.
    private func best(for r: Request, rings: [(Int, Double)], crossesLabel: (Rect) -> Bool, blocked: (Rect) -> Bool)
        -> Placement?
    {
        let m = measurer.measure(r.text, font: r.font)
        let h = m.ascent + m.descent
        let pad = 1.5
        // Offsets of the label box's reference corner from the anchor, per candidate direction.
        for (step, gap) in rings {
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
                    let dx = target.x - r.anchor.x
                    let dy = target.y - r.anchor.y
                    let len = max(1e-9, (dx * dx + dy * dy).squareRoot())
                    let start = Point(
                        x: r.anchor.x + dx / len * (r.radius + 1), y: r.anchor.y + dy / len * (r.radius + 1))
                    // A leader may not run through another label or marker: probe small boxes along it, from
                    // beyond the place's own marker, ring and badges (`ownReach`) to just short of the label.
                    let ownReach = r.radius + 16
                    var along = ownReach
                    var crosses = false
                    while along < len - 3, !crosses {
                        let p = Point(x: r.anchor.x + dx / len * along, y: r.anchor.y + dy / len * along)
                        crosses = crossesLabel(Rect(x: p.x - 1, y: p.y - 1, width: 2, height: 2))
                        along += 4
                    }
                    if crosses { continue }
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
