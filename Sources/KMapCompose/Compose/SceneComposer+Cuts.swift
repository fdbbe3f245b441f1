import KMapModel

extension SceneComposer {
    /// The stretches of a cut road, dashed in the cut colour over the road, so the cut reads on the map and
    /// not only in the banner: a reader sees where the road is broken, and the dashes say it without colour.
    ///
    /// A cut at a named place marks the road between the mapped places on either side of it (where a traveller
    /// is stopped). Points a source counts without naming ("two other points along the road") cannot be placed:
    /// when only those cut a road, the whole road is marked.
    func cutStretches(_ state: ControlState) -> [SceneItem] {
        var items: [SceneItem] = []
        for link in state.roads where link.phase == .cut {
            guard let road = campaign.gazetteer.road(link.id), road.path.count >= 2 else { continue }
            let last = road.path.count - 1
            func vertex(_ placeID: String) -> Int? {
                guard let c = campaign.gazetteer.place(placeID)?.coordinate else { return nil }
                return road.path.indices.min {
                    Self.squaredDistance(road.path[$0], c) < Self.squaredDistance(road.path[$1], c)
                }
            }
            var ranges: [ClosedRange<Int>] = []
            if link.cutAt.isEmpty {
                if link.unnamedCut > 0 { ranges = [0...last] }
            } else {
                for placeID in link.cutAt {
                    guard let v = road.via.firstIndex(of: placeID), let i = vertex(placeID) else { continue }
                    let before = v > 0 ? vertex(road.via[v - 1]) ?? 0 : 0
                    let after = v < road.via.count - 1 ? vertex(road.via[v + 1]) ?? last : last
                    ranges.append(min(before, after, i)...max(before, after, i))
                }
            }
            for (k, range) in ranges.enumerated() where range.count >= 2 {
                let line = PolylineSimplifier.simplify(road.path[range].map(projection.project))
                for (j, run) in layout.mapArea.clip(polyline: line).enumerated() {
                    items.append(
                        SceneItem(
                            id: "cut-stretch:\(road.id):\(k):\(j)", layer: .roadStatus,
                            symbol: .polyline(
                                points: run, stroke: Stroke(color: theme.roadCut, width: 4, dash: [7, 5])),
                            title: "\(road.name): cut"))
                }
            }
        }
        return items
    }

    static func squaredDistance(_ a: Coordinate, _ b: Coordinate) -> Double {
        (a.lon - b.lon) * (a.lon - b.lon) + (a.lat - b.lat) * (a.lat - b.lat)
    }
}

extension SceneComposer {
    /// The middle, by length, of each road's longest run inside `area`.
    static func roadAnchors(_ roads: [Road], projection: Projection, area: Rect) -> [String: Point] {
        var out: [String: Point] = [:]
        for road in roads {
            let runs = area.clip(polyline: PolylineSimplifier.simplify(road.path.map(projection.project)))
            func length(_ run: [Point]) -> Double {
                zip(run, run.dropFirst()).reduce(0) {
                    $0 + (($1.1.x - $1.0.x) * ($1.1.x - $1.0.x) + ($1.1.y - $1.0.y) * ($1.1.y - $1.0.y)).squareRoot()
                }
            }
            guard let run = runs.max(by: { length($0) < length($1) }), run.count >= 2 else { continue }
            var left = length(run) / 2
            for (a, b) in zip(run, run.dropFirst()) {
                let d = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                if d >= left, d > 0 {
                    out[road.id] = Point(x: a.x + (b.x - a.x) * left / d, y: a.y + (b.y - a.y) * left / d)
                    break
                }
                left -= d
            }
        }
        return out
    }
}
