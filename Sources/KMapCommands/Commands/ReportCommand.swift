import ArgumentParser
import Foundation
import KMapCompose
import KMapLoader
import KMapModel
import KMapRender
import KMapReport

/// `kmap report`: the campaign's days as an HTML page, Markdown, or a multi-page PDF.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a day-by-day report: maps, the day's events with their quotes and sources, what changed.",
        discussion: """
            The output's form follows -o:
              DIR            a folder: index.html, report.md, report.pdf, chart.svg and maps/*.png
              report.html    one self-contained page that works offline: the viewer's map of the report's
                             days (slider, play; report.html#2016-02-24 opens a day), then every day's
                             events, what changed, the readings and the sources
              report.md      Markdown, images in report-images/ beside it
              report.pdf     A4 landscape: a cover with the summary, a chart and the sources; per day its
                             map across the page, then every event of the day; the readings in an appendix
            Events are numbered as on the day's map; a sentence that carries several events is quoted once.
            --size sets the maps of the HTML and Markdown; the PDF's maps are composed at their printed size.
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

    @Flag(help: "Replace files at the output even when kmap did not write them.")
    var force = false

    @Flag(help: "No progress line.")
    var quiet = false

    @OptionGroup var campaignOptions: CampaignOptions
    @OptionGroup var style: StyleOptions

    func run() throws {
        try reportingErrors {
            let campaign = try campaignOptions.load()
            let range = try DayRange.parse(from: from, to: to, in: campaign)
            let days = Report.days(of: campaign, from: range.first, to: range.last)
            guard !days.isEmpty else { throw CLIError.usage("no days to report; widen --from/--to") }
            try DayRange.checkSpan(days.first!, days.last!, limit: DayRange.maxReportDays, what: "the report")
            let theme = try style.resolvedTheme()
            let report = Report(
                campaign: campaign, days: days, composer: try style.composer(for: campaign), theme: theme)
            let plan = try ReportPlan(output: output, report: report)
            // Every file the report will write is checked before any is drawn: a refusal stops it at once, not
            // half-way with some files replaced.
            try plan.refuseLinkedFolders()
            for path in plan.files { try OutputFile.checkReplaceable(path, force: force) }
            if !quiet {
                Console.error(
                    "kmap: reporting \(days.count) day\(days.count == 1 ? "" : "s"), \(days.first!) to \(days.last!)")
            }
            let stop = CleanStop("run the same command again to write the report")
            try withExtendedLifetime(stop) { try write(report, plan: plan, stop: stop) }
        }
    }

    /// Where a report goes: one file, or a folder.
    struct ReportPlan {
        enum Form {
            case pdf, html
            case markdown(images: String, folder: String)
            case folder
        }
        let form: Form
        /// Every file the report writes.
        let files: [String]

        init(output: String, report: Report) throws {
            guard output != "-", !output.isEmpty else {
                throw CLIError.usage(
                    "-o '\(output)': a report is a folder or one .pdf, .html or .md file, not standard output; give a path such as -o report.pdf"
                )
            }
            let images = ["chart.svg"] + report.days.map(report.mapName)
            switch URL(fileURLWithPath: output).pathExtension.lowercased() {
            case "pdf":
                form = .pdf
                files = [output]
            case "html", "htm":
                form = .html
                files = [output]
            case "md", "markdown":
                let base = URL(fileURLWithPath: output).deletingPathExtension()
                let name = base.lastPathComponent + "-images"
                let folder = base.deletingLastPathComponent().appendingPathComponent(name).path
                form = .markdown(images: name, folder: folder)
                files = images.map { "\(folder)/\($0)" } + [output]
            case "":
                form = .folder
                files =
                    images.map { "\(output)/\($0)" }
                    + ["index.html", "report.md", "report.pdf"].map { "\(output)/\($0)" }
            default:
                throw CLIError.usage("-o \(output): give a folder, or a file ending in .html, .md or .pdf")
            }
            base =
                if case .folder = form { output } else { URL(fileURLWithPath: output).deletingLastPathComponent().path }
        }

        /// The folder the user named (or the one holding the file they named): the report's folders are in it.
        let base: String

        /// Refuses (73) when a folder the report writes into below `base` (`maps/`, `NAME-images/`) is a
        /// symbolic link: files kmap refuses to write through a link, and folders are no different.
        func refuseLinkedFolders() throws {
            let root = URL(fileURLWithPath: base).standardizedFileURL.path
            var checked: Set<String> = []
            for file in files {
                var folder = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
                while folder.path.count > root.count, folder.path.hasPrefix(root), checked.insert(folder.path).inserted
                {
                    var info = stat()
                    if lstat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                        throw CLIError.cannotCreate(
                            "\(folder.path) is a symbolic link; kmap will not write through it. Remove the link, or choose another folder"
                        )
                    }
                    folder = folder.deletingLastPathComponent()
                }
            }
        }
    }

    func write(_ report: Report, plan: ReportPlan, stop: CleanStop) throws {
        let progress = ReportProgress(total: report.days.count, quiet: quiet)
        // Each folder is rid of dead runs' temporaries once, not once per map.
        for folder in Set(plan.files.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }) {
            TemporaryFile.removeStale(in: folder)
        }
        func save(_ bytes: [UInt8], _ path: String, createFolder: Bool) throws {
            try stop.writing(path) {
                try OutputFile.write(bytes, to: path, createFolder: createFolder, force: force, tidy: false)
            }
        }
        switch plan.form {
        case .pdf:
            progress.say("drawing the PDF's pages")
            try save(try PDFReport.pdf(report), output, createFolder: false)
            Console.error("wrote \(output)")
        case .html:
            progress.say("drawing \(report.days.count) maps")
            try save(Array(HTMLReport.html(report).utf8), output, createFolder: false)
            Console.error("wrote \(output)")
        case .markdown(let images, let folder):
            let md = try MarkdownReport.markdown(report) { name, bytes in
                try save(try bytes(), "\(folder)/\(name)", createFolder: true)
                progress.tick(name)
                return "\(images)/\(name)"
            }
            progress.finish()
            try save(Array(md.utf8), output, createFolder: false)
            Console.error("wrote \(output) and \(folder)/")
        case .folder:
            let dir = output
            let md = try MarkdownReport.markdown(report) { name, bytes in
                try save(try bytes(), "\(dir)/\(name)", createFolder: true)
                progress.tick(name)
                return name
            }
            progress.finish()
            try save(Array(md.utf8), "\(dir)/report.md", createFolder: true)
            try save(Array(HTMLReport.html(report).utf8), "\(dir)/index.html", createFolder: true)
            progress.say("drawing the PDF's pages")
            try save(try PDFReport.pdf(report), "\(dir)/report.pdf", createFolder: true)
            Console.error("wrote \(dir)/index.html, report.md, report.pdf, chart.svg and maps/")
        }
    }
}
