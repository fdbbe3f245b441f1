import ArgumentParser
import KMapExport
import KMapLoader
import KMapModel

/// `kmap timeline`: the events in the order they apply.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List the campaign's events in order, with their quotes, sources and confidence.",
        discussion: """
            Examples:
              kmap timeline
              kmap timeline --from 2016-02-22 --to 2016-02-23
              kmap timeline --format json | jq '.[] | select(.confidence == "inferred") | .quote'
              kmap timeline --format csv > events.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Option(
        help:
            "text, json (an array of events with their fields) or csv (the columns of kmap export --format events-csv)."
    )
    var format: Format = .text

    @Option(help: ArgumentHelp("First day to list (default: the campaign's start).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day to list (default: the campaign's end).", valueName: "date"))
    var to: String?

    @OptionGroup var campaignOptions: CampaignOptions

    func run() throws {
        try reportingErrors {
            let campaign = try campaignOptions.load()
            let range = try DayRange.parse(from: from, to: to, in: campaign)
            let a = range.first ?? campaign.info.start
            let b = range.last ?? campaign.info.end
            switch format {
            case .json: return Console.out(try DayFormats.eventsJSON(campaign, first: a, last: b))
            case .csv: return Console.out(CSVExport.events(campaign, first: a, last: b))
            case .text: break
            }
            let n = Narration(campaign: campaign)
            var out = ""
            var lastDay: Day?
            for e in campaign.timeline.events where e.day >= a && e.day <= b {
                if e.day != lastDay {
                    out += "\n\(e.day.longDescription) (day \(campaign.dayNumber(e.day)))\n"
                    lastDay = e.day
                }
                out += n.block(e)
            }
            Console.out(out.isEmpty ? "no events from \(a) to \(b)\n" : String(out.dropFirst()))
        }
    }
}
