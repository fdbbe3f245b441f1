import ArgumentParser
import KMapExport
import KMapLoader
import KMapModel

/// `kmap campaigns`: the campaigns built into the binary, to pick with `--campaign ID`.
struct Campaigns: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaigns",
        abstract: "List the built-in campaigns: id, title, dates and the source folder they were built from.",
        discussion: """
            Each is embedded in the binary from Geo/<id>/ at build time; pick one with --campaign ID. A bare \
            --campaign NAME that is also a folder in the current directory reads the folder (kmap says so); a name \
            with a / is always a folder.

            Examples:
              kmap campaigns
              kmap campaigns --format json
              kmap render --campaign kharkiv-2022 --day 2022-09-10 --labels both
            """)

    @Option(name: .long, help: ArgumentHelp("text or json.", valueName: "format"))
    var format: String = "text"

    func run() throws {
        try reportingErrors {
            guard ["text", "json"].contains(format) else {
                throw CLIError.usage("--format '\(format)' is not one of text, json")
            }
            let rows = try CampaignLoader.builtinNames.map { id -> Row in
                let c = try CampaignLoader.builtin(id)
                return Row(
                    id: id, title: c.info.title, start: c.info.start.description, end: c.info.end.description,
                    folder: "Geo/\(id)", isDefault: id == CampaignLoader.defaultBuiltin)
            }
            Console.out(format == "json" ? Self.json(rows) : Self.text(rows))
        }
    }

    struct Row {
        var id, title, start, end, folder: String
        var isDefault: Bool
    }

    /// A table in aligned columns, the default marked.
    static func text(_ rows: [Row]) -> String {
        let header = Row(id: "id", title: "title", start: "start", end: "end", folder: "folder", isDefault: false)
        let all = [header] + rows
        let idWidth = all.map { $0.id.count + ($0.isDefault ? 10 : 0) }.max() ?? 0
        let titleWidth = all.map(\.title.count).max() ?? 0
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        return all.map { r in
            [
                pad(r.id + (r.isDefault ? " (default)" : ""), idWidth), pad(r.title, titleWidth), pad(r.start, 10),
                pad(r.end, 10), r.folder,
            ].joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// `[{"id": …, "title": …, "start": …, "end": …, "folder": …, "default": true|false}]`, one campaign a line.
    static func json(_ rows: [Row]) -> String {
        let q = Escaping.json
        let items = rows.map {
            "  {\"id\": \(q($0.id)), \"title\": \(q($0.title)), \"start\": \(q($0.start)), \"end\": \(q($0.end)), \"folder\": \(q($0.folder)), \"default\": \($0.isDefault)}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }
}
