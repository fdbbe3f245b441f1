/// Counts finished frames and says how far a run is: done/total, rate and time left.
///
/// Pure arithmetic on times handed in, so it is testable; the command decides where (and whether) to print.
public struct ProgressMeter: Sendable {
    public let total: Int
    public let start: Double
    /// Frames drawn in this run.
    public private(set) var rendered = 0
    /// Frames found done and up to date.
    public private(set) var kept = 0

    public init(total: Int, start: Double) {
        self.total = total
        self.start = start
    }

    public var done: Int { rendered + kept }

    public mutating func record(kept wasKept: Bool) {
        if wasKept { kept += 1 } else { rendered += 1 }
    }

    /// Frames drawn per second so far (kept frames cost nothing and are left out), or nil before the first.
    public func rate(now: Double) -> Double? {
        let elapsed = now - start
        guard rendered > 0, elapsed > 0 else { return nil }
        return Double(rendered) / elapsed
    }

    /// `120/374 frames (32%), 8.4 frames/s, 0:30 left`.
    public func line(now: Double, noun: String = "frames") -> String {
        let percent = total == 0 ? 100 : done * 100 / total
        var out = "\(done)/\(total) \(noun) (\(percent)%)"
        if let rate = rate(now: now) {
            out +=
                ", " + String(Int((rate * 10).rounded()) / 10) + "." + String(Int((rate * 10).rounded()) % 10)
                + " frames/s"
            out += ", " + Self.clock(Double(total - done) / rate) + " left"
        }
        return out
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }
}
