import ArgumentParser
import Dispatch
import Foundation
import KMapCompose
import KMapLoader
import KMapModel
import KMapRender

/// `kmap-bench`: N frames of consecutive days in one process, timed beside the peers of `shared/bench`.
///
/// The peers' `run.py` runs every peer as `… --frames N --format png|svg --out DIR`. The composer (projection,
/// label placement) is built once, as a sequence would; each job has its own workspace, as `kmap frames` does.
/// `--scene reference` draws the benchmark's reference frame (`ReferenceScene`: the C ceiling's work).
@main
struct BenchRender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kmap-bench", abstract: "Render N frames in one process (benchmarking).")

    @Option(help: "The campaign folder (Scripts/bench/campaign).")
    var campaign: String

    @Option(help: "A theme name or file.")
    var theme = "wikipedia"

    @Option(help: "Frames (consecutive days from the campaign's start) to render.")
    var frames = 1

    @Option(help: "png, svg or pdf.")
    var format = "png"

    @Option(help: "kmap or cairo (SVG only).")
    var svgEngine = "kmap"

    @Option(help: "Output folder (created when missing); frames are written as frame-NNNN.<format>.")
    var out: String

    @Option(help: "kmap (kmap's own frame) or reference (the benchmark's reference frame, the C ceiling's work).")
    var scene = "kmap"

    @Option(help: "Frames drawn in parallel (one workspace each).")
    var jobs = 1

    func run() throws {
        guard let format = OutputFormat(rawValue: format) else {
            throw ValidationError("--format '\(format)' is not png, svg or pdf")
        }
        guard let engine = EncodingOptions.SVGEngine(rawValue: svgEngine) else {
            throw ValidationError("--svg-engine is kmap or cairo")
        }
        guard ["kmap", "reference"].contains(scene) else {
            throw ValidationError("--scene '\(scene)' is not kmap or reference")
        }
        guard frames >= 1, jobs >= 1 else { throw ValidationError("--frames and --jobs must be at least 1") }
        let campaign = try CampaignLoader.load(folder: campaign)
        let days = (0..<frames).map { campaign.info.start.adding(days: $0) }
        guard let last = days.last, last <= campaign.info.end else {
            throw ValidationError("--frames \(frames) runs past the campaign's end (\(campaign.info.end))")
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let composer = scene == "kmap" ? SceneComposer(campaign: campaign, theme: try ThemeLoader.resolve(theme)) : nil
        let options = EncodingOptions(svgEngine: engine)
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: min(jobs, frames)) { job in
            let workspace = FrameWorkspace()
            for f in stride(from: job, to: frames, by: jobs) {
                do {
                    let state = campaign.timeline.state(at: Instant.endOf(days[f]))
                    let frame =
                        if let composer {
                            composer.scene(
                                for: state,
                                previous: campaign.timeline.state(at: Instant.endOf(days[f].adding(days: -1))))
                        } else {
                            ReferenceScene.scene(campaign: campaign, state: state, frame: f)
                        }
                    let bytes = try SceneEncoder.encode(frame, as: format, options: options, workspace: workspace)
                    let name = "frame-" + String(repeating: "0", count: max(0, 4 - String(f).count)) + String(f)
                    try Data(bytes).write(to: URL(fileURLWithPath: "\(out)/\(name).\(format.fileExtension)"))
                } catch {
                    failure.record(error)
                    return
                }
            }
        }
        if let error = failure.error { throw error }
    }
}

/// The first error any parallel frame threw.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?
    func record(_ e: any Error) { lock.withLock { if first == nil { first = e } } }
    var error: (any Error)? { lock.withLock { first } }
}
