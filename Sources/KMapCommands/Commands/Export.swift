import ArgumentParser
import KMapExport
import KMapLoader
import KMapModel
import KMapProjection

/// `kmap export`: the campaign's history for GIS tools and spreadsheets, one record per stretch of unchanged state.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export the campaign's history as time-aware GeoJSON, KML or CSV for QGIS, Google Earth and spreadsheets.",
        discussion: """
            One record per place (and per road) per stretch of unchanged state, with start and end (ISO 8601; end \
            is exclusive, the next change; empty when nothing changes it later), controller, status, attacker, \
            confidence, source, url and quote. events-csv lists the events instead. How to load each format in \
            QGIS, Google Earth, Leaflet and spreadsheets: docs/OTHER-TOOLS.md.

            Examples:
              kmap export -o khanasir.geojson
              kmap export --format kml -o khanasir.kml
              kmap export --format csv --from 2016-02-21 --to 2016-02-29 -o february.csv
              kmap export --format events-csv -o -
              kmap export --zones 5 -o khanasir-zones.geojson   # with derived zones, "derived": true
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case geojson, kml, csv
        case eventsCSV = "events-csv"
    }

    @Option(name: .long, help: "geojson, kml, csv (the stretches) or events-csv. Default: from the output's extension.")
    var format: Format?

    @Option(
        name: [.short, .long], help: ArgumentHelp("The file to write, or - for standard output.", valueName: "path"))
    var output: String

    @Option(help: ArgumentHelp("First day (default: the campaign's start).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day (default: the campaign's end).", valueName: "date"))
    var to: String?

    @Option(
        help: ArgumentHelp(
            "GeoJSON only: add the derived zones of control, each place claiming its Voronoi cell up to this many km, "
                + "as a MultiPolygon per side per stretch of unchanged zone (\"derived\": true). 0: none.",
            valueName: "km"))
    var zones: Double?

    @Flag(help: "Replace the output file even when kmap did not write it.")
    var force = false

    @OptionGroup var campaignOptions: CampaignOptions

    func run() throws {
        try reportingErrors {
            let format = try Self.format(explicit: format, output: output)
            let campaign = try campaignOptions.load()
            let range = try DayRange.parse(from: from, to: to, in: campaign)
            let text = try Self.export(
                campaign, format: format, first: range.first, last: range.last, zoneRadiusKm: try zoneRadius(format))
            let bytes = Array(text.utf8)
            try OutputFile.write(bytes, to: output, createFolder: false, force: force)
            if output != "-" { Console.error("wrote \(output) (\(bytes.count) bytes)") }
        }
    }

    /// `--zones`, checked: a positive finite radius, and only for GeoJSON (the other formats have no polygons).
    func zoneRadius(_ format: Format) throws -> Double? {
        guard let zones, zones != 0 else { return nil }
        guard zones.isFinite, zones > 0, zones <= 1000 else {
            throw CLIError.usage("--zones \(zones): give the zones' reach in km, more than 0 and at most 1000 (e.g. 5)")
        }
        guard format == .geojson else {
            throw CLIError.usage("--zones is for GeoJSON only (polygons); use --format geojson or a .geojson output")
        }
        return zones
    }

    static func export(_ campaign: Campaign, format: Format, first: Day?, last: Day?, zoneRadiusKm: Double? = nil)
        throws -> String
    {
        if format == .eventsCSV { return CSVExport.events(campaign, first: first, last: last) }
        if zoneRadiusKm != nil { try ZoneStretches.checkWork(campaign: campaign, first: first, last: last) }
        let history = campaign.timeline.history(through: campaign.info.end)
        let stretches = Stretches(campaign: campaign, history: history, first: first, last: last)
        switch format {
        case .geojson:
            let zones = try zoneRadiusKm.map { km in
                try ZoneStretches(
                    campaign: campaign, radiusKm: km, plane: try ProjectionChoice.plane(for: campaign.info.area),
                    history: history, first: first, last: last)
            }
            return GeoJSONExport.document(stretches, campaign: campaign, zones: zones)
        case .kml: return KMLExport.document(stretches, campaign: campaign)
        case .csv, .eventsCSV: return CSVExport.stretches(stretches)
        }
    }

    /// `--format`, else the output's extension; a conflict or an unknown extension is a usage error.
    static func format(explicit: Format?, output: String) throws -> Format {
        let lower = output.lowercased()
        let fromPath: Format? =
            lower.hasSuffix(".geojson") || lower.hasSuffix(".json")
            ? .geojson
            : lower.hasSuffix(".kml") ? .kml : lower.hasSuffix(".csv") ? .csv : nil
        if let explicit {
            if let fromPath, fromPath != explicit, !(explicit == .eventsCSV && fromPath == .csv) {
                throw CLIError.usage(
                    "--format \(explicit.rawValue) contradicts the output's extension (\(output)); make them agree")
            }
            return explicit
        }
        guard let fromPath else {
            throw CLIError.usage(
                "cannot tell the format of \(output) from its extension; end it in .geojson, .kml or .csv, or give --format"
            )
        }
        return fromPath
    }
}
