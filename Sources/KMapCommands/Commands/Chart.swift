import ArgumentParser
import KMapCompose
import KMapLoader
import KMapModel
import KMapRender

/// `kmap chart`: the campaign over time in one picture.
struct Chart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Chart the supply road's status and the places each faction held, day by day.",
        discussion: """
            Examples:
              kmap chart -o timeline.svg
              kmap chart --from 2016-02-21 --to 2016-03-15 -o february.png
            """)

    @Option(help: ArgumentHelp("First day (default: the campaign's start).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day (default: the campaign's end).", valueName: "date"))
    var to: String?

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("The file to write (.png, .svg, .pdf), or - for standard output.", valueName: "path"))
    var output: String

    @Option(
        name: .long, help: ArgumentHelp("png, svg or pdf. Default: from the output's extension.", valueName: "format"))
    var format: String?

    @Flag(help: "Replace the output file even when kmap did not write it.")
    var force = false

    @OptionGroup var campaignOptions: CampaignOptions
    @OptionGroup var style: StyleOptions

    func run() throws {
        try reportingErrors {
            let campaign = try campaignOptions.load()
            let range = try DayRange.parse(from: from, to: to, in: campaign)
            let first = range.first ?? campaign.info.start
            let last = range.last ?? campaign.info.end
            guard first < last else { throw CLIError.usage("a chart needs at least two days; widen --from/--to") }
            try DayRange.checkSpan(first, last, limit: DayRange.maxChartDays, what: "the chart")
            let format = try OutputChoice.format(explicit: format, output: output)
            let chart = ChartComposer(campaign: campaign, theme: try style.resolvedTheme(), from: first, to: last)
            let bytes = try style.encode(chart.scene(), as: format)
            try OutputFile.write(bytes, to: output, createFolder: false, force: force)
            if output != "-" { Console.error("wrote \(output) (\(bytes.count) bytes)") }
        }
    }
}
