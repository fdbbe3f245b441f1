/// A campaign's whole history as stretches of unchanged state: per place and per road, from one change to the next.
///
/// Exports for GIS tools and spreadsheets (`kmap export`) want "this place was held by X from A until B", not a
/// state per day: one record per stretch is what QGIS's Temporal Controller, Google Earth's time slider and
/// Leaflet.timeline read, and it stays small for long campaigns where most places never change.
public struct History: Sendable {
    /// A place's unchanged control from `start` until `end`.
    public struct PlaceStretch: Sendable, Hashable {
        public var placeID: String
        public var control: PlaceControl
        /// When the stretch began; nil for the initial control (the campaign's start).
        public var start: Instant?
        /// When the next change happened (exclusive); nil when nothing changed it afterwards.
        public var end: Instant?
    }

    /// A road's unchanged status from `start` until `end`.
    public struct RoadStretch: Sendable, Hashable {
        public var roadID: String
        public var state: LinkState
        public var start: Instant?
        public var end: Instant?
    }

    /// Grouped by place in gazetteer order, each place's stretches in time order.
    public var places: [PlaceStretch]
    /// Grouped by road in gazetteer order, each road's stretches in time order.
    public var roads: [RoadStretch]
}

extension Timeline {
    /// Every place's and road's stretches of unchanged state, from the initial control to the last event.
    ///
    /// A stretch ends when anything shown about the place changes: controller, status, attackers, or the
    /// event it rests on (a new quote is a new record). Events at the same instant count as one change, so
    /// no stretch is empty. Roads change when their status, phase or cut points change.
    ///
    /// - Complexity: O(events × (places named + roads through them)): one replay, comparing only what each
    ///   event touches.
    public func history() -> History {
        var replay = Replay(self)
        let initial = replay.snapshot(at: Instant(day: start.adding(days: -1)))
        var placeRuns: [[History.PlaceStretch]] = initial.places.map {
            [History.PlaceStretch(placeID: $0.placeID, control: $0, start: nil, end: nil)]
        }
        var roadRuns: [[History.RoadStretch]] = initial.roads.map {
            [History.RoadStretch(roadID: $0.id, state: $0, start: nil, end: nil)]
        }
        var roadsThrough: [String: [Int]] = [:]
        for (i, road) in network.roads.enumerated() { for id in Set(road.via) { roadsThrough[id, default: []].append(i) } }
        let lookup: (Replay) -> (String) -> PlaceControl? = { r in { id in r.index[id].map { r.controls[$0] } } }

        var i = 0
        while i < events.count {
            let instant = events[i].instant
            var touchedPlaces: Set<Int> = []
            var touchedRoads: Set<Int> = []
            while i < events.count, events[i].instant == instant {
                let event = events[i]
                replay.apply(event)
                for id in event.places {
                    if let p = replay.index[id] { touchedPlaces.insert(p) }
                    touchedRoads.formUnion(roadsThrough[id] ?? [])
                }
                if !event.roads.isEmpty {
                    for (r, road) in network.roads.enumerated() where event.roads.contains(road.id) { touchedRoads.insert(r) }
                }
                i += 1
            }
            for p in touchedPlaces.sorted() {
                let now = replay.controls[p]
                guard placeRuns[p][placeRuns[p].count - 1].control != now else { continue }
                placeRuns[p][placeRuns[p].count - 1].end = instant
                placeRuns[p].append(History.PlaceStretch(placeID: now.placeID, control: now, start: instant, end: nil))
            }
            let control = lookup(replay)
            for r in touchedRoads.sorted() {
                let road = network.roads[r]
                let now = replay.roadTrackers[r].state(
                    id: road.id, cutAt: network.cutPoints(road.via, faction: road.faction, control), unnamedCut: replay.unnamedHostile[r])
                let last = roadRuns[r][roadRuns[r].count - 1].state
                guard (last.isCut, last.phase, last.cutAt, last.unnamedCut) != (now.isCut, now.phase, now.cutAt, now.unnamedCut)
                else { continue }
                roadRuns[r][roadRuns[r].count - 1].end = instant
                roadRuns[r].append(History.RoadStretch(roadID: road.id, state: now, start: instant, end: nil))
            }
        }
        return History(places: placeRuns.flatMap { $0 }, roads: roadRuns.flatMap { $0 })
    }
}
