import ArgumentParser
import Foundation
import KMapCampaign
import KMapRender
import KMapReport
import KMapTimeline

/// `kmap report`: the campaign's days as an HTML page, Markdown, or a multi-page PDF.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a day-by-day report: maps, the day's events with their quotes and sources, what changed.",
        discussion: """
            The output's form follows -o:
              DIR            a folder: index.html, report.md, report.pdf, chart.svg and maps/*.png
              report.html    one self-contained HTML page (images embedded)
              report.md      Markdown, images in report-images/ beside it
              report.pdf     a cover with the summary and a chart, then a page per day
            Without --from/--to the report covers every day with an event; with them, every day in the range.

            Examples:
              kmap report --from 2016-02-21 --to 2016-02-29 -o khanasir-report
              kmap report -o khanasir.pdf
            """)

    @Option(help: ArgumentHelp("First day (default: the first day with an event).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day (default: the last day with an event).", valueName: "date"))
    var to: String?

    @Option(name: [.short, .long], help: ArgumentHelp("A folder, or a .html, .md or .pdf file.", valueName: "path"))
    var output: String

    @OptionGroup var campaignOptions: CampaignOptions
    @OptionGroup var style: StyleOptions

    func run() throws {
        try reportingErrors {
            let campaign = try campaignOptions.load()
            let range = try DayRange.parse(from: from, to: to, in: campaign)
            let days = Report.days(of: campaign, from: range.first, to: range.last)
            guard !days.isEmpty else { throw CLIError.usage("no days to report; widen --from/--to") }
            let theme = try ThemeLoader.resolve(style.theme)
            let report = Report(campaign: campaign, days: days, composer: try style.composer(for: campaign), theme: theme)
            Console.error("kmap: reporting \(days.count) day\(days.count == 1 ? "" : "s"), \(days.first!) to \(days.last!)")
            try write(report)
        }
    }

    func write(_ report: Report) throws {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        switch ext {
        case "pdf":
            try OutputFile.write(try PDFReport.pdf(report), to: output, createFolder: false)
            Console.error("wrote \(output)")
        case "html", "htm":
            let html = try HTMLReport.html(report) { _, bytes, mime in "data:\(mime);base64,\(Data(bytes).base64EncodedString())" }
            try OutputFile.write(Array(html.utf8), to: output, createFolder: false)
            Console.error("wrote \(output)")
        case "md", "markdown":
            let base = URL(fileURLWithPath: output).deletingPathExtension()
            let images = base.lastPathComponent + "-images"
            let folder = base.deletingLastPathComponent().appendingPathComponent(images).path
            let md = try MarkdownReport.markdown(report) { name, bytes in
                try OutputFile.write(bytes, to: "\(folder)/\(name)", createFolder: true)
                return "\(images)/\(name)"
            }
            try OutputFile.write(Array(md.utf8), to: output, createFolder: false)
            Console.error("wrote \(output) and \(folder)/")
        case "":
            let dir = output
            let html = try HTMLReport.html(report) { name, bytes, _ in
                try OutputFile.write(bytes, to: "\(dir)/\(name)", createFolder: true)
                return name
            }
            try OutputFile.write(Array(html.utf8), to: "\(dir)/index.html", createFolder: true)
            let md = try MarkdownReport.markdown(report) { name, _ in name }
            try OutputFile.write(Array(md.utf8), to: "\(dir)/report.md", createFolder: true)
            try OutputFile.write(try PDFReport.pdf(report), to: "\(dir)/report.pdf", createFolder: true)
            Console.error("wrote \(dir)/index.html, report.md, report.pdf, chart.svg and maps/")
        default:
            throw CLIError.usage("-o \(output): give a folder, or a file ending in .html, .md or .pdf")
        }
    }
}
