/// Whether a road (or the supply route) is usable by its faction.
public enum LinkPhase: String, Sendable, Hashable, Codable {
    /// Clear of enemy points, and never cut or reported reopened since.
    case open
    /// At least one point along it is not held by its faction.
    case cut
    /// Clear of enemy points again, but not yet reported reopened.
    case cleared
    /// No source has spoken of it, or of the places along it, for longer than the campaign's `staleAfter`.
    case unknown
}

/// A road's or a route's status at an instant, derived from control along it.
public struct LinkState: Sendable, Hashable {
    public var id: String
    /// `open` or `cut` from control alone: the promise of the state JSON.
    public var isCut: Bool
    /// `open`, `cut` or `cleared`: control plus reported reopenings.
    public var phase: LinkPhase
    /// Place ids where it is cut, in order along it.
    public var cutAt: [String]
    /// Positions along it that a source counts as hostile without naming them ("two other points along the road").
    public var unnamedCut: Int
    /// When the current cut began (phase `cut`): the first minute of the campaign when `cutFromStart`.
    public var cutSince: Instant?
    /// The current cut was already there in the initial control, so it began on some day before the campaign
    /// that no source gives: say "since the start", never "day N of the cut".
    public var cutFromStart = false
    /// When it became clear of enemy points (phases `cleared`, and `open` after a cut).
    public var clearedAt: Instant?
    /// When it was reported reopened (phase `open` after a cut).
    public var reopenedAt: Instant?
}

/// Follows one link's phase through the replay.
struct LinkTracker {
    var cutSince: Instant?
    var cutFromStart = false
    var clearedAt: Instant?
    var reopenedAt: Instant?

    mutating func observe(cut: Bool, at instant: Instant) {
        if cut, cutSince == nil {
            cutSince = instant
            cutFromStart = false
            clearedAt = nil
            reopenedAt = nil
        } else if !cut, cutSince != nil {
            cutSince = nil
            cutFromStart = false
            clearedAt = instant
        }
    }

    /// Marks a cut seen in the initial control as one that predates the campaign.
    mutating func markStart() {
        cutFromStart = cutSince != nil
    }

    mutating func reopen(at instant: Instant) {
        if cutSince == nil { reopenedAt = instant }
    }

    func state(id: String, cutAt: [String], unnamedCut: Int) -> LinkState {
        let phase: LinkPhase
        if cutSince != nil {
            phase = .cut
        } else if let cleared = clearedAt, reopenedAt.map { $0 < cleared } ?? true {
            phase = .cleared
        } else {
            phase = .open
        }
        return LinkState(
            id: id, isCut: !cutAt.isEmpty || unnamedCut > 0, phase: phase, cutAt: cutAt, unnamedCut: unnamedCut,
            cutSince: cutSince,
            cutFromStart: cutFromStart, clearedAt: clearedAt, reopenedAt: reopenedAt)
    }
}
