/// The initial control and every event, in the order they apply, with the state machine that replays them.
public struct Timeline: Sendable {
    public let initial: InitialControl
    /// Sorted by `instants`, then by file order.
    public let events: [Event]
    /// When each event (same index) counts as having happened: its time; for an untimed event, the earliest
    /// time of an event its source tells after it on the same day (it had happened by then), else the end
    /// of its day. No hour is invented: an untimed event is only ordered by the source's words.
    public let instants: [Instant]
    /// Per place id, how sure its identification and position are (the weakest of the two); missing: stated.
    public let identification: [String: Confidence]
    /// The same by position in `placeIDs`, for the per-frame pass over every place.
    let identificationByIndex: [Confidence]
    /// How long evidence lasts; nil: it never ages.
    public let staleness: Staleness?
    /// The places whose control is tracked, in gazetteer order.
    public let placeIDs: [String]
    public let network: RoadNetwork
    /// The first day; initial control dates from it.
    public let start: Day
    /// Replay states every `interval` events, so `state(at:)` never replays from the start.
    let checkpoints: ReplayCheckpoints
    let identity = Identity()

    public init(
        initial: InitialControl, events: [Event], placeIDs: [String], network: RoadNetwork, start: Day,
        identification: [String: Confidence] = [:], staleness: Staleness? = nil
    ) {
        self.initial = initial
        self.identification = identification
        identificationByIndex = placeIDs.map { identification[$0] ?? .stated }
        self.staleness = staleness
        let placed = Timeline.place(events)
        self.events = placed.map(\.event)
        instants = placed.map(\.instant)
        self.placeIDs = placeIDs
        self.network = network
        self.start = start
        checkpoints = ReplayCheckpoints.build(
            events: self.events, placeIDs: placeIDs, initial: initial, network: network, start: start)
    }

    /// Control before any event.
    public var initialState: ControlState { state(at: Instant(day: start.adding(days: -1))) }

    /// The state after every event at or before `instant`.
    ///
    /// - Complexity: O(log events + places + interval × roads touched): a binary search for the instant, then
    ///   a replay from the nearest checkpoint before it (`ReplayCheckpoints`), never from the start.
    public func state(at instant: Instant) -> ControlState {
        var cursor = Cursor()
        return state(at: instant, cursor: &cursor)
    }

    /// The state after every event at or before `instant`, replayed on from `cursor`'s last query when that is
    /// nearer than a checkpoint.
    ///
    /// A sequence asks for its instants in order, a day or so apart: replaying the few events between them
    /// instead of up to a checkpoint interval (10,000 events for 10,000 places) is most of a frame's replay.
    public func state(at instant: Instant, cursor: inout Cursor) -> ControlState {
        // A frame's previous instant is mostly the last frame's instant: its state is the one made last.
        if cursor.timeline === identity, let last = cursor.last, last.instant == instant { return last }
        let end = eventCount(through: instant)
        var replay = checkpoints.replay(before: end)
        if cursor.timeline === identity, let kept = cursor.replay, kept.applied <= end, kept.applied >= replay.applied {
            replay = kept
        }
        cursor.replay = nil  // the replay below is then the only owner of its arrays: no copy on apply
        for event in events[replay.applied..<end] { replay.apply(event) }
        cursor.replay = replay
        cursor.timeline = identity
        let state = assess(replay.snapshot(at: instant))
        cursor.last = state
        return state
    }

    /// The replay of a timeline's last `state(at:cursor:)` query, kept for the next one.
    ///
    /// It remembers which timeline it came from: given to another, it is ignored rather than replayed on.
    public struct Cursor: Sendable {
        var replay: Replay?
        /// The state of the last query.
        var last: ControlState?
        var timeline: Identity?
        public init() {}
    }

    /// One per timeline made, shared by its copies: what a cursor checks it came from.
    final class Identity: Sendable {}

