import Foundation

/// A request to stop a long run, shared between a signal handler and the workers.
///
/// Workers check it before taking a new frame and finish the one they hold, so an interrupted run leaves only
/// whole files.
public final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?

    public init() {}

    /// The signal that asked to stop (`SIGINT`, `SIGTERM`), or nil.
    public var signal: Int32? { lock.withLock { received } }
    public var isRequested: Bool { signal != nil }

    /// Asks to stop; returns false when a stop was already asked for.
    @discardableResult
    public func request(_ signal: Int32) -> Bool {
        lock.withLock {
            guard received == nil else { return false }
            received = signal
            return true
        }
    }

    /// The conventional exit code of a run stopped by `signal`: 128 + its number (130 for SIGINT, 143 for SIGTERM).
    public static func exitCode(for signal: Int32) -> Int32 { 128 + signal }
}

/// Turns SIGINT and SIGTERM into an `Interruption` for as long as it lives.
///
/// The first signal asks the run to stop cleanly; a second one gives up at once (`_exit`): temporary files
/// may then remain, hidden (`.name.kmap-PID.tmp`), and the next run removes them. Dropping the trap
/// restores the default handlers, so commands run in-process by tests leave the process as they found it.
public final class SignalTrap {
    public let interruption = Interruption()
    private var sources: [DispatchSourceSignal] = []
    private let signals: [Int32]

    /// - Parameter onFirst: called (on a background queue) when the first signal arrives, e.g. to say the run
    ///   is stopping.
    public init(signals: [Int32] = [SIGINT, SIGTERM], onFirst: @escaping @Sendable (Int32) -> Void = { _ in }) {
        self.signals = signals
        let interruption = interruption
        for sig in signals {
            Foundation.signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if interruption.request(sig) {
                    onFirst(sig)
                } else {
                    _exit(Interruption.exitCode(for: sig))
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for s in sources { s.cancel() }
        for sig in signals { Foundation.signal(sig, SIG_DFL) }
    }
}
