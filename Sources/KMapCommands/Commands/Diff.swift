import ArgumentParser
import KMapLoader
import KMapModel

/// `kmap diff`: what changed between two days.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List what changed between two days: places, roads, the supply route, with the events in between.",
        discussion: """
            Compares the end of --from with the end of --to.

            Example:
              kmap diff --from 2016-02-22 --to 2016-02-25
            """)

    @Option(help: ArgumentHelp("The earlier day, YYYY-MM-DD.", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("The later day, YYYY-MM-DD.", valueName: "date"))
    var to: String

    @OptionGroup var campaignOptions: CampaignOptions

    func run() throws {
        try reportingErrors {
            let campaign = try campaignOptions.load()
            let a = try InstantOptions.instant(day: from, option: "--from", in: campaign)
            let b = try InstantOptions.instant(day: to, option: "--to", in: campaign)
            guard a <= b else { throw CLIError.usage("--from \(from) is after --to \(to); swap them") }
            Console.out(Self.diff(campaign, from: a, to: b))
        }
    }

    static func diff(_ campaign: Campaign, from a: Instant, to b: Instant) -> String {
        let n = Narration(campaign: campaign)
        let before = campaign.timeline.state(at: a)
        let after = campaign.timeline.state(at: b)
        var out = "\(campaign.info.title): \(a.day) → \(b.day)\n\n"
        var changed = 0
        for (x, y) in zip(before.places, after.places)
        where x.controller != y.controller || x.status != y.status || x.contestedBy != y.contestedBy {
            changed += 1
            out += "\(n.name(x.placeID)): \(n.state(x)) → \(n.state(y))\n"
        }
        if changed == 0 { out += "no place changed control or status\n" }
        // A supply route named like one of its roads ("Aleppo supply road") is one line, not two saying the same.
        let route = before.route.flatMap { x in after.route.map { (x, $0) } }.flatMap {
            $0.0.phase != $0.1.phase ? $0 : nil
        }
        for (x, y) in zip(before.roads, after.roads)
        where x.phase != y.phase || x.cutAt != y.cutAt || x.unnamedCut != y.unnamedCut {
            if let route, Self.sameName(route.0.id, campaign.gazetteer.road(x.id)), route.0.phase == x.phase,
                route.1.phase == y.phase
            {
                continue
            }
            out += "road \(n.name(x.id)): \(x.phase.rawValue) → \(y.phase.rawValue)\n"
        }
        if let (x, y) = route {
            out += "supply route \(x.id): \(x.phase.rawValue) → \(y.phase.rawValue)\n"
        }
        let events = campaign.timeline.events(after: a, through: b)
        out += "\n\(events.count) event\(events.count == 1 ? "" : "s") in between:\n"
        for e in events { out += n.block(e) }
        return out
    }

    /// Whether a route's name is a road's name or one of its aliases (case and spacing aside).
    static func sameName(_ name: String, _ road: Road?) -> Bool {
        guard let road else { return false }
        let key = { (s: String) in s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return ([road.name] + road.info.aliases).map(key).contains(key(name))
    }
}
