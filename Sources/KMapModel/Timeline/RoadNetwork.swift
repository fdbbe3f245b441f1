/// The roads as a graph of the places along them, and the supply route across it.
///
/// Road status is never set by hand: a road is cut wherever a place in its `via` is not held (uncontested)
/// by the road's own faction, and the route is connected when a path of places its faction holds joins its two
/// ends. Each road is judged against its own side: an ISIL road is not "cut" at ISIL's towns. A road with no
/// faction is never cut.
public struct RoadNetwork: Sendable {
    public struct Route: Sendable, Hashable {
        public var name: String
        /// Whose route it is; it may run along roads of any side.
        public var faction: String
        public var from: String
        public var to: String
        public init(name: String, faction: String, from: String, to: String) {
            self.name = name
            self.faction = faction
            self.from = from
            self.to = to
        }
    }

    /// One road of the graph: its places in order and whose road it is (nil: nobody's, never cut).
    public struct Link: Sendable, Hashable {
        public var id: String
        public var via: [String]
        public var faction: String?
        public init(id: String, via: [String], faction: String?) {
            self.id = id
            self.via = via
            self.faction = faction
        }
    }

    public let roads: [Link]
    public let route: Route?
    /// The route's places in order along the shortest path, ignoring control; nil when no path exists.
    public let routePath: [String]?
    private let neighbours: [String: [String]]
    /// Indices of the roads through each place, so an event re-derives only its places' roads.
    private let roadsByPlace: [String: [Int]]

    public init(roads: [Link], route: Route?) {
        self.roads = roads
        self.route = route
        var n: [String: [String]] = [:]
        for road in roads {
            for (a, b) in zip(road.via, road.via.dropFirst()) {
                n[a, default: []].append(b)
                n[b, default: []].append(a)
            }
        }
        neighbours = n
        var byPlace: [String: [Int]] = [:]
        for (i, road) in roads.enumerated() {
            for id in Set(road.via) { byPlace[id, default: []].append(i) }
        }
        roadsByPlace = byPlace
        routePath = route.flatMap { RoadNetwork.shortestPath(from: $0.from, to: $0.to, neighbours: n) { _ in true } }
    }

    /// Indices of the roads through any of `places`, ascending.
    func roads(through places: Set<String>) -> [Int] {
        var found = Set<Int>()
        for id in places { found.formUnion(roadsByPlace[id] ?? []) }
        return found.sorted()
    }

    /// Places along `via` that `faction` cannot pass, in order; none for a road of no faction.
    func cutPoints(_ via: [String], faction: String?, _ control: (String) -> PlaceControl?) -> [String] {
        guard let faction else { return [] }
        return via.filter { control($0)?.isPassable(for: faction) != true }
    }

    /// Where the route is cut: the places on its path its faction cannot pass, or [] when a passable path exists.
    func routeCutPoints(_ control: (String) -> PlaceControl?) -> [String] {
        guard let route, let path = routePath else { return [] }
        let open = RoadNetwork.shortestPath(from: route.from, to: route.to, neighbours: neighbours) {
            control($0)?.isPassable(for: route.faction) == true
        }
        return open == nil ? cutPoints(path, faction: route.faction, control) : []
    }

    /// Indices of the roads the route runs along: those sharing a segment (two consecutive places) with its path.
    var routeRoads: [Int] {
        guard let path = routePath, path.count > 1 else { return [] }
        let segments = Set(zip(path, path.dropFirst()).flatMap { ["\($0)|\($1)", "\($1)|\($0)"] })
        return roads.indices.filter { i in
            zip(roads[i].via, roads[i].via.dropFirst()).contains { segments.contains("\($0)|\($1)") }
        }
    }

    /// Breadth-first search; neighbours are visited in data order, so the result is deterministic.
    static func shortestPath(
        from: String, to: String, neighbours: [String: [String]], passable: (String) -> Bool
    ) -> [String]? {
        guard passable(from), passable(to) else { return nil }
        var previous: [String: String] = [from: from]
        var queue = [from]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            if node == to {
                var path = [to]
                while let p = previous[path.last!], p != path.last! { path.append(p) }
                return path.reversed()
            }
            for next in neighbours[node] ?? [] where previous[next] == nil && passable(next) {
                previous[next] = node
                queue.append(next)
            }
        }
        return nil
    }
}
