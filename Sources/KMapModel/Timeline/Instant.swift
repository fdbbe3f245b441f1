/// A moment of a campaign: a day and a time on it.
///
/// A query "as of" an instant includes every event at that instant, so "end of day" includes untimed events.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var day: Day
    public var time: TimeOfDay

    public init(day: Day, time: TimeOfDay = .endOfDay) {
        self.day = day
        self.time = time
    }

    public static func endOf(_ day: Day) -> Instant { Instant(day: day, time: .endOfDay) }

    public var isEndOfDay: Bool { time == .endOfDay }

    /// `2016-02-23` for the end of a day, `2016-02-23 09:00` otherwise.
    public var description: String { isEndOfDay ? day.description : "\(day) \(time)" }

    public static func < (a: Instant, b: Instant) -> Bool {
        (a.day, a.time.minutes) < (b.day, b.time.minutes)
    }
}
