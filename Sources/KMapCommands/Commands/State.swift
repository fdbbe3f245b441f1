import ArgumentParser
import Foundation
import KMapExport
import KMapLoader
import KMapModel

/// `kmap state`: who holds what on a day, as a table or as JSON.
struct State: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Print who controls each place, and the roads' status, on a day.",
        discussion: """
            --format json prints one object with the campaign, the day, the factions, every place (controller, \
            status, since, the event's confidence, tie, position and combined confidence, source and quote) and every road (open or cut, and where). Its fields are \
            stable: scripts and web overlays can rely on them (docs/STATE-JSON.md).

            Examples:
              kmap state --day 2016-02-23
              kmap state --day 2016-02-23 --format json | jq '.places[] | select(.controller == "isil") | .name'
              kmap state --day 2016-02-23 --format geojson > 2016-02-23.geojson
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, geojson
    }

    @OptionGroup var instant: InstantOptions
    @OptionGroup var campaignOptions: CampaignOptions
    @OptionGroup var evidence: EvidenceOptions

    @Option(
        name: .long,
        help: "text (a table), json or geojson (places as Points, roads as LineStrings, with the JSON's fields).")
    var format: Format = .text

    func run() throws {
        try reportingErrors {
            let campaign = try campaignOptions.load()
            let state = evidence.apply(campaign.timeline.state(at: try instant.instant(in: campaign)))
            let document = StateDocument(campaign: campaign, state: state)
            switch format {
            case .json: Console.out(try Self.json(document))
            case .geojson: Console.out(try DayFormats.stateGeoJSON(document, campaign: campaign))
            case .text: Console.out(Self.table(document))
            }
        }
    }

    static func json(_ document: StateDocument) throws -> String {
        let encoder = JSONEncoder()
        // Sorted keys: Foundation's encoder does not keep declaration order, and output must be byte-stable.
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    static func table(_ d: StateDocument) -> String {
        var rows = [["PLACE", "KIND", "CONTROLLER", "STATUS", "SINCE", "CONFIDENCE", "SOURCE"]]
        // CONFIDENCE is the combined one (event, tie, position), the one the map draws.
        for p in d.places {
            let status = p.contestedBy.isEmpty ? p.status : "\(p.status) by \(p.contestedBy.joined(separator: "+"))"
            let source = p.source.isEmpty ? "-" : p.event.map { "\(p.source) \($0)" } ?? "\(p.source) (initial)"
            rows.append([
                p.name, p.kind, p.controller, status, p.controller == PlaceControl.unknown ? "-" : p.since,
                p.combinedConfidence, source,
            ])
        }
        let widths = rows[0].indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        var out = "\(d.campaign), \(d.day) (\(d.asOf))\n"
        if d.asOf != "end of day" {
            out += "as of \(d.asOf): events the source times by then, and the untimed events it tells before them\n"
        }
        out += "\n"
        for row in rows {
            out +=
                zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces) + "\n"
        }
        if !d.roads.isEmpty { out += "\n" }
        for r in d.roads {
            let points = r.cutAt + (r.unnamedCutPoints > 0 ? ["\(r.unnamedCutPoints) unnamed"] : [])
            let at = points.isEmpty ? "" : " at \(points.joined(separator: ", "))"
            out += "road \(r.name): \(r.phase)\(at)\n"
        }
        if let route = d.supplyRoute {
            let points = route.cutAt + (route.unnamedCutPoints > 0 ? ["\(route.unnamedCutPoints) unnamed"] : [])
            let at = points.isEmpty ? "" : " at \(points.joined(separator: ", "))"
            out += "\(route.name) (\(route.from) to \(route.to)): \(route.status == "cut" ? "CUT" : route.phase)\(at)\n"
        }
        return out
    }
}
