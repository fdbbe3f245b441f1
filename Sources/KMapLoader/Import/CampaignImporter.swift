import Foundation
import KMapModel

/// Merges import records into a campaign folder's texts: new places into the gazetteer, new events into
/// events.yaml, new sources into campaign.yaml, every row accounted for.
///
/// The user's files are only ever appended to: every line they wrote (and every edit to what an earlier import
/// added) stays as it is. Rows already imported are recognised by the ledger (`import-ledger.txt`, refs kmap
/// wrote), not by content, so an edited or deleted event is neither duplicated nor brought back. The result is
/// loaded before anything is written: an import that would break the campaign writes nothing.
public struct CampaignImporter {
    public static let ledgerFile = "import-ledger.txt"
    public static let actorsFile = "import-actors.yaml"

    /// What became of one input row.
    public enum Outcome: Sendable, Hashable {
        case imported(place: String, newPlace: Bool)
        case merged(String)
        case skipped(String)
    }

    public struct Result: Sendable {
        public var outcomes: [(line: Int, outcome: Outcome)] = []
        public var campaignText: String
        public var gazetteerText: String
        public var eventsText: String
        /// Refs to add to the ledger.
        public var newRefs: [String] = []
        /// Actors seen for the first time, with their row counts, for the actor map.
        public var newActors: [(name: String, rows: Int)] = []
    }

    let campaign: Campaign
    let texts: CampaignTexts
    let ledger: Set<String>
    let actors: [String: String]
    /// Where a new place without coordinates is looked up.
    let geonames: GeoNamesIndex

    init(
        campaign: Campaign, texts: CampaignTexts, ledger: Set<String>, actors: [String: String],
        geonames: GeoNamesIndex = .builtin()
    ) {
        self.geonames = geonames
        self.campaign = campaign
        self.texts = texts
        self.ledger = ledger
        self.actors = actors
    }

    /// Reads `folder`'s campaign, ledger and actor map, and merges `records` into it.
    public static func merge(_ records: [ImportRecord], skips: [ImportSkip], into folder: String) throws -> Result {
        let campaign = try CampaignLoader.load(folder: folder)
        let url = URL(fileURLWithPath: folder)
        func text(_ name: String) throws -> CampaignTexts.File {
            try CampaignLoader.read(url.appendingPathComponent(name).path)
        }
        let texts = CampaignTexts(
            campaign: try text(CampaignLoader.campaignFile), gazetteer: try text(CampaignLoader.gazetteerFile),
            events: try text(CampaignLoader.eventsFile))
        let ledgerText = (try? String(contentsOf: url.appendingPathComponent(ledgerFile), encoding: .utf8)) ?? ""
        let ledger = Set(ledgerText.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") })
        let actors = try readActors(url.appendingPathComponent(actorsFile).path)
        var result = try CampaignImporter(campaign: campaign, texts: texts, ledger: ledger, actors: actors).merge(
            records)
        result.outcomes += skips.map { ($0.line, .skipped($0.reason)) }
        result.outcomes.sort { $0.line < $1.line }
        return result
    }

    /// The actor map: `"Actor name": faction-id` lines ("" for an actor whose rows stay out).
    static func readActors(_ path: String) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let root = try YAMLReader.parse(text), let entries = root.entries else { return [:] }
        var out: [String: String] = [:]
        for e in entries { out[e.key] = e.value.scalarText ?? "" }
        return out
    }

