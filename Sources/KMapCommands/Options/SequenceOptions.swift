import ArgumentParser
import Foundation
import KMapCompose
import KMapLoader
import KMapModel
import KMapRender
import KMapSequence

/// The options of a frame sequence, shared by `frames` and `animate` so both plan the same frames.
struct SequenceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The first day, YYYY-MM-DD. Default: the campaign's first day.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("The last day, YYYY-MM-DD. Default: the campaign's last day.", valueName: "date"))
    var to: String?

    @Option(
        help: ArgumentHelp(
            "Time between frames: 1d (every day's end), 12h, 6h, any Nh that divides a day, or Nd.", valueName: "step"))
    var step: String = "1d"

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Transition frames between two states, eased (0 for none).", valueName: "n"))
    var tween: Int = 0

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Frames drawn at once. Default: the number of cores. The output is the same for any value.", valueName: "n")
    )
    var jobs: Int?

    @Flag(help: "Print no progress or summary (errors still go to standard error).")
    var quiet = false

    @Flag(help: "Render every frame again, and replace frame files kmap did not write.")
    var force = false

    static let tweenRange = 0...60

    /// The frames to draw, checked against the campaign's span.
    func plan(for campaign: Campaign, format: OutputFormat) throws -> FramePlan {
        guard let parsed = FrameStep(step) else {
            throw CLIError.usage(
                "--step '\(step)' is not a step; write 1d, 12h or 6h (any Nh that divides 24, or 1d to \(FrameStep.maxDays)d)"
            )
        }
        guard Self.tweenRange.contains(tween) else {
            throw CLIError.usage(
                "--tween \(tween) is out of range; give \(Self.tweenRange.lowerBound)–\(Self.tweenRange.upperBound) transition frames"
            )
        }
        let first =
            try from.map { try InstantOptions.instant(day: $0, option: "--from", in: campaign).day }
            ?? campaign.info.start
        let last =
            try to.map { try InstantOptions.instant(day: $0, option: "--to", in: campaign).day } ?? campaign.info.end
        guard first <= last else { throw CLIError.usage("--from \(first) is after --to \(last); swap them") }
        let days = last.days(since: first) / parsed.days + 1
        let frames = Double(days) * Double(24 / (parsed.hours ?? 24)) * Double(tween + 1)
        guard frames <= Double(Self.maxFrames) else {
            throw CLIError.usage(
                "\(first) to \(last) at --step \(parsed)\(tween > 0 ? " with --tween \(tween)" : "") is \(Int(frames)) frames; kmap draws up to \(Self.maxFrames) in one sequence: narrow --from/--to, or take a larger --step or a smaller --tween"
            )
        }
        return FramePlan(from: first, through: last, step: parsed, tween: tween, format: format)
    }

    /// The most frames in one sequence (over a year at 6h with --tween 8): beyond it a typo in a campaign's
    /// `end` or in --to is likelier than intent, and the manifest alone would run to hundreds of megabytes.
    static let maxFrames = 20_000

    /// `--jobs`, or the core count.
    func workerCount() throws -> Int {
        guard let jobs else { return ProcessInfo.processInfo.activeProcessorCount }
        guard (1...256).contains(jobs) else {
            throw CLIError.usage("--jobs \(jobs) is out of range; give 1–256 (default: the number of cores)")
        }
        return jobs
    }

    /// Frame options with an even width and height, also once scaled to device pixels, which video encoders
    /// (yuv420p) require.
    static func evenFrameOptions(_ style: StyleOptions) throws -> FrameOptions {
        let options = try style.frameOptions()
        guard options.width % 2 == 0, options.height % 2 == 0 else {
            let w = options.width + options.width % 2
            let h = options.height + options.height % 2
            throw CLIError.usage(
                "--size \(options.width)x\(options.height): sequence frames need an even width and height (video encoders refuse odd ones); use --size \(w)x\(h)"
            )
        }
        let scale = try style.encoding().scale
        let pw = Int((Double(options.width) * scale).rounded())
        let ph = Int((Double(options.height) * scale).rounded())
        guard pw % 2 == 0, ph % 2 == 0 else {
            throw CLIError.usage(
                "--scale \(scale) makes \(pw)x\(ph)-pixel frames; sequence frames need an even width and height (try --scale 2)"
            )
        }
        return options
    }
}
