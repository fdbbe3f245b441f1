import KMapModel

/// How far apart the key frames of a sequence are: a whole number of days, or of hours that divide a day.
///
/// Every day's last frame is its end of day, the instant `kmap render --day` shows, so a sequence and a single
/// render of the same day agree. Hour steps add the earlier instants of each day (`6h`: 06:00, 12:00, 18:00 and
/// the end), which is where events with a time of day ("morning", "19:00") become visible one by one.
public struct FrameStep: Sendable, Hashable, CustomStringConvertible {
    /// Whole days between key frames (1 for every day); 1 for hour steps.
    public let days: Int
    /// Hours between frames within a day; nil for day steps.
    public let hours: Int?

    /// The largest day step: ten years. A step of 2^63 days overflowed day arithmetic and trapped.
    public static let maxDays = 3660

    /// Parses `1d`, `2d`, `12h`, `6h`, … Hours must divide 24 (`5h` would drift across days); days go up to
    /// `maxDays`.
    public init?(_ text: String) {
        guard let unit = text.last, let n = Int(text.dropLast()), n >= 1, n <= Self.maxDays else { return nil }
        switch unit {
        case "d": (days, hours) = (n, nil)
        case "h" where n < 24 && 24 % n == 0: (days, hours) = (1, n)
        case "h" where n == 24: (days, hours) = (1, nil)
        default: return nil
        }
    }

    public static let daily = FrameStep("1d")!

    public var description: String { hours.map { "\($0)h" } ?? "\(days)d" }

    /// The key instants from the first of `from` through the end of `to`, in order.
    ///
    /// Day steps larger than one stop at the last whole step on or before `to`, so frames stay evenly spaced.
    public func instants(from: Day, through to: Day) -> [Instant] {
        var out: [Instant] = []
        var day = from
        while day <= to {
            if let hours {
                for k in 1..<(24 / hours) { out.append(Instant(day: day, time: TimeOfDay(minutes: k * hours * 60)!)) }
            }
            out.append(.endOf(day))
            day = day.adding(days: days)
        }
        return out
    }

    /// The key instant one step before `instant`: what the first frame of a sequence is compared with, so a
    /// frame shows the same changes whichever day a sequence starts on.
    public func instant(before instant: Instant) -> Instant {
        guard let hours else { return .endOf(instant.day.adding(days: -days)) }
        if instant.isEndOfDay { return Instant(day: instant.day, time: TimeOfDay(minutes: (24 - hours) * 60)!) }
        let minutes = instant.time.minutes - hours * 60
        return minutes > 0
            ? Instant(day: instant.day, time: TimeOfDay(minutes: minutes)!) : .endOf(instant.day.adding(days: -1))
    }
}