    /// The same state by replaying every event from the initial control: the reference `state(at:)` must equal.
    func fullReplayState(at instant: Instant) -> ControlState {
        var replay = Replay(self)
        for event in events.prefix(eventCount(through: instant)) { replay.apply(event) }
        return assess(replay.snapshot(at: instant))
    }

    /// Each event with the instant it counts from, sorted by that instant and then by file order.
    static func place(_ events: [Event]) -> [(event: Event, instant: Instant)] {
        let byFile = events.sorted { ($0.day, $0.index) < ($1.day, $1.index) }
        var out: [(event: Event, instant: Instant)] = []
        out.reserveCapacity(byFile.count)
        var later: TimeOfDay = .endOfDay
        var day: Day?
        for e in byFile.reversed() {
            if e.day != day {
                later = .endOfDay
                day = e.day
            }
            if let t = e.time { later = min(later, t) }
            out.append((e, Instant(day: e.day, time: e.time ?? later)))
        }
        return out.reversed().sorted { ($0.instant, $0.event.index) < ($1.instant, $1.event.index) }
    }

    /// How many events apply as of `instant` (events are sorted by `instants`).
    ///
    /// - Complexity: O(log events).
    public func eventCount(through instant: Instant) -> Int {
        var low = 0
        var high = instants.count
        while low < high {
            let mid = (low + high) / 2
            if instants[mid] <= instant { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Events that apply in (after, through], in order.
    ///
    /// - Complexity: O(log events + result): every frame of a sequence asks, so no scan of all events.
    public func events(after a: Instant, through b: Instant) -> [Event] {
        let lower = eventCount(through: a)
        let upper = eventCount(through: b)
        return lower < upper ? Array(events[lower..<upper]) : []
    }

    /// Events that apply as of `instant`, in order.
    public func events(through instant: Instant) -> [Event] { Array(events.prefix(eventCount(through: instant))) }
}

/// The mutable half of the state machine: control per place plus the road trackers.
struct Replay {
    let network: RoadNetwork
    var controls: [PlaceControl]
    var index: [String: Int]
    var roadTrackers: [LinkTracker]
    var routeTracker = LinkTracker()
    /// Per road: unnamed positions along it held against the road's faction.
    var unnamedHostile: [Int]
    let routeRoads: [Int]
    var applied = 0

    init(_ timeline: Timeline) {
        self.init(
            initial: timeline.initial, placeIDs: timeline.placeIDs, network: timeline.network, start: timeline.start)
    }

    /// The initial control, from the parts of a timeline (checkpoints are built before the timeline exists).
    init(initial: InitialControl, placeIDs: [String], network: RoadNetwork, start: Day) {
        self.network = network
        var exceptions: [String: Event] = [:]
        for e in initial.exceptions { for p in e.places { exceptions[p] = e } }
        let defaultBasis = PlaceControl.Basis(
            eventID: nil, quote: initial.quote, source: initial.source, confidence: initial.confidence,
            line: initial.line, day: start)
        let covered = initial.places.map(Set.init)
        controls = placeIDs.map { id in
            let exception = exceptions[id]
            if exception == nil, let covered, !covered.contains(id) {
                return PlaceControl(
                    placeID: id, controller: PlaceControl.unknown, status: .held, contestedBy: [], since: start,
                    statusSince: start,
                    basis: PlaceControl.Basis(
                        eventID: nil, quote: "", source: "", confidence: .inferred, line: initial.line, day: start),
                    confidence: .unknown)
            }
            return PlaceControl(
                placeID: id, controller: exception?.controller ?? initial.controller,
                status: exception?.status ?? .held,
                contestedBy: exception?.by ?? [], since: start, statusSince: start,
                basis: exception.map { PlaceControl.Basis($0, initial: true) } ?? defaultBasis)
        }
        var index: [String: Int] = [:]
        for (i, c) in controls.enumerated() { index[c.placeID] = i }
        self.index = index
        roadTrackers = Array(repeating: LinkTracker(), count: network.roads.count)
        unnamedHostile = Array(repeating: 0, count: network.roads.count)
        routeRoads = network.routeRoads
        for e in initial.exceptions { Replay.countUnnamed(e, network: network, into: &unnamedHostile) }
        // A link cut by the initial control was cut before the campaign, on a day no source gives: it dates from
        // the start and says so (`LinkState.cutFromStart`), rather than claiming the day before.
        observeLinks(at: Instant(day: start, time: TimeOfDay(minutes: 0)!), touched: nil)
        for i in roadTrackers.indices { roadTrackers[i].markStart() }
        routeTracker.markStart()
    }

    mutating func apply(_ event: Event) {
        applied += 1
        var touched: Set<String> = []
        if event.changesControl {
            for id in event.places {
                guard let i = index[id] else { continue }
                touched.insert(id)
                var c = controls[i]
                let status = event.status ?? .held
                if let controller = event.controller, controller != c.controller {
                    c.controller = controller
                    c.since = event.day
                    c.statusSince = event.day
                }
                if status != c.status { c.statusSince = event.day }
                c.status = status
                c.contestedBy = status == .held ? [] : event.by.filter { $0 != c.controller }
                c.basis = PlaceControl.Basis(event)
                controls[i] = c
            }
        }
        if Replay.countUnnamed(event, network: network, into: &unnamedHostile) {
            touched.formUnion(network.roads.filter { event.roads.contains($0.id) }.flatMap(\.via))
            observeLinks(at: event.instant, touched: nil)
        } else {
            observeLinks(at: event.instant, touched: touched)
        }
        if event.traffic == .reopened {
            for (i, road) in network.roads.enumerated() where event.roads.contains(road.id) {
                roadTrackers[i].reopen(at: event.instant)
            }
            routeTracker.reopen(at: event.instant)
        }
    }

    /// Adds (hostile capture) or removes (recapture by the road's faction) unnamed positions along the event's
    /// roads; returns whether the event counted any. Counts never go below zero; a road of no faction counts none.
    @discardableResult
    static func countUnnamed(_ event: Event, network: RoadNetwork, into counts: inout [Int]) -> Bool {
        guard event.unnamed > 0, !event.roads.isEmpty, let controller = event.controller else { return false }
        for (i, road) in network.roads.enumerated() where event.roads.contains(road.id) {
            guard let faction = road.faction else { continue }
            counts[i] = controller == faction ? max(0, counts[i] - event.unnamed) : counts[i] + event.unnamed
        }
        return true
    }

    var routeUnnamed: Int { routeRoads.reduce(0) { $0 + unnamedHostile[$1] } }

    /// Re-derives the links that pass through a touched place (all links when `touched` is nil).
    mutating func observeLinks(at instant: Instant, touched: Set<String>?) {
        let lookup: (String) -> PlaceControl? = { [controls, index] id in index[id].map { controls[$0] } }
        for i in touched.map(network.roads(through:)) ?? Array(network.roads.indices) {
            let road = network.roads[i]
            roadTrackers[i].observe(
                cut: !network.cutPoints(road.via, faction: road.faction, lookup).isEmpty || unnamedHostile[i] > 0,
                at: instant)
        }
        if network.route != nil, touched.map({ !$0.isEmpty }) ?? true {
            routeTracker.observe(cut: !network.routeCutPoints(lookup).isEmpty || routeUnnamed > 0, at: instant)
        }
    }

    func snapshot(at instant: Instant) -> ControlState {
        let lookup: (String) -> PlaceControl? = { id in index[id].map { controls[$0] } }
        let roads = network.roads.enumerated().map { i, road in
            roadTrackers[i].state(
                id: road.id, cutAt: network.cutPoints(road.via, faction: road.faction, lookup),
                unnamedCut: unnamedHostile[i])
        }
        let route = network.route.map {
            routeTracker.state(id: $0.name, cutAt: network.routeCutPoints(lookup), unnamedCut: routeUnnamed)
        }
        return ControlState(
            instant: instant, places: controls, roads: roads, route: route, appliedEventCount: applied, index: index)
    }
}
