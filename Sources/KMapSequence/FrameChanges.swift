import KMapModel

/// What a frame shows that the frame before did not: the events applied in between and their visible effect.
///
/// This is the manifest's answer to "why does frame 37 differ from frame 36", in the state machine's terms,
/// so an editor can find the frame where a town falls without opening the images.
public struct FrameChanges: Sendable, Hashable, Codable {
    /// Ids of the events in (previous, current], in the order they apply (`kmap timeline` quotes them).
    public var events: [String]
    /// Places whose controller, status or attackers changed.
    public var places: [Change]
    /// Roads (and the supply route, by its name) whose phase changed: open, cut, cleared.
    public var roads: [Change]

    /// One thing's state before and after, in words: `government held` → `isil contested by government`.
    public struct Change: Sendable, Hashable, Codable {
        public var id: String
        public var before: String
        public var after: String

        public init(id: String, before: String, after: String) {
            self.id = id
            self.before = before
            self.after = after
        }
    }

    public init(timeline: Timeline, from previous: ControlState, to state: ControlState) {
        events = timeline.events(after: previous.instant, through: state.instant).map(\.id)
        places = zip(previous.places, state.places).compactMap { a, b in
            // Most places did not change: compare before building two descriptions for each of 10,000.
            if a.controller == b.controller, a.status == b.status, a.contestedBy == b.contestedBy { return nil }
            let x = Self.describe(a)
            let y = Self.describe(b)
            return x == y ? nil : Change(id: b.placeID, before: x, after: y)
        }
        var roads = zip(previous.roads, state.roads).compactMap { a, b in
            a.phase == b.phase ? nil : Change(id: b.id, before: a.phase.rawValue, after: b.phase.rawValue)
        }
        if let a = previous.route, let b = state.route, a.phase != b.phase {
            roads.append(Change(id: b.id, before: a.phase.rawValue, after: b.phase.rawValue))
        }
        self.roads = roads
    }

    public var isEmpty: Bool { events.isEmpty && places.isEmpty && roads.isEmpty }

    static func describe(_ c: PlaceControl) -> String {
        let by = c.contestedBy.isEmpty ? "" : " by " + c.contestedBy.joined(separator: ", ")
        return "\(c.controller) \(c.status.rawValue)\(by)"
    }
}
