/// Replay states saved every `interval` events, so the state at any instant is a short replay away.
///
/// Replaying every event from the initial control is O(events) per query: for a campaign of 100,000 events,
/// each frame of a long sequence would pay for the whole past. Checkpoints cut that to a binary search plus at
/// most `interval` events. The interval grows with the number of places,
/// because a checkpoint copies every place's control: one checkpoint per `places` events keeps their memory
/// about that of the events themselves, and a query costs O(log events + places + interval), where the
/// snapshot's O(places) is paid anyway. Replay is deterministic, so resuming from a saved state gives exactly
/// what a full replay gives (a test compares them on random instants).
struct ReplayCheckpoints: Sendable {
    /// Events between checkpoints.
    let interval: Int
    /// `states[j]` is the replay after the first `j × interval` events; `states[0]` is the initial control.
    let states: [Replay]

    static func interval(places: Int) -> Int { max(256, places) }

    /// Replays `events` once, saving a state every `interval` events.
    ///
    /// - Complexity: O(events × roads touched), once per timeline.
    static func build(events: [Event], placeIDs: [String], initial: InitialControl, network: RoadNetwork, start: Day)
        -> ReplayCheckpoints
    {
        let interval = interval(places: placeIDs.count)
        var replay = Replay(initial: initial, placeIDs: placeIDs, network: network, start: start)
        var states = [replay]
        var next = interval
        while next <= events.count {
            for event in events[replay.applied..<next] { replay.apply(event) }
            states.append(replay)
            next += interval
        }
        return ReplayCheckpoints(interval: interval, states: states)
    }

    /// The latest saved replay with at most `count` events applied.
    func replay(before count: Int) -> Replay {
        states[min(count / interval, states.count - 1)]
    }
}
