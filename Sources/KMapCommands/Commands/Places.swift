import ArgumentParser
import Foundation
import KMapExport
import KMapLoader
import KMapModel

/// `kmap places`: the gazetteer, as a table, JSON, CSV or GeoJSON.
struct Places: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places",
        abstract: "List the campaign's places with their positions, sources and confidence.",
        discussion: """
            Examples:
              kmap places
              kmap places --format csv > places.csv
              kmap places --format geojson > places.geojson   # with the roads (LineStrings) and areas (Polygons)
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, geojson }

    @Option(help: "text, json, csv or geojson.")
    var format: Format = .text

    @OptionGroup var campaignOptions: CampaignOptions

    struct Row: Codable {
        var id: String
        var name: String
        var kind: String
        var lat: Double
        var lon: Double
        var aliases: [String]
        var arabic: String?
        /// The names in other languages by language code (nil when none): the gazetteer's `names`.
        var names: [String: String]?
        var source: String
        var sourceRef: String?
        var confidence: String
        var note: String?
        var tiedTo: String?
    }

    func run() throws {
        try reportingErrors {
            let campaign = try campaignOptions.load()
            Console.out(try Self.render(campaign.gazetteer, format: format, title: campaign.info.title))
        }
    }

    static func rows(_ places: [Place]) -> [Row] {
        places.map { p in
            Row(
                id: p.id, name: p.name, kind: p.kind.rawValue, lat: p.coordinate.lat, lon: p.coordinate.lon,
                aliases: p.info.aliases,
                arabic: p.info.arabic, names: p.info.names.isEmpty ? nil : p.info.names, source: p.info.source,
                sourceRef: p.info.sourceRef,
                confidence: p.info.confidence.rawValue,
                note: p.info.note, tiedTo: p.tie?.sentence)
        }
    }

    static func render(_ gazetteer: Gazetteer, format: Format, title: String) throws -> String {
        let rows = rows(gazetteer.places)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        switch format {
        case .json:
            return String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n"
        case .geojson:
            return try DayFormats.gazetteerGeoJSON(gazetteer, rows: rows, title: title)
        case .csv:
            var out = "id,name,kind,lat,lon,aliases,arabic,names,source,sourceRef,confidence\n"
            for r in rows {
                let names = (r.names ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                let text = [
                    r.aliases.joined(separator: "; "), r.arabic ?? "", names.joined(separator: "; "), r.source,
                    r.sourceRef ?? "", r.confidence,
                ]
                out += [r.id, r.name, r.kind].map(csv).joined(separator: ",") + ",\(r.lat),\(r.lon),"
                out += text.map(csv).joined(separator: ",") + "\n"
            }
            return out
        case .text:
            var table = [["ID", "NAME", "KIND", "LAT", "LON", "CONFIDENCE", "SOURCE"]]
            for r in rows {
                table.append([
                    r.id, r.name, r.kind, String(format: "%.4f", r.lat), String(format: "%.4f", r.lon), r.confidence,
                    r.source,
                ])
            }
            return TextTable.render(table)
        }
    }

    /// RFC 4180 quoting, and no text a spreadsheet would run as a formula (`Escaping.csv`); numbers are
    /// written as they are, so a southern latitude stays a number.
    static func csv(_ s: String) -> String { Escaping.csv(s) }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }
}
