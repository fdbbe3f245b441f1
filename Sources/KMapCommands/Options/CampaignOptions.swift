import ArgumentParser
import KMapLoader
import KMapModel

/// `--campaign`, shared by every command that reads a campaign.
struct CampaignOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A built-in campaign's id (kmap campaigns lists them: khanasir-2016, kharkiv-2022) or a campaign data folder (docs/DATA.md); a bare name that is also a folder here reads the folder. Default: the built-in khanasir-2016.",
            valueName: "id|dir"))
    var campaign: String?

    func load() throws -> Campaign {
        if let campaign, case .folder(let path, let shadowed?) = try CampaignLoader.resolution(of: campaign) {
            Console.error(
                "kmap: note: reading the folder '\(path)', not the built-in campaign '\(shadowed)'; write ./\(path) to say so, or run from another folder for the built-in"
            )
        }
        return try CampaignLoader.resolve(campaign)
    }
}

/// `--day` and `--time`: the instant a command shows.
struct InstantOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The day to show, YYYY-MM-DD (e.g. 2016-02-23).", valueName: "date"))
    var day: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A time on that day: HH:MM, or early, morning, midday, afternoon, evening, night. Default: the end of the day. Only events the source times by then count, with the untimed ones it tells before them; an untimed event counts from the end of its day.",
            valueName: "time"))
    var time: String?

    /// The instant, checked against the campaign's span.
    func instant(in campaign: Campaign) throws -> Instant {
        try Self.instant(day: day, time: time, option: "--day", in: campaign)
    }

    /// Parses a day (and optional time) given to `option`, checked against the campaign's span.
    static func instant(day: String, time: String? = nil, option: String, in campaign: Campaign) throws -> Instant {
        guard let d = Day(day) else {
            throw CLIError.usage(
                "\(option) '\(day)' is not a real date; write YYYY-MM-DD, e.g. \(option) \(campaign.info.start)")
        }
        var t = TimeOfDay.endOfDay
        if let time {
            guard let parsed = TimeOfDay(time) else {
                throw CLIError.usage(
                    "--time '\(time)' is neither HH:MM (24-hour) nor one of \(TimeOfDay.named.map(\.word).joined(separator: ", "))"
                )
            }
            t = parsed
        }
        return Instant(day: try campaign.validate(d), time: t)
    }
}

/// `--from` and `--to` as days of the campaign, for commands that cover a span.
enum DayRange {
    /// The days given (nil where not given), checked against the campaign and against each other.
    static func parse(from: String?, to: String?, in campaign: Campaign) throws -> (first: Day?, last: Day?) {
        let first = try from.map { try InstantOptions.instant(day: $0, option: "--from", in: campaign).day }
        let last = try to.map { try InstantOptions.instant(day: $0, option: "--to", in: campaign).day }
        if let first, let last, last < first {
            throw CLIError.usage("--from \(first) is after --to \(last); swap them")
        }
        return (first, last)
    }

    /// The most days a chart covers (a column each): a campaign's `end` of 9999-12-31 ran until memory was gone.
    static let maxChartDays = 3660
    /// The most days a report covers: each is a map, and a single-page report holds them all in memory.
    static let maxReportDays = 1000
    /// The most days a viewer page covers: a map each, deduplicated, so ten years stay a few megabytes.
    static let maxViewerDays = 3660

    /// Throws (64) when `first` to `last` is more than `limit` days.
    static func checkSpan(_ first: Day, _ last: Day, limit: Int, what: String) throws {
        let days = last.days(since: first) + 1
        guard days > limit else { return }
        throw CLIError.usage(
            "\(what) would cover \(days) days (\(first) to \(last)); kmap covers up to \(limit) days at once: narrow --from/--to"
        )
    }
}
