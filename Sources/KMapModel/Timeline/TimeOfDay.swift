/// A time within a day, in minutes since midnight.
///
/// Sources rarely give clock times; they say "in the morning" or "by the evening". Those words map to fixed
/// times (`named`) so that events order correctly and intra-day frames can be drawn.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let minutes: Int

    public init?(minutes: Int) {
        guard (0..<1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// The last minute of a day: the instant of "end of day" and of events with no time.
    public static let endOfDay = TimeOfDay(minutes: 1439)!

    /// The words a data file may use instead of a clock time.
    public static let named: [(word: String, time: TimeOfDay)] = [
        ("early", TimeOfDay(minutes: 6 * 60)!),
        ("morning", TimeOfDay(minutes: 9 * 60)!),
        ("midday", TimeOfDay(minutes: 12 * 60)!),
        ("afternoon", TimeOfDay(minutes: 15 * 60)!),
        ("evening", TimeOfDay(minutes: 19 * 60)!),
        ("night", TimeOfDay(minutes: 22 * 60)!),
        ("end", endOfDay),
    ]

    /// Parses `HH:MM` (24-hour) or one of the `named` words.
    public init?(_ text: String) {
        if let named = TimeOfDay.named.first(where: { $0.word == text }) {
            self = named.time
            return
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
            let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        self.init(minutes: h * 60 + m)
    }

    /// `HH:MM`.
    public var description: String {
        let h = minutes / 60
        let m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}
