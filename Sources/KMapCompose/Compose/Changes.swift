import KMapModel

/// What changed between two frames, as numbered entries keyed to the map.
///
/// Each entry is an event that changed control (or a road's phase) in (previous, current]; the places it
/// changed carry its number on the map. Events that only restate a state are left out: nothing to see.
struct Changes {
    struct Entry {
        var number: Int
        var event: Event
        /// Visible-or-not places whose state this event changed.
        var places: [String]
    }

    let entries: [Entry]
    /// Every place whose control or status differs from the previous frame.
    let changedPlaces: Set<String>
    /// The number shown beside each changed place: its latest changing event's.
    let numbers: [String: Int]
    let since: Instant?

    init(campaign: Campaign, from previous: ControlState?, to state: ControlState) {
        since = previous?.instant
        guard let previous, previous.instant < state.instant else {
            entries = []
            changedPlaces = []
            numbers = [:]
            return
        }
        // By id, not by position: with `--evidence` the two states may hold different places.
        let differs = Set(
            state.places.filter { p in
                guard let q = previous[p.placeID] else { return true }
                return q.controller != p.controller || q.status != p.status || q.contestedBy != p.contestedBy
            }.map(\.placeID))
        var entries: [Entry] = []
        var numbers: [String: Int] = [:]
        let roadsChanged = zip(previous.roads, state.roads).contains {
            $0.phase != $1.phase || $0.unnamedCut != $1.unnamedCut
        }
        for event in campaign.timeline.events(after: previous.instant, through: state.instant) {
            let touched = event.changesControl ? event.places.filter(differs.contains) : []
            let roadEvent = (event.traffic != nil || (event.unnamed > 0 && !event.roads.isEmpty)) && roadsChanged
            guard !touched.isEmpty || roadEvent else { continue }
            let n = entries.count + 1
            entries.append(Entry(number: n, event: event, places: touched))
            for p in touched { numbers[p] = n }
        }
        self.entries = entries
        self.changedPlaces = differs
        self.numbers = numbers
    }
}
