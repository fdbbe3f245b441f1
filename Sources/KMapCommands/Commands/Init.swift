import ArgumentParser
import Foundation
import KMapLoader
import KMapModel

/// `kmap init DIR`: a new campaign folder that `kmap check` passes, with comments that teach the format.
///
/// The folder is written whole: to a temporary folder beside it, then renamed into place, so a failure leaves
/// nothing behind; an existing folder that holds anything is refused, so nobody's work is overwritten.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new campaign folder that kmap check passes, with comments that teach the format.",
        discussion: """
            Writes campaign.yaml, gazetteer.geojson (no places yet), events.yaml, SOURCES.md and README.md, \
            and, for a country kmap has an outline of (SY), locator.geojson for the inset map. Refuses a folder \
            that exists and is not empty.

            Examples:
              kmap init palmyra --title "Palmyra offensive (March 2016)" --start 2016-03-07 --end 2016-03-27 \\
                --faction government:Syrian government:#e3242b --faction isil:ISIL:#1a1a1a --country SY
              kmap init kharkiv --start 2022-09-06 --end 2022-10-05 --area 35.5,48.8,38.5,50.5 \\
                --faction ukraine:Ukraine:#1f5fbf --faction russia:Russia:#d55e00
              kmap check --campaign palmyra
            """)

    @Argument(help: ArgumentHelp("The folder to create.", valueName: "dir"))
    var dir: String

    @Option(help: ArgumentHelp("The campaign's title (default: the folder's name).", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("The first day, YYYY-MM-DD.", valueName: "date"))
    var start: String

    @Option(help: ArgumentHelp("The last day, YYYY-MM-DD.", valueName: "date"))
    var end: String

    @Option(
        name: .customLong("faction"),
        help: ArgumentHelp(
            "A side, id:Name or id:Name:#rrggbb; repeat for each. The first holds everything at the start.",
            valueName: "spec"))
    var factions: [String] = []

    @Option(
        help: ArgumentHelp(
            "The country, ISO 3166 alpha-2: SY brings Syria's inset outline and area; IQ, LB, JO, UA an area around their places.",
            valueName: "ISO2"))
    var country: String?

    @Option(
        help: ArgumentHelp(
            "The area every place lies in: minLon,minLat,maxLon,maxLat (default: the country's).", valueName: "box"))
    var area: String?

    func run() throws {
        try reportingErrors {
            try Self.checkDestination(dir)
            let template = try makeTemplate()
            try Self.write(template.files, to: dir)
            Console.out(
                "created \(dir): \(template.files.map(\.name).joined(separator: ", "))\nnext: add places to \(dir)/gazetteer.geojson and events to \(dir)/events.yaml, then kmap check --campaign \(dir)\n"
            )
        }
    }

    func makeTemplate() throws -> CampaignTemplate {
        guard let first = Day(start) else {
            throw CLIError.usage("--start '\(start)' is not a real date; write YYYY-MM-DD, e.g. --start 2016-03-07")
        }
        guard let last = Day(end) else {
            throw CLIError.usage("--end '\(end)' is not a real date; write YYYY-MM-DD, e.g. --end 2016-03-27")
        }
        guard first <= last else { throw CLIError.usage("--start \(start) is after --end \(end); swap them") }
        guard !factions.isEmpty else {
            throw CLIError.usage(
                "give at least one --faction id:Name:#rrggbb (the first holds everything at the start), e.g. --faction government:Syrian government:#e3242b"
            )
        }
        var specs: [CampaignTemplate.FactionSpec] = []
        for (i, text) in factions.enumerated() {
            do {
                let spec = try CampaignTemplate.faction(text, index: i)
                guard !specs.contains(where: { $0.id == spec.id }) else {
                    throw CLIError.usage("--faction '\(spec.id)' is given twice; ids must be unique")
                }
                specs.append(spec)
            } catch let e as TemplateError {
                throw CLIError.usage(e.message)
            }
        }
        let iso = country?.uppercased()
        if let iso, iso.count != 2 || !iso.allSatisfy({ ("A"..."Z").contains($0) }) {
            throw CLIError.usage(
                "--country '\(country!)' is not an ISO 3166 alpha-2 code; write two letters, e.g. --country SY")
        }
        let bounds: GeoBounds
        if let area {
            let n = area.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard n.count == 4, let w = n[0], let s = n[1], let e = n[2], let north = n[3], w < e, s < north,
                (-180...180).contains(w),
                (-180...180).contains(e), (-90...90).contains(s), (-90...90).contains(north)
            else {
                throw CLIError.usage(
                    "--area '\(area)' must be minLon,minLat,maxLon,maxLat with min below max, e.g. --area 37.0,35.5,37.8,36.2"
                )
            }
            bounds = GeoBounds(minLon: w, minLat: s, maxLon: e, maxLat: north)
        } else if let known = CampaignTemplate.area(for: iso) {
            bounds = known
        } else {
            throw CLIError.usage(
                "give --area minLon,minLat,maxLon,maxLat (the box every place lies in)\(iso.map { "; kmap knows no outline or places of \($0)" } ?? ""), e.g. --area 37.0,35.5,37.8,36.2"
            )
        }
        let name = URL(fileURLWithPath: dir).lastPathComponent
        return CampaignTemplate(
            id: CampaignTemplate.id(forFolder: name), title: title ?? name, start: first, end: last, factions: specs,
            country: iso, area: bounds)
    }

    /// Refuses a destination that is a file or a folder holding anything: kmap init never overwrites.
    static func checkDestination(_ path: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw CLIError.cannotCreate("\(path) is a file; give a new folder's name")
            }
            let contents = (try? fm.contentsOfDirectory(atPath: path)) ?? []
            guard contents.isEmpty else {
                throw CLIError.cannotCreate(
                    "\(path) exists and holds \(contents.count) item\(contents.count == 1 ? "" : "s"); kmap init writes only a new or empty folder, so nothing is overwritten: give another name"
                )
            }
        }
    }

    /// Writes `files` into a new folder `path`: all of them or, on any failure, none.
    static func write(_ files: [(name: String, text: String)], to path: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        try checkDestination(path)
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let parent = url.deletingLastPathComponent()
        guard fm.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.cannotCreate(
                "\(path): the folder \(parent.path) does not exist; create it first or choose another path")
        }
        let temp = parent.appendingPathComponent(
            ".\(url.lastPathComponent).kmap-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: false)
        } catch {
            throw CLIError.cannotCreate(
                "cannot create a folder in \(parent.path): \(error.localizedDescription); choose another path")
        }
        do {
            for file in files {
                try OutputFile.write(
                    Array(file.text.utf8), to: temp.appendingPathComponent(file.name).path, createFolder: false,
                    tidy: false)
            }
            if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }  // empty, checked above
            try fm.moveItem(at: temp, to: url)
        } catch {
            try? fm.removeItem(at: temp)
            if let e = error as? CLIError { throw e }
            throw CLIError.io("writing \(path) failed: \(error.localizedDescription); nothing was written")
        }
    }
}
