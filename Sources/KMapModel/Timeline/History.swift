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
    /// Every place's and road's stretches of unchanged state, from the initial control through day `last`.
    ///
    /// A stretch ends when anything shown about the place changes: controller, status, attackers, the event it
    /// rests on (a new quote is a new record) or its confidence, which also changes with no event as evidence
    /// ages (`staleAfter`). So the state is taken, as `state(at:)` gives it, at every instant an event counts
    /// from and at the end of every day; events at the same instant count as one change, and no stretch is
    /// empty. Roads change when their status, phase or cut points change.
    ///
    /// - Complexity: O((distinct event instants + days) × (places + roads)): one forward replay, a snapshot at
    ///   each of those instants.
    public func history(through last: Day) -> History {
        var replay = Replay(self)
        let initial = assess(replay.snapshot(at: Instant(day: start.adding(days: -1))))
        var placeRuns: [[History.PlaceStretch]] = initial.places.map {
            [History.PlaceStretch(placeID: $0.placeID, control: $0, start: nil, end: nil)]
        }
        var roadRuns: [[History.RoadStretch]] = initial.roads.map {
            [History.RoadStretch(roadID: $0.id, state: $0, start: nil, end: nil)]
        }
        var samples = Set(instants)
        var day = start
        while day <= last {
            samples.insert(.endOf(day))
            day = day.adding(days: 1)
        }
        var applied = 0
        for instant in samples.sorted() {
            let through = eventCount(through: instant)
            while applied < through {
                replay.apply(events[applied])
                applied += 1
            }
            let now = assess(replay.snapshot(at: instant))
            for (p, control) in now.places.enumerated() where placeRuns[p][placeRuns[p].count - 1].control != control {
                placeRuns[p][placeRuns[p].count - 1].end = instant
                placeRuns[p].append(
                    History.PlaceStretch(placeID: control.placeID, control: control, start: instant, end: nil))
            }
            for (r, road) in now.roads.enumerated() {
                let last = roadRuns[r][roadRuns[r].count - 1].state
                guard
                    (last.isCut, last.phase, last.cutAt, last.unnamedCut) != (
                        road.isCut, road.phase, road.cutAt, road.unnamedCut
                    )
                else { continue }
                roadRuns[r][roadRuns[r].count - 1].end = instant
                roadRuns[r].append(History.RoadStretch(roadID: road.id, state: road, start: instant, end: nil))
            }
        }
        return History(places: placeRuns.flatMap { $0 }, roads: roadRuns.flatMap { $0 })
    }
}
