import KMapModel

/// Where each place's marker is drawn: at its projected position, or nudged aside where it would overlap
/// another marker, with a leader back to the true position.
///
/// At thumbnail sizes Khanasir, Tal Za'rour and Al-Mughayrat fall on the same few pixels; a reader must still
/// see three markers in three colours. Places are served by importance (a town stays put, a hill moves), each
/// moved by the least distance that clears the markers already placed, never further than a few radii: past
/// that a marker stays where it is rather than wander from its place.
struct MarkerPositions: Sendable {
    let projection: Projection
    /// Drawn positions of the places that had to move, by place id.
    let displaced: [String: Point]
    /// Every place's drawn position, in the order of the places given: what each frame's markers read,
    /// without hashing 10,000 ids a frame.
    let drawn: [Point]
    /// Indices of the places that moved, in the order of the places given.
    let moved: [Int]

    init(projection: Projection, places: [Place]) {
        self.projection = projection
        var grid = RectGrid(cellSize: 32)
        var moved: [String: Point] = [:]
        let order = places.indices.sorted {
            (places[$1].kind.labelPriority, $0) < (places[$0].kind.labelPriority, $1)
        }
        for i in order {
            let place = places[i]
            let p = projection.project(place.coordinate)
            let r = Symbology.radius(for: place.kind) + 1
            func box(_ c: Point) -> Rect { Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r) }
            var chosen = p
            if grid.intersectsAny(box(p)) {
                search: for step in 1...8 {
                    let d = Double(step) * r * 0.5
                    for k in 0..<8 {
                        let c = Point(x: p.x + d * Self.cosines[k], y: p.y - d * Self.sines[k])
                        if !grid.intersectsAny(box(c)) {
                            chosen = c
                            break search
                        }
                    }
                }
                if chosen != p { moved[place.id] = chosen }
            }
            grid.insert(box(chosen))
        }
        displaced = moved
        drawn = places.map { moved[$0.id] ?? projection.project($0.coordinate) }
        self.moved = places.indices.filter { moved[places[$0].id] != nil }
    }

    /// Right, up-right, up, up-left, left, down-left, down, down-right.
    private static let cosines: [Double] = [1, 0.7071, 0, -0.7071, -1, -0.7071, 0, 0.7071]
    private static let sines: [Double] = [0, 0.7071, 1, 0.7071, 0, -0.7071, -1, -0.7071]

    /// Where `place`'s marker is drawn.
    func point(_ place: Place) -> Point { displaced[place.id] ?? projection.project(place.coordinate) }
}

extension SceneComposer {
    /// For each nudged marker, a dot at the place's true position and a thin line to the marker: the reader
    /// sees that the marker was moved, and from where.
    func displacementLeaders() -> [SceneItem] {
        markerPositions.moved.flatMap { i -> [SceneItem] in
            let place = visiblePlaces[i]
            let drawn = markerPositions.drawn[i]
            let p = projection.project(place.coordinate)
            return [
                SceneItem(
                    id: "moved:\(place.id)", layer: .roads,
                    symbol: .polyline(points: [p, drawn], stroke: Stroke(color: theme.mutedInk, width: 1))),
                SceneItem(
                    id: "moved:\(place.id):dot", layer: .roads,
                    symbol: .marker(
                        Marker(
                            shape: .circle, center: p, radius: 1.6, fill: theme.ink,
                            stroke: Stroke(color: theme.ink, width: 0.5)))),
            ]
        }
    }
}
