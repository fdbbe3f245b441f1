import ArgumentParser
import Foundation
import KMapCompose
import KMapLoader
import KMapModel
import KMapRender
import KMapSequence

/// One sequence drawn into a folder, with progress, the manifest and a clean stop: the common core of
/// `kmap frames` and `kmap animate`.
struct SequenceJob {
    let plan: FramePlan
    let composer: SceneComposer
    let style: StyleOptions
    let folder: FrameFolder
    let jobs: Int
    let force: Bool
    let quiet: Bool
    /// The part of the plan to draw (`kmap frames --shard`); nil for all of it.
    var shard: FrameShard? = nil

    /// Draws what is missing or out of date, then runs `then` with the complete manifest, holding the folder.
    ///
    /// The folder is locked for the whole run (`FolderLock`), so a second run into it is refused instead of
    /// mixing its frames in. When `trap` reports a signal, the frames in flight finish, the manifest says what
    /// is done, a line says how to continue, and the command exits 130 (SIGINT) or 143 (SIGTERM).
    @discardableResult
    func run(trap: SignalTrap, then: (FrameManifest) throws -> Void = { _ in }) throws -> FrameManifest {
        try folder.prepare()
        // Shards of one sequence draw into one folder at once: each holds it shared, a whole run alone.
        let lock = try FolderLock(folder.path, option: folder.option, shared: shard != nil)
        let manifest = try draw(trap: trap)
        try then(manifest)
        withExtendedLifetime(lock) {}
        return manifest
    }

    private func draw(trap: SignalTrap) throws -> FrameManifest {
        let manifestName = shard?.manifestName ?? FrameManifest.fileName
        // A shard resumes from its own manifest, or from a merged frames.json.
        let previous =
            try folder.manifest(manifestName, force: force) ?? (shard != nil ? try folder.manifest(force: force) : nil)
        try folder.tidy(for: plan, previous: previous, force: force)
        // Encoding options checked once, here (errors now, not in a worker), and not re-derived per frame.
        let encoding = try style.encoding()
        let format = plan.format
        let runner = FrameRunner(
            plan: plan, composer: composer, jobs: jobs,
            render: { try SceneEncoder.encode($0, as: format, options: encoding, workspace: $1) },
            encoding: String(reflecting: style), shard: shard)
        let line = ProgressLine(quiet: quiet)
        let started = Date()
        let result: FrameRunner.Result
        do {
            result = try runner.run(store: folder, previous: previous, force: force, interruption: trap.interruption) {
                line.update($0)
            }
        } catch {
            line.finish()
            throw error
        }
        line.finish()
        let manifestPath = folder.url(manifestName)
        let m = result.manifest
        if let signal = result.interruptedBy {
            Console.error(
                "kmap: interrupted (\(signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "signal \(signal)")): \(m.done) of \(m.total) frames are done, "
                    + "listed in \(manifestPath); run the same command again to render the other \(m.total - m.done)")
            throw ExitCode(Interruption.exitCode(for: signal))
        }
        if !quiet {
            let seconds = Date().timeIntervalSince(started)
            let rate = result.rendered > 0 ? String(format: ", %.1f frames/s", Double(result.rendered) / seconds) : ""
            Console.error(
                "frames: \(m.total) in \(folder.path) (\(result.rendered) rendered, \(result.kept) already up to date; "
                    + String(format: "%.1f s", seconds)
                    + "\(rate), \(jobs) job\(jobs == 1 ? "" : "s")); manifest \(manifestPath)")
        }
        return m
    }

    /// A trap that says, on the first signal, that the run is winding down.
    static func trap() -> SignalTrap {
        SignalTrap { _ in
            Console.error("\nkmap: stopping cleanly: whole frames are kept (a second signal quits at once)")
        }
    }
}
