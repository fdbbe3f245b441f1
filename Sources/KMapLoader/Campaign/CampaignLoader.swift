import Foundation
import KMapModel

/// Reads a campaign folder, or the built-in one, into a validated `Campaign`.
///
/// The load stage of the pipeline: nothing downstream parses files. Every problem is reported with its file
/// and line, and the load fails when any is an error.
public enum CampaignLoader {
    /// The campaign kmap uses when none is named.
    public static let defaultBuiltin = "khanasir-2016"

    /// The file names a campaign folder holds.
    public static let campaignFile = "campaign.yaml"
    public static let gazetteerFile = "gazetteer.geojson"
    public static let eventsFile = "events.yaml"
    /// Optional: the inset locator map.
    public static let locatorFile = "locator.geojson"
    /// Optional: the ground around the campaign (`Scripts/data/make-context.py`).
    public static let contextFile = "context.geojson"

    /// Files larger than this are refused before reading: no real campaign comes near it.
    public static let maxFileBytes = 64 << 20

    /// Names of the campaigns embedded in the binary.
    public static var builtinNames: [String] {
        // Folders with a campaign.yaml: Geo/ also holds the place-name extract (geonames/).
        EmbeddedCampaigns.files.keys.filter { $0.hasSuffix("/\(campaignFile)") }.compactMap {
            $0.split(separator: "/").first.map(String.init)
        }.sorted()
    }

    /// The campaign embedded in the binary at build time.
    public static func builtin(_ name: String = defaultBuiltin) throws(CampaignError) -> Campaign {
        func text(_ file: String) throws(CampaignError) -> String {
            guard let encoded = EmbeddedCampaigns.files["\(name)/\(file)"] else {
                if !builtinNames.contains(name) { throw .noBuiltin(name, available: builtinNames) }
                throw .missing(path: "built-in \(name)/\(file)", what: "file")
            }
            return String(decoding: Data(base64Encoded: encoded) ?? Data(), as: UTF8.self)
        }
        let texts = CampaignTexts(
            campaign: .init(name: "\(name)/\(campaignFile)", text: try text(campaignFile)),
            gazetteer: .init(name: "\(name)/\(gazetteerFile)", text: try text(gazetteerFile)),
            events: .init(name: "\(name)/\(eventsFile)", text: try text(eventsFile)),
            locator: EmbeddedCampaigns.files["\(name)/\(locatorFile)"].map {
                .init(
                    name: "\(name)/\(locatorFile)",
                    text: String(decoding: Data(base64Encoded: $0) ?? Data(), as: UTF8.self))
            },
            context: EmbeddedCampaigns.files["\(name)/\(contextFile)"].map {
                .init(
                    name: "\(name)/\(contextFile)",
                    text: String(decoding: Data(base64Encoded: $0) ?? Data(), as: UTF8.self))
            })
        return try load(texts, origin: "built-in \(name)")
    }

