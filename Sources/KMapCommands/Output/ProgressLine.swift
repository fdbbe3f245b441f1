import Foundation
import KMapLoader
import KMapSequence

/// One line of progress on standard error, redrawn in place, for people watching a terminal.
///
/// Silent when standard error is not a terminal (logs and CI get no carriage returns) or with `--quiet`.
/// Redraws at most ten times a second.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private let noun: String
    private var lastDraw = 0.0
    private var drawn = false

    /// Whether anything is drawn (a terminal, not quiet).
    var isEnabled: Bool { enabled }

    init(quiet: Bool, noun: String = "frames") {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
        self.noun = noun
    }

    func update(_ meter: ProgressMeter, force: Bool = false) {
        guard enabled else { return }
        lock.withLock {
            let now = Date().timeIntervalSinceReferenceDate
            guard force || now - lastDraw >= 0.1 || meter.done == meter.total else { return }
            lastDraw = now
            drawn = true
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + meter.line(now: now, noun: noun)).utf8))
        }
    }

    /// Ends the line so later messages start on their own.
    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
            drawn = false
        }
    }
}
