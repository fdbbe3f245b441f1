import ArgumentParser
import KMapLoader
import KMapModel
import KMapReport

/// `kmap viewer`: one HTML file to browse the campaign day by day, offline.
struct Viewer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "viewer",
        abstract:
            "Write an interactive page: every day's map with a day slider, play/pause, hover and the chain behind each place.",
        discussion: """
            One self-contained HTML file that works offline from file:// (no server, nothing downloaded): the \
            map of every day (SVG), a day slider, play/pause and the arrow keys, the day's events and changes; \
            hovering a place shows its state and quote, clicking it the chain of events behind it (as kmap \
            explain). The address can name a day: khanasir.html#2016-02-24.

            Examples:
              kmap viewer -o khanasir.html
              kmap viewer --from 2016-02-21 --to 2016-03-15 --size 1200x900 -o february.html
            """)

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("The HTML file to write, or - for standard output.", valueName: "path"))
    var output: String

    @Option(help: ArgumentHelp("First day (default: the campaign's start).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day (default: the campaign's end).", valueName: "date"))
    var to: String?

    @Flag(help: "Replace the output file even when kmap did not write it.")
    var force = false

    @OptionGroup var campaignOptions: CampaignOptions
    @OptionGroup var style: StyleOptions

    func run() throws {
        try reportingErrors {
            let lower = output.lowercased()
            guard output == "-" || lower.hasSuffix(".html") || lower.hasSuffix(".htm") else {
                throw CLIError.usage(
                    "the viewer is one HTML file; end the output in .html (e.g. -o khanasir.html), or give - for standard output"
                )
            }
            let campaign = try campaignOptions.load()
            let range = try DayRange.parse(from: from, to: to, in: campaign)
            let first = range.first ?? campaign.info.start
            let last = range.last ?? campaign.info.end
            try DayRange.checkSpan(first, last, limit: DayRange.maxViewerDays, what: "the viewer")
            let days = (0...last.days(since: first)).map { first.adding(days: $0) }
            let data = ViewerData(campaign: campaign, days: days, composer: try style.composer(for: campaign))
            let bytes = Array(ViewerPage.html(data).utf8)
            try OutputFile.write(bytes, to: output, createFolder: false, force: force)
            if output != "-" { Console.error("wrote \(output) (\(bytes.count) bytes, \(days.count) days)") }
        }
    }
}
