import ArgumentParser
import Foundation
import KMapCompose
import KMapLoader
import KMapModel
import KMapRender
import KMapSequence

/// `kmap frames`: a numbered, dated sequence of frames and its manifest.
struct Frames: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Draw a numbered, dated frame sequence with a manifest, on all cores; an interrupted run resumes.",
        discussion: """
            Writes 0001_2016-02-21.png, 0002_2016-02-22.png, … (within a day: 0003_2016-02-22T0600.png; \
            transition frames: 0004_2016-02-22T0600_tween1.png) and frames.json, which lists every frame's \
            instant, file and the changes it shows, and whether it is done. Without --from/--to the sequence spans \
            the whole campaign. Every frame has the same even size. Files are written whole (temporary name, \
            then rename): after Ctrl-C or SIGTERM the folder holds only whole frames and frames.json says which; \
            running the same command again renders only what is missing or out of date.

            --shard I/N draws frames I, I+N, I+2N, … only (same names and bytes as one run), with their manifest \
            frames.shard-I-of-N.json, so N processes or machines can share a sequence; --merge then joins the N \
            manifests in --out into frames.json.

            Examples:
              kmap frames --from 2016-02-21 --to 2016-02-29 --out Renders/feb
              kmap frames --step 6h --tween 3 --size 1280x720 --out Renders/hd
              kmap frames --format svg --jobs 1
              parallel kmap frames --shard {}/4 --out feb ::: 1 2 3 4 && kmap frames --merge --out feb
            """)

    @OptionGroup var campaignOptions: CampaignOptions
    @OptionGroup var sequence: SequenceOptions

    @Option(
        help: ArgumentHelp(
            "The folder for the frames (created when missing). Default: Renders/<campaign>-frames.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("png, svg or pdf.", valueName: "format"))
    var format: String = "png"

    @OptionGroup var style: StyleOptions

    @Option(
        help: ArgumentHelp(
            "Draw only part I of N: frames I, I+N, I+2N, … (1 ≤ I ≤ N), listed in frames.shard-I-of-N.json.",
            valueName: "I/N"))
    var shard: String?

    @Flag(help: "Join the shard manifests in --out (frames.shard-I-of-N.json, every I of one N) into frames.json.")
    var merge = false

    func run() throws {
        try reportingErrors {
            let shard = try self.shard.map(Self.shard)
            if merge {
                guard shard == nil else {
                    throw CLIError.usage("--merge joins the shards' manifests; run it without --shard")
                }
                let path = try out ?? "Renders/\(campaignOptions.load().info.slug)-frames"
                try ShardMerge(folder: FrameFolder(path: path), force: sequence.force, quiet: sequence.quiet).run()
                return
            }
            guard let format = OutputFormat(rawValue: format.lowercased()) else {
                throw CLIError.usage(
                    "--format '\(format)' is not one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let jobs = try sequence.workerCount()
            _ = try SequenceOptions.evenFrameOptions(style)
            let campaign = try campaignOptions.load()
            let plan = try sequence.plan(for: campaign, format: format)
            let trap = SequenceJob.trap()
            let job = SequenceJob(
                plan: plan, composer: try style.composer(for: campaign, hoverText: format == .svg), style: style,
                folder: FrameFolder(path: out ?? "Renders/\(campaign.info.slug)-frames"),
                jobs: jobs, force: sequence.force, quiet: sequence.quiet, shard: shard)
            _ = try withExtendedLifetime(trap) { try job.run(trap: trap) }
        }
    }

    /// `--shard I/N`, checked.
    static func shard(_ text: String) throws -> FrameShard {
        guard let shard = FrameShard(text) else {
            throw CLIError.usage(
                "--shard '\(text)' is not a shard; write I/N with whole numbers 1 ≤ I ≤ N, e.g. --shard 1/4 … --shard 4/4 for four parts"
            )
        }
        return shard
    }
}
