import KMapModel

/// What changed between two frames, as numbered entries keyed to the map.
///
/// Each entry is an event that changed control (or a road's phase) in (previous, current]; the places it
/// changed carry its number on the map. Events that only restate a state are left out: nothing to see.
struct Changes {
    struct Entry {
        /// Its number on the map and in the panel; nil when nothing of it is on the map (a place or road
        /// off the frame), so no number waits for a badge that is not drawn.
        var number: Int?
        var event: Event
        /// Visible-or-not places whose state this event changed.
        var places: [String]
    }

    let entries: [Entry]
    /// Every place whose control or status differs from the previous frame.
    let changedPlaces: Set<String>
    /// The numbers shown beside each changed place: every changing event's, in order ("1,3").
    let numbers: [String: [Int]]
    /// The numbers shown on roads, for entries no place of which is on the map (points on a road), by road id.
    let roadNumbers: [String: [Int]]
    /// Roads (and the supply route) whose phase differs from the previous frame: name and new phase.
    let roads: [(name: String, phase: LinkPhase)]
    let since: Instant?

    /// - Parameters:
    ///   - shown: whether a place is on the map.
    ///   - roadShown: whether a road is on the map.
    init(
        campaign: Campaign, from previous: ControlState?, to state: ControlState,
        shown: (String) -> Bool = { _ in true }, roadShown: (String) -> Bool = { _ in true }
    ) {
        since = previous?.instant
        guard let previous, previous.instant < state.instant else {
            entries = []
            changedPlaces = []
            numbers = [:]
            roadNumbers = [:]
            roads = []
            return
        }
        // By id, not by position: with `--evidence` the two states may hold different places.
        let differs = Set(
            state.places.enumerated().filter { i, p in
                guard let q = previous.control(of: p.placeID, hint: i) else { return true }
                return q.controller != p.controller || q.status != p.status || q.contestedBy != p.contestedBy
            }.map(\.element.placeID))
        var entries: [Entry] = []
        var numbers: [String: [Int]] = [:]
        var roadNumbers: [String: [Int]] = [:]
        var next = 1
        let roadsChanged = zip(previous.roads, state.roads).contains {
            $0.phase != $1.phase || $0.unnamedCut != $1.unnamedCut
        }
        for event in campaign.timeline.events(after: previous.instant, through: state.instant) {
            let touched = event.changesControl ? event.places.filter(differs.contains) : []
            let roadEvent = (event.traffic != nil || (event.unnamed > 0 && !event.roads.isEmpty)) && roadsChanged
            guard !touched.isEmpty || roadEvent else { continue }
            let onMap = touched.filter(shown)
            let road = onMap.isEmpty && roadEvent ? event.roads.first(where: roadShown) : nil
            guard !onMap.isEmpty || road != nil else {
                entries.append(Entry(number: nil, event: event, places: touched))
                continue
            }
            let n = next
            next += 1
            entries.append(Entry(number: n, event: event, places: touched))
            for p in onMap { numbers[p, default: []].append(n) }
            if let road { roadNumbers[road, default: []].append(n) }
        }
        self.entries = entries
        self.changedPlaces = differs
        self.numbers = numbers
        self.roadNumbers = roadNumbers
        var roads: [(name: String, phase: LinkPhase)] = []
        if let route = state.route, let info = campaign.info.supplyRoute, previous.route?.phase != route.phase {
            roads.append((info.name, route.phase))
        }
        let route = campaign.info.supplyRoute
        for (p, r) in zip(previous.roads, state.roads) where p.phase != r.phase {
            let road = campaign.gazetteer.road(r.id)
            // The road the supply route runs along is said once, by the route's name.
            if let route, let via = road?.via, roads.first?.name == route.name, via.contains(route.from),
                via.contains(route.to)
            {
                continue
            }
            let name = road?.name ?? r.id
            if !roads.contains(where: { $0.name == name }) { roads.append((name, r.phase)) }
        }
        self.roads = roads
    }
}