    /// A campaign folder on disk.
    public static func load(folder path: String) throws(CampaignError) -> Campaign {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .missing(path: path, what: "campaign folder")
        }
        guard isDirectory.boolValue else {
            throw .unreadable(
                path: path, reason: "this is a file; --campaign takes the folder that holds \(campaignFile)")
        }
        let folder = URL(fileURLWithPath: path)
        let texts = CampaignTexts(
            campaign: try read(folder.appendingPathComponent(campaignFile).path),
            gazetteer: try read(folder.appendingPathComponent(gazetteerFile).path),
            events: try read(folder.appendingPathComponent(eventsFile).path),
            locator: FileManager.default.fileExists(atPath: folder.appendingPathComponent(locatorFile).path)
                ? try read(folder.appendingPathComponent(locatorFile).path) : nil,
            context: FileManager.default.fileExists(atPath: folder.appendingPathComponent(contextFile).path)
                ? try read(folder.appendingPathComponent(contextFile).path) : nil)
        return try load(texts, origin: path)
    }

    /// What `--campaign NAME` names: a built-in campaign by id, or a folder.
    public enum Resolution: Sendable, Hashable {
        case builtin(String)
        /// A folder; `shadowing` is the id of a built-in campaign a bare name also matched.
        case folder(String, shadowing: String?)
    }

    /// How `--campaign NAME` is read, decided before anything is loaded.
    ///
    /// A name with a `/` is always a folder. A bare name is a folder when one exists at that path (your own
    /// folder wins, as it would for any command-line path; `shadowing` says which built-in it hides), otherwise a
    /// built-in id. A bare name that is neither throws `noBuiltin`, which lists the built-ins.
    public static func resolution(of name: String) throws(CampaignError) -> Resolution {
        if name.contains("/") { return .folder(name, shadowing: nil) }
        if FileManager.default.fileExists(atPath: name) {
            return .folder(name, shadowing: builtinNames.contains(name) ? name : nil)
        }
        if builtinNames.contains(name) { return .builtin(name) }
        throw .noBuiltin(name, available: builtinNames)
    }

    /// The built-in campaign when `name` is nil; otherwise what `resolution(of:)` makes of it.
    public static func resolve(_ name: String?) throws(CampaignError) -> Campaign {
        guard let name else { return try builtin() }
        switch try resolution(of: name) {
        case .builtin(let id): return try builtin(id)
        case .folder(let path, _): return try load(folder: path)
        }
    }

    /// A file's text, checked for existence, type, size and encoding.
    static func read(_ path: String) throws(CampaignError) -> CampaignTexts.File {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                throw .unreadable(
                    path: path, reason: "a symbolic link to a file that does not exist; fix or replace the link")
            }
            throw .missing(path: path, what: "file")
        }
        if isDirectory.boolValue {
            throw .unreadable(path: path, reason: "a directory stands where a file is expected")
        }
        // A FIFO, socket or device would block or never end: only regular files are read. `stat` follows a
        // symbolic link to its file, as reading does (FileManager's attributes describe the link itself, and
        // look up the owner's name in /etc/passwd and /etc/group for every file).
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw .unreadable(
                path: path, reason: "not a regular file (a pipe, socket or device); give a plain text file")
        }
        let size = Int(info.st_size)
        if size > maxFileBytes {
            throw .unreadable(
                path: path,
                reason: "\(size / 1_048_576) MiB is larger than the \(maxFileBytes >> 20) MiB a campaign file may have")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or I/O error; check the file's permissions")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .invalid([invalidUTF8(data, name: path)])
        }
        return .init(name: path, text: text)
    }

    /// Where a text stops being UTF-8: the line and column of the first bad byte (columns count characters).
    static func invalidUTF8(_ data: Data, name: String) -> Finding {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length =
                b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            let sequence = length == 0 || i + length > bytes.count ? nil : bytes[i..<(i + length)]
            guard let sequence, String(validating: sequence, as: UTF8.self) != nil else { break }
            if b == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += length
        }
        let column = (String(validating: bytes[lineStart..<min(i, bytes.count)], as: UTF8.self)?.count ?? 0) + 1
        let byte = i < bytes.count ? String(format: " (byte 0x%02X)", bytes[i]) : ""
        return Finding(
            file: name, line: line, column: column,
            message: "not valid UTF-8 text\(byte); save the file as UTF-8")
    }

    /// Parses and validates the three texts of one campaign.
    static func load(_ texts: CampaignTexts, origin: String) throws(CampaignError) -> Campaign {
        let diagnostics = Diagnostics()
        for file in [texts.campaign, texts.gazetteer, texts.events] + [texts.locator, texts.context].compactMap { $0 } {
            checkMojibake(file, diagnostics)
        }
        let parsed = ParseContext(diagnostics: diagnostics)
        let info = parsed.campaign(texts.campaign)
        let gazetteer = parsed.gazetteer(texts.gazetteer, area: info?.info.area)
        let events = parsed.events(texts.events, gazetteer: gazetteer, info: info)
        if let info, let gazetteer { parsed.checkRoute(info.info, gazetteer: gazetteer, file: texts.campaign.name) }
        let locator = texts.locator.flatMap(parsed.locator)
        let context = texts.context.flatMap(parsed.context)
        guard !diagnostics.hasErrors, let info, let gazetteer, let events else {
            throw .invalid(diagnostics.findings)
        }
        let network = RoadNetwork(
            roads: gazetteer.roads.map { RoadNetwork.Link(id: $0.id, via: $0.via, faction: $0.faction) },
            route: info.info.supplyRoute.map {
                RoadNetwork.Route(name: $0.name, faction: $0.faction, from: $0.from, to: $0.to)
            })
        // The weakest of each place's identification (its tie) and position, computed once for every frame.
        var identification: [String: Confidence] = [:]
        for place in gazetteer.places {
            identification[place.id] = max(
                Confidence(tie: place.tie?.confidence), Confidence(position: place.info.confidence))
        }
        let timeline = Timeline(
            initial: events.initial, events: events.events, placeIDs: gazetteer.places.map(\.id), network: network,
            start: info.info.start, identification: identification, staleness: info.info.staleness)
        return Campaign(
            info: info.info, factions: info.factions, gazetteer: gazetteer, timeline: timeline, origin: origin,
            warnings: diagnostics.findings, locator: locator, context: context,
            files: .init(campaign: texts.campaign.name, gazetteer: texts.gazetteer.name, events: texts.events.name))
    }

    /// UTF-8 read as Windows-1252 and saved again ("Zaâ€™rour") is a common accident with spreadsheet exports.
    static func checkMojibake(_ file: CampaignTexts.File, _ diagnostics: Diagnostics) {
        // Mojibake needs a non-ASCII character: an all-ASCII file (the common case) is checked in one byte scan.
        if file.text.utf8.allSatisfy({ $0 < 0x80 }) { return }
        for (n, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if looksLikeMojibake(line) {
                diagnostics.warning(
                    file.name, line: n + 1,
                    "text looks like mojibake (UTF-8 decoded as Windows-1252, e.g. 'â€™' for '’'); repair it")
            }
        }
    }
}

/// A lead byte of a two- or three-byte UTF-8 sequence shown as Windows-1252 ("Ã", "Å", "â"), followed by a
/// continuation byte shown the same way (U+0080–U+00BF, or one of cp1252's 0x80–0x9F letters).
private let cp1252High: Set<Unicode.Scalar> = Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".unicodeScalars)

func looksLikeMojibake(_ line: Substring) -> Bool {
    if line.utf8.allSatisfy({ $0 < 0x80 }) { return false }
    var previousIsLead = false
    for scalar in line.unicodeScalars {
        if previousIsLead, (0x80...0xBF).contains(scalar.value) || cp1252High.contains(scalar) { return true }
        previousIsLead = (0xC2...0xEF).contains(scalar.value) && scalar.value != 0xD7 && scalar.value != 0xF7
    }
    return false
}

/// The texts of one campaign's files, with the names messages should use.
struct CampaignTexts {
    struct File {
        var name: String
        var text: String
    }
    var campaign: File
    var gazetteer: File
    var events: File
    var locator: File?
    var context: File? = nil
}
