import Foundation
import KMapLoader

/// Stops a command that writes several whole files (`kmap report`) at once on SIGINT or SIGTERM, except while a
/// file is being written: then it stops right after that file is in place.
///
/// Rendering holds nothing on disk, so stopping mid-render loses only work; stopping mid-write could leave a
/// temporary file, so a signal that arrives then waits for the rename. Either way the command says which files
/// are finished and exits 130 (SIGINT) or 143 (SIGTERM). Unlike `SignalTrap` (frames, where workers finish the
/// frame they hold), nothing here needs to unwind: every file already written is whole.
final class CleanStop: @unchecked Sendable {
    private let lock = NSLock()
    private var writing = false
    private var pending: Int32?
    private var finished: [String] = []
    private var sources: [DispatchSourceSignal] = []
    private let what: String

    /// - Parameter what: what a re-run does, for the last line (e.g. "run the same command again to write the report").
    init(_ what: String) {
        self.what = what
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [unowned self] in self.received(sig) }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// Runs `write` (one whole file to `path`) with signals held until it returns.
    func writing(_ path: String, _ write: () throws -> Void) throws {
        lock.lock()
        writing = true
        lock.unlock()
        var wrote = false
        defer {
            lock.lock()
            writing = false
            if wrote { finished.append(path) }
            if let sig = pending { stopLocked(sig) }
            lock.unlock()
        }
        try write()
        wrote = true
    }

    /// The signal handler (on a dispatch queue). Holding the lock while exiting keeps `writing` from starting a
    /// file in between.
    private func received(_ sig: Int32) {
        lock.lock()
        let first = pending == nil
        if first { pending = sig }
        if writing && first {
            lock.unlock()
            return
        }
        stopLocked(pending ?? sig)
    }

    /// Says what is finished and ends the process; called with the lock held and no file half-written.
    private func stopLocked(_ sig: Int32) -> Never {
        let name = sig == SIGTERM ? "SIGTERM" : sig == SIGINT ? "SIGINT" : "signal \(sig)"
        let list =
            finished.isEmpty
            ? "no file was written"
            : finished.count <= 4
                ? "\(finished.count) file\(finished.count == 1 ? " is" : "s are") whole: \(finished.joined(separator: ", "))"
                : "\(finished.count) files are whole, \(finished[0]) to \(finished[finished.count - 1])"
        Console.error("\nkmap: interrupted (\(name)): \(list); \(what)")
        _exit(128 + sig)
    }
}
