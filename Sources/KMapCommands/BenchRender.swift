import ArgumentParser
import Foundation
import KMapCampaign
import KMapRender
import KMapTimeline

/// `kmap bench-render`: N frames of consecutive days in one process, for `Scripts/bench`.
///
/// Hidden: it exists so kmap can be timed beside the peers of `shared/bench`, whose `run.py` runs every
/// peer as `… --frames N --format png|svg --out DIR`. The composer (projection, label placement) is built
/// once, as a sequence would; every frame gets its own surface. `--scene reference` draws the benchmark's
/// reference frame (`ReferenceScene`: the same work as the C ceiling) instead of kmap's own frame.
struct BenchRender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-render", abstract: "Render N frames in one process (benchmarking).", shouldDisplay: false)

    @OptionGroup var campaignOptions: CampaignOptions

    @Option(help: "Frames (consecutive days from the campaign's start) to render.")
    var frames = 1

    @Option(help: "png or svg.")
    var format = "png"

    @Option(help: "Output folder (created when missing); frames are written as frame-NNNN.<format>.")
    var out: String

    @Option(help: "kmap (kmap's own frame) or reference (the benchmark's reference frame, same work as the C ceiling).")
    var scene = "kmap"

    @Option(help: "Frames drawn in parallel (one canvas each).")
    var jobs = 1

    @Option(help: "on: PNG frames reuse an image of what did not change (the default of every command); off: every frame drawn whole.")
    var staticLayers = "on"

    @Option(help: "Threads each PNG frame may use (its two bands at once). Default: the cores for a single frame (as kmap render), else 1.")
    var frameThreads: Int?

    @OptionGroup var style: StyleOptions

    func run() throws {
        let frameThreads = max(1, min(Render.maxThreads, self.frameThreads ?? (frames == 1 ? ProcessInfo.processInfo.activeProcessorCount : 1)))
        // Fonts load on another core while the campaign is read (with a map for a second band).
        FontWarmUp.start(spares: format == "png" ? frameThreads - 1 : 0)
        try reportingErrors {
            guard let format = OutputFormat(rawValue: format) else { throw CLIError.usage("--format '\(format)' is not png, svg or pdf") }
            guard ["kmap", "reference"].contains(scene) else { throw CLIError.usage("--scene '\(scene)' is not kmap or reference") }
            guard frames >= 1, jobs >= 1 else { throw CLIError.usage("--frames and --jobs must be at least 1") }
            let campaign = try campaignOptions.load()
            let days = (0..<frames).map { campaign.info.start.adding(days: $0) }
            guard let last = days.last, last <= campaign.info.end else {
                throw CLIError.usage("--frames \(frames) runs past the campaign's end (\(campaign.info.end))")
            }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let composer = scene == "kmap" ? try style.composer(for: campaign) : nil
            guard ["on", "off"].contains(staticLayers) else { throw CLIError.usage("--static-layers '\(staticLayers)' is not on or off") }
            var options = try style.encoding()
            options.staticLayers = staticLayers == "on"
            options.threads = frameThreads
            let encoding = options
            let render: @Sendable (Int) throws -> Void = { [out] f in
                let state = campaign.timeline.state(at: Instant.endOf(days[f]))
                let frame =
                    if let composer {
                        composer.scene(for: state, previous: campaign.timeline.state(at: Instant.endOf(days[f].adding(days: -1))))
                    } else {
                        ReferenceScene.scene(campaign: campaign, state: state, frame: f)
                    }
                let bytes = try SceneEncoder.encode(frame, as: format, options: encoding)
                let name = "frame-" + String(repeating: "0", count: max(0, 4 - String(f).count)) + String(f)
                // Like the peers, a benchmark overwrites its own frames from the last run.
                try OutputFile.write(bytes, to: "\(out)/\(name).\(format.fileExtension)", createFolder: false, force: true)
            }
            let failure = FirstError()
            DispatchQueue.concurrentPerform(iterations: min(jobs, frames)) { job in
                for f in stride(from: job, to: frames, by: jobs) {
                    do { try render(f) } catch { failure.record(error); return }
                }
            }
            if let error = failure.error { throw error }
        }
    }
}

/// The first error any parallel frame threw.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?
    func record(_ e: any Error) { lock.withLock { if first == nil { first = e } } }
    var error: (any Error)? { lock.withLock { first } }
}
