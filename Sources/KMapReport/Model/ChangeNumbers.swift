import KMapCompose
import KMapModel

/// The numbers a day's map shows beside what changed, per event, so a page lists its events under the same
/// numbers as its map.
///
/// Read from the map itself rather than worked out again: the composer decides which changes get a badge (only
/// those with something on the map, and none when the frame draws no badges), and whatever it decides, a
/// listed number is one the reader can find on the map. A badge `change:PLACE` (or `change:road:ROAD`) with the
/// text "1,3" numbers the first and third events, in the order they apply, that changed PLACE.
enum ChangeNumbers {
    /// Event id → number, for the events in (previous, state] whose numbers `scene` draws.
    static func of(_ campaign: Campaign, from previous: ControlState, to state: ControlState, drawnIn scene: Scene)
        -> [String: Int]
    {
        var places: [Int: Set<String>] = [:]
        var roads: [Int: Set<String>] = [:]
        for item in scene.items where item.layer == .changes && item.id.hasPrefix("change:") {
            guard case .text(let t) = item.symbol, item.id.hasSuffix(":number") else { continue }
            let owner = String(item.id.dropFirst("change:".count).dropLast(":number".count))
            for n in t.text.split(separator: ",").compactMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                if owner.hasPrefix("road:") {
                    roads[n, default: []].insert(String(owner.dropFirst("road:".count)))
                } else {
                    places[n, default: []].insert(owner)
                }
            }
        }
        guard !places.isEmpty || !roads.isEmpty, previous.instant < state.instant else { return [:] }
        let differs = Set(
            state.places.filter { p in
                guard let q = previous[p.placeID] else { return true }
                return q.controller != p.controller || q.status != p.status || q.contestedBy != p.contestedBy
            }.map(\.placeID))
        var numbers: [String: Int] = [:]
        var next = 1
        for event in campaign.timeline.events(after: previous.instant, through: state.instant) {
            let touched = event.changesControl ? event.places.filter(differs.contains) : []
            if !touched.isEmpty && !(places[next] ?? []).isDisjoint(with: touched)
                || !(roads[next] ?? []).isDisjoint(with: event.roads)
            {
                numbers[event.id] = next
                next += 1
            }
        }
        return numbers
    }
}
