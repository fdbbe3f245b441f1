import ArgumentParser
import Foundation
import KMapModel
import KMapLoader
import KMapCompose
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

            Examples:
              kmap frames --from 2016-02-21 --to 2016-02-29 --out Renders/feb
              kmap frames --step 6h --tween 3 --size 1280x720 --out Renders/hd
              kmap frames --format svg --jobs 1
            """)

    @OptionGroup var campaignOptions: CampaignOptions
    @OptionGroup var sequence: SequenceOptions

    @Option(help: ArgumentHelp("The folder for the frames (created when missing). Default: Renders/<campaign>-frames.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("png, svg or pdf.", valueName: "format"))
    var format: String = "png"

    @OptionGroup var style: StyleOptions

    func run() throws {
        try reportingErrors {
            guard let format = OutputFormat(rawValue: format.lowercased()) else {
                throw CLIError.usage("--format '\(format)' is not one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let jobs = try sequence.workerCount()
            _ = try SequenceOptions.evenFrameOptions(style)
            let campaign = try campaignOptions.load()
            let plan = try sequence.plan(for: campaign, format: format)
            let trap = SequenceJob.trap()
            let job = SequenceJob(
                plan: plan, composer: try style.composer(for: campaign), style: style, folder: FrameFolder(path: out ?? "Renders/\(campaign.info.slug)-frames"),
                jobs: jobs, force: sequence.force, quiet: sequence.quiet)
            _ = try withExtendedLifetime(trap) { try job.run(trap: trap) }
        }
    }
}
