import KMapModel

/// One day of a report: the state at its end and the day before, its events as listed, what changed.
public struct ReportDay: Sendable {
    public let day: Day
    public let number: Int
    public let state: ControlState
    public let previous: ControlState
    /// Every event dated that day, in the order they apply (those that change nothing included), numbered as on
    /// the day's map.
    public let entries: [ReportEntry]
    /// Places whose control or status changed since the day before.
    public let changes: [(place: Place, before: PlaceControl, after: PlaceControl)]
    public let routeBefore: LinkPhase?
    public let routeAfter: LinkPhase?

    public var events: [Event] { entries.map(\.event) }
}
