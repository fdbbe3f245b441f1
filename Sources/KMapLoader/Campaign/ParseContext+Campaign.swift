import KMapModel

extension ParseContext {
    struct ParsedInfo {
        var info: CampaignInfo
        var factions: [Faction]
    }

    /// `campaign.yaml`: metadata, sources, factions and the supply route.
    func campaign(_ file: CampaignTexts.File) -> ParsedInfo? {
        guard let root = root(file, json: false),
            let f = Fields(root, file: file.name, what: "campaign.yaml", diagnostics: diagnostics)
        else {
            return nil
        }
        f.allowOnly([
            "id", "slug", "title", "summary", "summarySource", "start", "end", "area", "view", "attribution", "sources",
            "factions", "supplyRoute", "staleAfter", "localLanguage",
        ])
        let id = f.string("id", required: "a short id such as khanasir-2016")
        let title = f.string("title", required: "the campaign's name")
        let start = f.day("start", required: "the first day, YYYY-MM-DD")
        let end = f.day("end", required: "the last day, YYYY-MM-DD")
        if let start, let end, end < start {
            diagnostics.error(file.name, f.node("end"), "'end' (\(end)) is before 'start' (\(start)); swap them")
        }
        let area = bounds(f, "area", required: true)
        let view = bounds(f, "view", required: false)
        let sources = list(f, "sources", required: "the documents the data rests on") { node -> CampaignInfo.Source? in
            guard let s = Fields(node, file: file.name, what: "a source", diagnostics: diagnostics) else { return nil }
            s.allowOnly(["id", "title", "publisher", "url", "licence", "note", "date", "partisan"])
            guard let id = s.string("id", required: "an id that data refers to"),
                let title = s.string("title", required: "the source's title")
            else { return nil }
            let url = s.string("url")
            if let url, !WebAddress.isWeb(url) {
                diagnostics.warning(
                    file.name, line: s.node("url")?.line,
                    "source '\(id)' has url '\(url)', which is not an http:// or https:// address; reports show it as text, never as a link: give the web address"
                )
            }
            return .init(
                id: id, title: title, publisher: s.string("publisher"), url: url, licence: s.string("licence"),
                note: s.string("note"),
                date: s.day("date"), partisan: s.string("partisan"))
        }
        let factions = list(f, "factions", required: "the sides, each with id, name and (optionally) color") {
            node -> Faction? in
            guard let s = Fields(node, file: file.name, what: "a faction", diagnostics: diagnostics) else { return nil }
            s.allowOnly(["id", "name", "short", "color"])
            guard let id = s.string("id", required: "an id such as government"),
                let name = s.string("name", required: "a name")
            else { return nil }
            // No colour: the theme's for this id, or a palette colour (Theme.color(ofFaction:in:)).
            let color = s.string("color")
            if let color, !Self.isHexColor(color) {
                diagnostics.error(
                    file.name, s.node("color"),
                    "faction '\(id)' has colour '\(color)'; write it as \"#rrggbb\" (quoted in YAML)")
                return nil
            }
            checkLabel(name, s.node("name"), file: file.name, what: "the faction's name")
            checkLabel(s.string("short"), s.node("short"), file: file.name, what: "the faction's short name")
            return Faction(
                id: id, name: name, color: color?.lowercased(), shortName: s.string("short"), line: node.line)
        }
        // Entries written but refused for a reported error keep their ids known: no "unknown faction" cascade.
        rejectedIDs.formUnion(Set(Self.idLines(f.node("sources")).map(\.0)).subtracting(sources?.map(\.id) ?? []))
        rejectedIDs.formUnion(Set(Self.idLines(f.node("factions")).map(\.0)).subtracting(factions?.map(\.id) ?? []))
        sourceIDs = sources?.map(\.id) ?? []
        if let s = f.string("summarySource"), !sourceIDs.isEmpty {
            expect(s, in: sourceIDs, what: "source", file: file.name, line: f.node("summarySource")?.line ?? 1)
        }
        factionIDs = factions?.map(\.id) ?? []
        if sources != nil { checkUnique(Self.idLines(f.node("sources")), what: "source", file: file.name) }
        if factions != nil { checkUnique(Self.idLines(f.node("factions")), what: "faction", file: file.name) }

        var route: CampaignInfo.SupplyRoute?
        if let r = f.node("supplyRoute"),
            let s = Fields(r, file: file.name, what: "supplyRoute", diagnostics: diagnostics)
        {
            s.allowOnly(["name", "faction", "from", "to"])
            if let name = s.string("name", required: "a name such as Aleppo supply road"),
                let faction = s.string("faction", required: "whose route it is"),
                let from = s.string("from", required: "the place id at one end"),
                let to = s.string("to", required: "the place id at the other end")
            {
                if let factions {
                    expect(
                        faction, in: factions.map(\.id), what: "faction", file: file.name,
                        line: s.node("faction")?.line ?? r.line)
                }
                route = .init(
                    name: name, faction: faction, from: from, to: to, fromLine: s.node("from")?.line ?? r.line,
                    toLine: s.node("to")?.line ?? r.line)
            }
        }
        if let id, !ParseContext.isValidID(id) {
            diagnostics.error(file.name, f.node("id"), "campaign id '\(id)' may hold only a-z, 0-9 and '-'")
        }
        // The slug names output files (Renders/SLUG-2016-02-23.png, maps/, SLUG-frames/): like the id, it may
        // not climb out of their folder, make folders, or be absolute.
        if let slug = f.string("slug"), !ParseContext.isValidID(slug) {
            diagnostics.error(
                file.name, f.node("slug"), "slug '\(slug)' may hold only a-z, 0-9 and '-' (it names output files)")
        }
        guard let id, let title, let start, let end, let area, let sources, let factions else { return nil }
        let slug = f.string("slug") ?? id
        var info = CampaignInfo(
            id: id, slug: slug, title: title, start: start, end: end, area: area, view: view,
            attribution: f.string("attribution") ?? sources.map(\.title).joined(separator: "; "),
            summary: f.string("summary"), summarySource: f.string("summarySource"), sources: sources,
            supplyRoute: route)
        info.staleness = staleness(f)
        if let language = f.string("localLanguage") {
            if ParseContext.isLanguageCode(language), language != "en" {
                info.localLanguage = language
            } else {
                diagnostics.error(
                    file.name, f.node("localLanguage"),
                    "'localLanguage' is '\(language)'; give the ISO 639 code (two or three lowercase letters, not en) of the names `--labels both` shows, e.g. uk"
                )
            }
        }
        return ParsedInfo(info: info, factions: factions)
    }

