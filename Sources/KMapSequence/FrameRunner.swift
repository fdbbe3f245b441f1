import Foundation
import KMapCompose
import KMapModel
import KMapRender

/// Draws a `FramePlan` on several workers, skipping frames already done, and keeps `frames.json` current.
///
/// Each worker takes the next frame number, composes its scene, and either finds the same frame already in the
/// store (same file, digest and size in the previous manifest) or renders and writes it. A frame's bytes
/// depend only on its own scene, never on which worker drew it or when, so any `jobs` gives the same files.
/// Cairo handles are not shared: each worker has its own `FrameWorkspace`. With a `shard`, only that shard's
/// frames are drawn and listed, in the shard's own manifest.
public final class FrameRunner: Sendable {
    public let plan: FramePlan
    /// The part of the plan this runner draws; nil for all of it.
    public let shard: FrameShard?
    /// The frames this runner draws: the plan's, or its shard's.
    public let frames: [PlannedFrame]
    public let composer: SceneComposer
    public let jobs: Int
    let render: @Sendable (Scene, FrameWorkspace) throws -> [UInt8]
    /// What, besides the scene, decides a frame's bytes (see `FrameDigest`).
    let encoding: String
    /// The manifest with nothing done yet.
    let skeleton: FrameManifest

    /// - Parameters:
    ///   - render: turns a scene into file bytes with a worker's workspace; by default in the plan's format.
    ///   - encoding: a stable description of `render`'s settings, so that changing them re-renders.
    public init(
        plan: FramePlan, composer: SceneComposer, jobs: Int,
        render: (@Sendable (Scene, FrameWorkspace) throws -> [UInt8])? = nil, encoding: String = "",
        shard: FrameShard? = nil
    ) {
        self.encoding = encoding
        self.plan = plan
        self.shard = shard
        let frames = shard.map { s in plan.frames.filter { s.owns(frame: $0.number) } } ?? plan.frames
        self.frames = frames
        self.composer = composer
        self.jobs = max(1, jobs)
        let format = plan.format
        self.render = render ?? { scene, workspace in try SceneEncoder.encode(scene, as: format, workspace: workspace) }
        let timeline = composer.campaign.timeline
        // Frames come in order, so a frame's previous instant is mostly the last one's instant: two states at a
        // time are kept, never one per frame (a year of frames of 10,000 places would hold gigabytes).
        var recent: [Instant: ControlState] = [:]
        var cursor = Timeline.Cursor()
        let changes = frames.map { frame in
            let previous = recent[frame.previous] ?? timeline.state(at: frame.previous, cursor: &cursor)
            let state = recent[frame.instant] ?? timeline.state(at: frame.instant, cursor: &cursor)
            recent = [frame.previous: previous, frame.instant: state]
            return FrameChanges(timeline: timeline, from: previous, to: state)
        }
        let info = composer.campaign.info
        skeleton = FrameManifest(
            campaign: info.id, title: info.title, complete: false, done: 0, total: frames.count,
            format: plan.format.rawValue,
            width: composer.options.width, height: composer.options.height, step: plan.step.description,
            tween: plan.tween,
            shard: shard.map {
                FrameManifest.ShardInfo(
                    $0, frames: plan.frames.count, plan: Self.planDigest(plan, campaign: info.id, encoding: encoding))
            },
            frames: zip(frames, changes).map { frame, changes in
                FrameManifest.Entry(
                    frame: frame.number, file: frame.file, instant: FrameManifest.text(frame.instant),
                    kind: frame.tween == nil ? "key" : "tween",
                    tween: frame.tween.map {
                        FrameManifest.TweenInfo(
                            from: FrameManifest.text(frame.previous), index: $0.index, count: $0.count,
                            progress: $0.progress)
                    },
                    done: false, bytes: nil, digest: nil,
                    changes: changes)
            })
    }

    /// The scene of one planned frame: the state at its instant, or a blend on the way to it.
    ///
    /// States are replayed here, per frame (a binary search and a short replay from a checkpoint), rather than
    /// kept for the whole sequence, so memory does not grow with the number of frames.
    public func scene(for frame: PlannedFrame) -> Scene {
        var cursor = Timeline.Cursor()
        return scene(for: frame, cursor: &cursor)
    }

    /// The same scene, replaying on from `cursor`: a worker that keeps one cursor for the frames it takes, in
    /// order, replays only the events between them (a tween frame first asks for an earlier instant, which
    /// goes back to a checkpoint).
    public func scene(for frame: PlannedFrame, cursor: inout Timeline.Cursor) -> Scene {
        let timeline = composer.campaign.timeline
        if let tween = frame.tween {
            let before = timeline.state(at: plan.step.instant(before: frame.previous), cursor: &cursor)
            let previous = timeline.state(at: frame.previous, cursor: &cursor)
            let state = timeline.state(at: frame.instant, cursor: &cursor)
            let from = composer.scene(for: previous, previous: before)
            return SceneBlend.blend(from, composer.scene(for: state, previous: previous), t: tween.progress)
        }
        let previous = timeline.state(at: frame.previous, cursor: &cursor)
        return composer.scene(for: timeline.state(at: frame.instant, cursor: &cursor), previous: previous)
    }

