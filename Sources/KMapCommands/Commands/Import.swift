import ArgumentParser
import Foundation
import KMapLoader
import KMapModel

/// `kmap import FILE --campaign DIR`: control changes from a spreadsheet or an ACLED export into a campaign.
///
/// The slow part of a new campaign is typing rows someone already has in a table. Every row is accounted for
/// (imported, merged, skipped with its reason); the campaign's files are only appended to, and a re-run on a
/// newer export adds only what is new.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add places and control changes from a CSV/TSV table or an ACLED export to a campaign folder.",
        discussion: """
            A table has a header row naming its columns: date, time, place, lat, lon, controller, status, quote, \
            source, url, confidence (date, place, controller, quote and source required; rename with --column). \
            controller is a faction id (for status contested or besieged: the attacker); source a source id of \
            campaign.yaml, or a new one when the row gives its url. An ACLED export (recognised by its columns) \
            gives its territorial-control events; its actors map to factions through import-actors.yaml, which \
            kmap writes into the campaign folder for you to edit. Places are matched by name and alias, new ones \
            added with the row's coordinates. Re-running merges: rows imported before (import-ledger.txt) are not \
            added again, and nothing you edited is changed. See docs/IMPORT.md.

            Examples:
              kmap import changes.csv --campaign palmyra
              kmap import export.csv --campaign palmyra        # ACLED: edit palmyra/import-actors.yaml, run again
              kmap import sheet.tsv --campaign palmyra --column place=Village --column controller=Holder
            """)

    @Argument(help: ArgumentHelp("The CSV or TSV file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The campaign folder to add to (kmap init makes one).", valueName: "dir"))
    var campaign: String

    @Option(help: ArgumentHelp("table or acled (default: acled when the columns are ACLED's).", valueName: "kind"))
    var format: String?

    @Option(
        name: .customLong("column"),
        help: ArgumentHelp("Map a kmap column to yours: kmap=yours (repeatable).", valueName: "kmap=yours"))
    var columns: [String] = []

    func run() throws {
        try reportingErrors {
            let text = try Self.read(file)
            let separator: Character =
                file.lowercased().hasSuffix(".tsv")
                    || (text.prefix { $0 != "\n" }.contains("\t") && !text.prefix { $0 != "\n" }.contains(","))
                ? "\t" : ","
            let parsed: (records: [ImportRecord], skips: [ImportSkip])
            do {
                let table = try DelimitedTable(text, separator: separator)
                let acled = format == "acled" || (format == nil && ACLEDReader.recognises(table.header))
                if let format, !["table", "acled"].contains(format) {
                    throw CLIError.usage("--format '\(format)' is not one of table, acled")
                }
                parsed = acled ? try ACLEDReader.read(table) : try TableReader.read(table, rename: try renames())
            } catch let e as ImportError {
                throw CLIError(message: "\(file):\(e.line.map(String.init) ?? "1"): error: \(e.message)", code: 65)
            }
            let result: CampaignImporter.Result
            do {
                result = try CampaignImporter.merge(parsed.records, skips: parsed.skips, into: campaign)
            } catch let e as ImportError {
                throw CLIError(message: "\(campaign): \(e.message); nothing was written", code: 65)
            }
            try write(result)
            Console.out(Self.summary(result, file: file, campaign: campaign))
        }
    }

    func renames() throws -> [String: String] {
        var out: [String: String] = [:]
        for c in columns {
            let parts = c.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, TableReader.columns.contains(parts[0].lowercased()) else {
                throw CLIError.usage(
                    "--column '\(c)' must be kmap=yours with kmap one of \(TableReader.columns.joined(separator: ", ")), e.g. --column place=Village"
                )
            }
            out[parts[0].lowercased()] = parts[1]
        }
        return out
    }

    static func read(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError(message: "\(path): no such file", code: 66)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(message: "\(path): cannot read the file", code: 66)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError(message: "\(path): not UTF-8 text; save or export it as UTF-8 CSV", code: 65)
        }
        return text
    }

    /// Writes what changed: the campaign's three files (appended to), the ledger and the actor map.
    func write(_ r: CampaignImporter.Result) throws {
        let folder = URL(fileURLWithPath: campaign)
        func put(_ name: String, _ text: String) throws {
            try OutputFile.write(
                Array(text.utf8), to: folder.appendingPathComponent(name).path, createFolder: false, force: true)
        }
        func current(_ name: String) -> String? {
            try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        if current(CampaignLoader.campaignFile) != r.campaignText {
            try put(CampaignLoader.campaignFile, r.campaignText)
        }
        if current(CampaignLoader.gazetteerFile) != r.gazetteerText {
            try put(CampaignLoader.gazetteerFile, r.gazetteerText)
        }
        if current(CampaignLoader.eventsFile) != r.eventsText { try put(CampaignLoader.eventsFile, r.eventsText) }
        if !r.newRefs.isEmpty {
            let ledger =
                current(CampaignImporter.ledgerFile)
                ?? "# kmap import: the rows already imported into this campaign (kmap writes this file).\n# Delete a line to import that row again.\n"
            try put(CampaignImporter.ledgerFile, ledger + r.newRefs.map { $0 + "\n" }.joined())
        }
        if !r.newActors.isEmpty {
            var actors =
                current(CampaignImporter.actorsFile)
                ?? "# kmap import: ACLED actors → faction ids of campaign.yaml. kmap adds actors it meets; you write the\n# faction id after each colon, then import again. \"\" leaves an actor's rows out.\n"
            if !actors.hasSuffix("\n") { actors += "\n" }
            for a in r.newActors {
                actors += "\(CampaignImporterQuote.quoted(a.name)): \"\"   # \(Count.of(a.rows, "row"))\n"
            }
            try put(CampaignImporter.actorsFile, actors)
        }
    }

    /// "20 rows: 15 imported (5 new places), 3 merged, 2 skipped", then one line per row not imported.
    static func summary(_ r: CampaignImporter.Result, file: String, campaign: String) -> String {
        var imported = 0
        var newPlaces = 0
        var merged = 0
        var skipped = 0
        var lines = ""
        for (line, o) in r.outcomes {
            switch o {
            case .imported(_, let isNew):
                imported += 1
                if isNew { newPlaces += 1 }
            case .merged(let why):
                merged += 1
                lines += "  line \(line): merged: \(why)\n"
            case .skipped(let why):
                skipped += 1
                lines += "  line \(line): skipped: \(why)\n"
            }
        }
        var out =
            "\(file) → \(campaign): \(Count.of(r.outcomes.count, "row")): \(imported) imported (\(Count.of(newPlaces, "new place"))), \(merged) merged, \(skipped) skipped\n"
            + lines
        if !r.newActors.isEmpty {
            out +=
                "\(Count.of(r.newActors.count, "actor")) to map: write their faction ids in \(campaign)/\(CampaignImporter.actorsFile), then run the import again\n"
        }
        if imported > 0 { out += "next: kmap check --campaign \(campaign)\n" }
        return out
    }
}
