import KMapModel

/// The numbers a day's map puts beside the places that changed, per event, so the page can list its events
/// under the same numbers.
///
/// The map numbers an event when it changed the state of a place (or the phase of a road) between the day
/// before and the day's end, in the order the events apply; an event that only restates a state gets none.
/// This is the composer's rule, applied to the same two states; a test holds it to the numbers the map draws.
enum ChangeNumbers {
    /// Event id → number, for the events in (previous, state].
    static func of(_ campaign: Campaign, from previous: ControlState, to state: ControlState) -> [String: Int] {
        guard previous.instant < state.instant else { return [:] }
        let differs = Set(
            state.places.filter { p in
                guard let q = previous[p.placeID] else { return true }
                return q.controller != p.controller || q.status != p.status || q.contestedBy != p.contestedBy
            }.map(\.placeID))
        let roadsChanged = zip(previous.roads, state.roads).contains {
            $0.phase != $1.phase || $0.unnamedCut != $1.unnamedCut
        }
        var numbers: [String: Int] = [:]
        for event in campaign.timeline.events(after: previous.instant, through: state.instant) {
            let touched = event.changesControl && event.places.contains(where: differs.contains)
            let roadEvent = (event.traffic != nil || (event.unnamed > 0 && !event.roads.isEmpty)) && roadsChanged
            if touched || roadEvent { numbers[event.id] = numbers.count + 1 }
        }
        return numbers
    }
}