    /// `staleAfter: {inferred: DAYS, unknown: DAYS}`: how long evidence lasts.
    func staleness(_ f: Fields) -> Staleness? {
        guard let n = f.node("staleAfter") else { return nil }
        guard let s = Fields(n, file: f.file, what: "'staleAfter'", diagnostics: diagnostics) else { return nil }
        s.allowOnly(["inferred", "unknown"])
        func days(_ key: String) -> Int? {
            guard let v = s.node(key) else {
                s.missing(key, "the days without new evidence after which a state is shown as \(key)")
                return nil
            }
            guard let d = s.number(v, "'staleAfter.\(key)'"), d >= 1, d == d.rounded(), d <= 100_000 else {
                diagnostics.error(f.file, v, "'staleAfter.\(key)' must be a whole number of days (1 or more)")
                return nil
            }
            return Int(d)
        }
        guard let inferred = days("inferred"), let unknown = days("unknown") else { return nil }
        guard inferred <= unknown else {
            diagnostics.error(
                f.file, n,
                "'staleAfter.inferred' (\(inferred)) is longer than 'staleAfter.unknown' (\(unknown)); a state turns inferred before unknown, so swap them"
            )
            return nil
        }
        return Staleness(inferred: inferred, unknown: unknown)
    }

    /// `[minLon, minLat, maxLon, maxLat]`.
    func bounds(_ f: Fields, _ key: String, required: Bool) -> GeoBounds? {
        guard let n = f.node(key) else {
            if required { f.missing(key, "[minLon, minLat, maxLon, maxLat]") }
            return nil
        }
        guard case .list(let items) = n.value, items.count == 4 else {
            diagnostics.error(f.file, n, "'\(key)' must be [minLon, minLat, maxLon, maxLat]")
            return nil
        }
        let v = items.compactMap { f.number($0, "'\(key)'") }
        guard v.count == 4 else { return nil }
        guard v[0] < v[2], v[1] < v[3], (-180...180).contains(v[0]), (-180...180).contains(v[2]),
            (-90...90).contains(v[1]), (-90...90).contains(v[3])
        else {
            diagnostics.error(
                f.file, n,
                "'\(key)' \(v) is not a box: write [minLon, minLat, maxLon, maxLat] with min < max, lon in ±180, lat in ±90"
            )
            return nil
        }
        return GeoBounds(minLon: v[0], minLat: v[1], maxLon: v[2], maxLat: v[3])
    }

    /// A list of records, each parsed by `item`; nil when the key is missing or not a list.
    func list<T>(_ f: Fields, _ key: String, required hint: String?, _ item: (DataNode) -> T?) -> [T]? {
        guard let n = f.node(key) else {
            if let hint { f.missing(key, hint) }
            return hint == nil ? [] : nil
        }
        guard case .list(let items) = n.value else {
            diagnostics.error(
                f.file, n, "'\(key)' must be a list (each item starting with '- '), found \(n.kindDescription)")
            return nil
        }
        return items.compactMap(item)
    }

    static func isHexColor(_ s: String) -> Bool {
        s.count == 7 && s.first == "#" && s.dropFirst().allSatisfy(\.isHexDigit)
    }

    /// The supply route's ends must be places on some road.
    ///
    /// Quiet about an end that a refused feature may explain (the place itself, or a road that would have
    /// carried it, was refused for an error already reported).
    func checkRoute(_ info: CampaignInfo, gazetteer: Gazetteer, file: String) {
        guard let route = info.supplyRoute else { return }
        let onRoads = Set(gazetteer.roads.flatMap(\.via))
        for (end, line) in [(route.from, route.fromLine), (route.to, route.toLine)] where !onRoads.contains(end) {
            let known = gazetteer.place(end) != nil
            if rejectedIDs.contains(end) || (known && !rejectedIDs.isEmpty) { continue }
            diagnostics.error(
                file, line: line,
                known
                    ? "supplyRoute end '\(end)' is on no road; add it to a road's 'via' in the gazetteer"
                    : "supplyRoute end '\(end)' is not a place in the gazetteer\(Suggestion.hint(for: end, in: gazetteer.places.map(\.id)))"
            )
        }
    }

    /// The `id` of each item of a list, with the line it is written on, for duplicate checks.
    static func idLines(_ list: DataNode?) -> [(String, Int)] {
        guard case .list(let items) = list?.value else { return [] }
        return items.compactMap { item in item["id"].flatMap { id in id.scalarText.map { ($0, id.line) } } }
    }
}
