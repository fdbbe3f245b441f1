/// One event's effect on one place: the control before and after.
public struct Transition: Sendable, Hashable {
    public var event: Event
    public var placeID: String
    public var before: PlaceControl
    public var after: PlaceControl
}

extension Timeline {
    /// Every place change in replay order, for checks and explanations.
    ///
    /// - Complexity: O(events × places per event).
    public func transitions(through instant: Instant? = nil) -> [Transition] {
        var replay = Replay(self)
        var out: [Transition] = []
        for event in events.prefix(instant.map(eventCount(through:)) ?? events.count) {
            let before = event.places.compactMap { id in replay.index[id].map { (id, replay.controls[$0]) } }
            replay.apply(event)
            if event.changesControl {
                for (id, b) in before {
                    out.append(
                        Transition(event: event, placeID: id, before: b, after: replay.controls[replay.index[id]!]))
                }
            }
        }
        return out
    }
}