    /// The manifest this runner writes: `frames.json`, or its shard's.
    public var manifestName: String { shard?.manifestName ?? FrameManifest.fileName }

    /// A fingerprint of everything shards of one sequence must share: campaign, every planned file and
    /// instant, and the encoding settings, so that merging shards of different runs fails.
    static func planDigest(_ plan: FramePlan, campaign: String, encoding: String) -> String {
        var h = FNV1a()
        h.add("kmap-plan/\(campaign)/\(plan.format.rawValue)/\(plan.step)/\(plan.tween)/\(encoding)\n")
        for frame in plan.frames { h.add("\(frame.file) \(frame.instant) \(frame.previous)\n") }
        return h.hex
    }

    /// What a run did.
    public struct Result: Sendable {
        /// The manifest as last written.
        public var manifest: FrameManifest
        public var rendered: Int
        public var kept: Int
        /// The signal that stopped the run early, if any.
        public var interruptedBy: Int32?
    }

    /// Renders every frame that is missing or out of date and writes the manifest.
    ///
    /// Stops taking new frames when `interruption` is requested or a frame fails; frames in flight finish, and
    /// the manifest written last lists exactly the whole files. A failure is rethrown after that.
    ///
    /// - Parameters:
    ///   - previous: the manifest found in the store, if any: its finished frames may be kept.
    ///   - force: render every frame even when an up-to-date one exists.
    ///   - checkpointSeconds: how often the manifest is rewritten while frames render.
    ///   - progress: called after each frame, serially.
    public func run(
        store: any FrameStore, previous: FrameManifest?, force: Bool, interruption: Interruption,
        checkpointSeconds: Double = 1,
        progress: @Sendable (ProgressMeter) -> Void = { _ in }
    ) throws -> Result {
        let old = force ? [:] : (previous?.doneByFile ?? [:])
        // The manifest is written before any frame: a run killed at once (SIGKILL) leaves frames that a manifest
        // lists, so the next run knows them as kmap's. Entries the previous run finished stay as they were.
        var first = skeleton
        for i in first.frames.indices {
            guard let o = old[first.frames[i].file] else { continue }
            (first.frames[i].done, first.frames[i].bytes, first.frames[i].digest) = (true, o.bytes, o.digest)
        }
        first.done = first.frames.count { $0.done }
        try store.write(first.encoded(), to: manifestName)
        let run = RunState(manifest: skeleton, meter: ProgressMeter(total: frames.count, start: Self.now()))
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            let workspace = FrameWorkspace()
            var cursor = Timeline.Cursor()
            while let i = run.take(count: frames.count, interruption: interruption) {
                let frame = frames[i]
                do {
                    let scene = scene(for: frame, cursor: &cursor)
                    let digest = FrameDigest.of(scene, format: plan.format, encoding: encoding)
                    var bytes: Int
                    let kept: Bool
                    if let o = old[frame.file], o.digest == digest, let size = store.size(of: frame.file),
                        size == o.bytes
                    {
                        bytes = size
                        kept = true
                    } else {
                        let data = try render(scene, workspace)
                        try store.write(data, to: frame.file)
                        bytes = data.count
                        kept = false
                    }
                    run.finish(i, bytes: bytes, digest: digest, kept: kept) { manifest, meter in
                        progress(meter)
                        if Self.now() - run.lastCheckpoint >= checkpointSeconds {
                            run.lastCheckpoint = Self.now()
                            try? store.write(manifest.encoded(), to: manifestName)
                        }
                    }
                } catch {
                    run.fail(error)
                }
            }
        }
        var manifest = run.manifest
        manifest.done = manifest.frames.count { $0.done }
        manifest.complete = manifest.done == manifest.total
        try store.write(manifest.encoded(), to: manifestName)
        if let failure = run.failure { throw failure }
        return Result(
            manifest: manifest, rendered: run.meter.rendered, kept: run.meter.kept, interruptedBy: interruption.signal)
    }

    static func now() -> Double { Date().timeIntervalSinceReferenceDate }
}

/// The mutable part of one run, behind a lock: the next frame to take, finished entries, the first failure.
final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var manifest: FrameManifest
    private(set) var meter: ProgressMeter
    private(set) var failure: (any Error)?
    /// Touched only inside `finish`'s body, under the lock.
    var lastCheckpoint: Double

    init(manifest: FrameManifest, meter: ProgressMeter) {
        self.manifest = manifest
        self.meter = meter
        lastCheckpoint = meter.start
    }

    /// The next frame index, or nil when all are taken, a frame failed or a stop was asked for.
    func take(count: Int, interruption: Interruption) -> Int? {
        lock.withLock {
            guard failure == nil, !interruption.isRequested, next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Marks frame `i` done and runs `body` with the updated manifest and meter, serially.
    func finish(_ i: Int, bytes: Int, digest: String, kept: Bool, _ body: (FrameManifest, ProgressMeter) -> Void) {
        lock.withLock {
            manifest.frames[i].done = true
            manifest.frames[i].bytes = bytes
            manifest.frames[i].digest = digest
            manifest.done += 1
            meter.record(kept: kept)
            body(manifest, meter)
        }
    }

    func fail(_ error: any Error) {
        lock.withLock { if failure == nil { failure = error } }
    }
}