    func merge(_ records: [ImportRecord]) throws -> Result {
        var result = Result(
            campaignText: texts.campaign.text, gazetteerText: texts.gazetteer.text, eventsText: texts.events.text)
        var places = PlaceNameIndex()
        for p in campaign.gazetteer.places { places.add(p.id, names: p.info.allNames) }
        var usedIDs = Set(campaign.gazetteer.allIDs)
        var sources = Set(campaign.info.sources.map(\.id))
        var seen: [String: Int] = [:]
        var unmapped: [String: Int] = [:]
        var features: [String] = []
        var newSources: [String] = []
        var events: [(day: Day, line: Int, text: String)] = []
        let factions = Set(campaign.factions.map(\.id))
        for r in records {
            func out(_ o: Outcome) { result.outcomes.append((r.line, o)) }
            if ledger.contains(r.ref) {
                out(.merged("imported before (\(r.ref)); your edits to it are kept"))
                continue
            }
            if let first = seen[r.ref] {
                out(.merged("the same change as line \(first)"))
                continue
            }
            var controller = r.controller
            if r.isActor {
                guard let mapped = actors[r.controller] else {
                    unmapped[r.controller, default: 0] += 1
                    out(
                        .skipped(
                            "actor '\(r.controller)' is not mapped to a faction yet: edit \(Self.actorsFile) and import again"
                        ))
                    continue
                }
                guard !mapped.isEmpty else {
                    out(.skipped("actor '\(r.controller)' is mapped to no faction in \(Self.actorsFile)"))
                    continue
                }
                controller = mapped
            }
            guard factions.contains(controller) else {
                out(
                    .skipped(
                        "'\(controller)' is not a faction of the campaign (\(factions.sorted().joined(separator: ", ")))\(Suggestion.hint(for: controller, in: factions.sorted()))"
                    ))
                continue
            }
            guard r.day >= campaign.info.start, r.day <= campaign.info.end else {
                out(.skipped("dated \(r.day), outside the campaign (\(campaign.info.start) to \(campaign.info.end))"))
                continue
            }
            if !sources.contains(r.source) {
                guard let url = r.url, ParseContext.isValidID(r.source) else {
                    out(
                        .skipped(
                            "unknown source '\(r.source)': add it to campaign.yaml's sources, or give its url in a url column"
                        ))
                    continue
                }
                newSources.append(
                    "- id: \(r.source)\n  title: \(Self.quoted(r.sourceTitle ?? r.source))\n  url: \(Self.quoted(url))\n  note: added by kmap import\n"
                )
                sources.insert(r.source)
            }
            // The place: a known one by name or alias (letters or consonant skeleton), else a new one.
            let matches = places.matches(r.place)
            let placeID: String
            var isNew = false
            if matches.count == 1 {
                placeID = matches[0]
            } else if matches.count > 1 {
                out(
                    .skipped(
                        "'\(r.place)' matches several places (\(matches.joined(separator: ", "))); write the place's id"
                    ))
                continue
            } else {
                var position = r.lat.flatMap { lat in
                    r.lon.map { (lat: lat, lon: $0, source: r.source, ref: String?.none) }
                }
                if position == nil {
                    // No coordinates: GeoNames, when exactly one place of that name lies in the area.
                    let area = campaign.info.area
                    let found = geonames.search(r.place, limit: 1000).filter { area.contains($0.entry.coordinate) }
                    guard found.count == 1, let hit = found.first else {
                        let why =
                            found.isEmpty
                            ? "GeoNames has no place of that name in the area"
                            : "\(found.count) GeoNames places of that name lie in the area (\(found.prefix(4).map { "\($0.entry.name) \($0.entry.id)" }.joined(separator: ", ")))"
                        out(
                            .skipped(
                                "'\(r.place)' is not in the gazetteer, the row has no lat/lon and \(why); add lat and lon (kmap lookup helps)"
                            ))
                        continue
                    }
                    if !sources.contains("geonames") {
                        newSources.append(
                            "- id: geonames\n  title: GeoNames\n  url: \"https://www.geonames.org\"\n  licence: CC BY 4.0\n  note: added by kmap import (kmap lookup's built-in extract)\n"
                        )
                        sources.insert("geonames")
                    }
                    position = (
                        hit.entry.coordinate.lat, hit.entry.coordinate.lon, "geonames",
                        "GeoNames \(hit.entry.id) (\(hit.entry.name)), matched by name by kmap import"
                    )
                }
                guard let (lat, lon, positionSource, sourceRef) = position else { continue }
                guard campaign.info.area.contains(Coordinate(lon: lon, lat: lat)) else {
                    out(
                        .skipped(
                            "'\(r.place)' at \(lat), \(lon) lies outside the campaign's area; widen 'area' in campaign.yaml"
                        ))
                    continue
                }
                var id = CampaignTemplate.id(forFolder: r.place)
                if usedIDs.contains(id) {
                    var n = 2
                    while usedIDs.contains("\(id)-\(n)") { n += 1 }
                    id = "\(id)-\(n)"
                }
                usedIDs.insert(id)
                places.add(id, names: [r.place])
                features.append(
                    Self.feature(id: id, record: r, lat: lat, lon: lon, source: positionSource, sourceRef: sourceRef))
                placeID = id
                isNew = true
            }
            seen[r.ref] = r.line
            events.append((r.day, r.line, Self.event(r, place: placeID, controller: controller)))
            result.newRefs.append(r.ref)
            out(.imported(place: placeID, newPlace: isNew))
        }
        result.newActors = unmapped.filter { actors[$0.key] == nil }.sorted { $0.key < $1.key }.map {
            ($0.key, $0.value)
        }
        result.gazetteerText = try Self.appendFeatures(
            features, to: texts.gazetteer.text, empty: campaign.gazetteer.allIDs.isEmpty)
        // In date order, so the file stays reviewable (kmap check asks for date order).
        result.eventsText = Self.appendEvents(
            events.sorted { ($0.day, $0.line) < ($1.day, $1.line) }.map(\.text), to: texts.events.text)
        result.campaignText = try Self.appendSources(newSources, to: texts.campaign.text)
        // Loaded before anything is written: the merged campaign must be valid.
        _ = try CampaignLoader.load(
            CampaignTexts(
                campaign: .init(name: texts.campaign.name, text: result.campaignText),
                gazetteer: .init(name: texts.gazetteer.name, text: result.gazetteerText),
                events: .init(name: texts.events.name, text: result.eventsText)),
            origin: "import")
        return result
    }
}
