import ArgumentParser
import Foundation
import KMapCompose
import KMapLoader
import KMapModel
import KMapRender

/// `kmap render`: one frame of one day.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the map of one day as PNG, SVG or PDF.",
        discussion: """
            Without -o the frame goes to Renders/<campaign>-<day>.png (the folder is created when missing). \
            The format follows the output's extension unless --format is given. -o - writes to standard output. \
            An existing file is replaced only when kmap wrote it, or with --force.

            Examples:
              kmap render --day 2016-02-23
              kmap render --day 2016-02-23 -o day.svg
              kmap render --day 2016-02-25 --time morning --size 1920x1080 -o morning.png
            """)

    @OptionGroup var instant: InstantOptions
    @OptionGroup var campaignOptions: CampaignOptions
    @OptionGroup var evidence: EvidenceOptions

    @Option(
        name: [.short, .long], help: ArgumentHelp("The file to write, or - for standard output.", valueName: "path"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp("png, svg or pdf. Default: from the output's extension, else png.", valueName: "format"))
    var format: String?

    @Flag(help: "Replace the output file even when kmap did not write it.")
    var force = false

    @OptionGroup var style: StyleOptions

    func run() throws {
        try reportingErrors {
            let format = try resolveFormat()
            let campaign = try campaignOptions.load()
            let at = try instant.instant(in: campaign)
            let state = evidence.apply(campaign.timeline.state(at: at))
            let previous = evidence.apply(campaign.timeline.state(at: Instant.endOf(at.day.adding(days: -1))))
            let composer = try style.composer(for: campaign, hoverText: format == .svg)
            let bytes = try style.encode(composer.scene(for: state, previous: previous), as: format)
            let path = output ?? defaultPath(campaign: campaign, format: format, instant: at.description)
            try OutputFile.write(bytes, to: path, createFolder: output == nil, force: force)
            if path != "-" { Console.error("wrote \(path) (\(bytes.count) bytes)") }
        }
    }

    func resolveFormat() throws -> OutputFormat {
        try OutputChoice.format(explicit: format, output: output)
    }

    func defaultPath(campaign: Campaign, format: OutputFormat, instant: String) -> String {
        "Renders/\(campaign.info.slug)-\(instant.replacingOccurrences(of: " ", with: "T").replacingOccurrences(of: ":", with: "")).\(format.fileExtension)"
    }
}

/// Parses `WxH` into frame options.
enum FrameSize {
    static func parse(_ text: String) throws -> FrameOptions {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw CLIError.usage("--size '\(text)' is not WxH; write it like 1600x1200")
        }
        guard FrameOptions.widthRange.contains(w), FrameOptions.heightRange.contains(h) else {
            throw CLIError.usage(
                "--size \(w)x\(h) is out of range; width \(FrameOptions.widthRange.lowerBound)–\(FrameOptions.widthRange.upperBound), height \(FrameOptions.heightRange.lowerBound)–\(FrameOptions.heightRange.upperBound)"
            )
        }
        return FrameOptions(width: w, height: h)
    }
}
