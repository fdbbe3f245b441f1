import KMapModel

extension ParseContext {
    /// `gazetteer.geojson`: a FeatureCollection of places (Points), areas (Polygons) and roads (LineStrings).
    func gazetteer(_ file: CampaignTexts.File, area: GeoBounds?) -> Gazetteer? {
        guard let root = root(file, json: true),
            let top = Fields(root, file: file.name, what: "the GeoJSON document", diagnostics: diagnostics)
        else { return nil }
        guard top.string("type") == "FeatureCollection" else {
            diagnostics.error(
                file.name, root,
                "the document must be a GeoJSON FeatureCollection ({\"type\": \"FeatureCollection\", \"features\": [...]})"
            )
            return nil
        }
        guard let featuresNode = top.node("features"), case .list(let features) = featuresNode.value else {
            diagnostics.error(file.name, root, "the FeatureCollection needs a 'features' list")
            return nil
        }
        var places: [Place] = []
        var areas: [Area] = []
        var roads: [Road] = []
        for feature in features {
            // A feature refused below keeps its id known (`rejectedIDs`), so events naming it add no errors.
            let before = places.count + areas.count + roads.count
            defer {
                if places.count + areas.count + roads.count == before, let id = feature["properties"]?["id"]?.scalarText
                {
                    rejectedIDs.insert(id)
                }
            }
            guard let f = Fields(feature, file: file.name, what: "a feature", diagnostics: diagnostics) else {
                continue
            }
            guard let props = f.node("properties"),
                let p = Fields(props, file: file.name, what: "the feature's properties", diagnostics: diagnostics)
            else {
                diagnostics.error(
                    file.name, feature,
                    "the feature has no 'properties'; every feature needs id, name, kind, source and confidence")
                continue
            }
            guard let info = featureInfo(p),
                let kind = p.string(
                    "kind",
                    required:
                        "the kind: \((PlaceKind.allCases.map(\.rawValue) + ["lake", "road"]).joined(separator: ", "))")
            else { continue }
            let what = "feature '\(info.id)'"
            p.allowOnly([
                "id", "name", "aliases", "arabic", "names", "kind", "source", "sourceRef", "confidence", "note",
                "tiedTo",
                "tiedBy", "tieConfidence", "via", "faction",
            ])
            guard let geometry = f.node("geometry"),
                let g = Fields(geometry, file: file.name, what: "the geometry of \(what)", diagnostics: diagnostics),
                let type = g.string("type", required: "Point, LineString or Polygon"),
                let coords = g.node("coordinates")
            else {
                if f.node("geometry") == nil { diagnostics.error(file.name, feature, "\(what) has no geometry") }
                continue
            }
            let expected = kind == "road" ? "LineString" : kind == "lake" ? "Polygon" : "Point"
            guard type == expected else {
                diagnostics.error(file.name, geometry, "\(what) is a \(kind) and must be a \(expected), not a \(type)")
                continue
            }
            if kind != "road", let node = p.node("faction") {
                diagnostics.error(
                    file.name, node, "\(what) is a \(kind); only a road names a 'faction' (whose road it is); remove it"
                )
                continue
            }
            switch kind {
            case "road":
                guard let path = positions(coords, p, what: what, area: area) else { continue }
                guard path.count >= 2 else {
                    diagnostics.error(file.name, coords, "road '\(info.id)' needs at least two positions")
                    continue
                }
                let via = p.strings("via", required: "the ids of the places along the road, in order") ?? []
                let faction = p.string("faction")
                if let faction, !factionIDs.isEmpty {
                    expect(
                        faction, in: factionIDs, what: "faction (whose road it is)", file: file.name,
                        line: p.node("faction")?.line ?? p.node.line)
                }
                roads.append(Road(info: info, path: path, via: via, faction: faction))
            case "lake":
                guard case .list(let ringNodes) = coords.value, !ringNodes.isEmpty else {
                    diagnostics.error(file.name, coords, "\(what): Polygon coordinates must be a list of rings")
                    continue
                }
                let rings = ringNodes.compactMap { positions($0, p, what: what, area: area) }
                guard rings.count == ringNodes.count else { continue }
                if let bad = rings.first(where: { $0.count < 4 || $0.first != $0.last }) {
                    _ = bad
                    diagnostics.error(
                        file.name, coords,
                        "\(what): each polygon ring needs 4 or more positions and must end where it starts")
                    continue
                }
                areas.append(Area(info: info, kind: .lake, rings: rings))
            default:
                guard let placeKind = PlaceKind(rawValue: kind) else {
                    let options = PlaceKind.allCases.map(\.rawValue) + ["lake", "road"]
                    diagnostics.error(
                        file.name, p.node("kind"),
                        "\(what) has kind '\(kind)'; use one of \(options.joined(separator: ", "))\(Suggestion.hint(for: kind, in: options))"
                    )
                    continue
                }
                guard let c = position(coords, p, what: what, area: area) else { continue }
                var tie: Place.Tie?
                if let sentence = p.string("tiedTo") {
                    tie = Place.Tie(
                        sentence: sentence,
                        source: p.string("tiedBy", required: "the source that names this place for that sentence")
                            ?? "",
                        confidence: p.string("tieConfidence", required: "stated, reported or inferred") ?? "")
                }
                places.append(Place(info: info, kind: placeKind, coordinate: c, tie: tie))
            }
        }
        let ids =
            places.map { ($0.id, $0.info.line) } + areas.map { ($0.id, $0.info.line) }
            + roads.map { ($0.id, $0.info.line) }
        checkUnique(ids.sorted { $0.1 < $1.1 }, what: "feature", file: file.name)
        let placeIDs = places.map(\.id)
        for road in roads {
            for id in road.via {
                expect(
                    id, in: placeIDs, what: "place in the 'via' of road '\(road.id)'", file: file.name,
                    line: road.info.line)
            }
        }
        return Gazetteer(places: places, areas: areas, roads: roads)
    }

    /// The properties every feature shares.
    func featureInfo(_ p: Fields) -> FeatureInfo? {
        let id = p.string("id", required: "an id (a-z, 0-9, '-')")
        let name = p.string("name", required: "the English name")
        checkLabel(name, p.node("name"), file: p.file, what: "the name")
        let names = localNames(p)
        let aliases = p.strings("aliases") ?? []
        let source = p.string("source", required: "a source id from campaign.yaml")
        let confidence = p.choice("confidence", LocationConfidence.self, required: "exact, approximate or estimate")
        if let source, !sourceIDs.isEmpty {
            expect(source, in: sourceIDs, what: "source", file: p.file, line: p.node("source")?.line ?? p.node.line)
        }
        if let id, !ParseContext.isValidID(id) {
            diagnostics.error(p.file, p.node("id"), "id '\(id)' may hold only a-z, 0-9 and '-'")
        }
        guard let id, let name, let source, let confidence else { return nil }
        return FeatureInfo(
            id: id, name: name, aliases: aliases, names: names, source: source,
            sourceRef: p.string("sourceRef"),
            confidence: confidence, note: p.string("note"), line: p.node.line)
    }

    /// `names` (language code → name) and the older `arabic` (the same as `names.ar`), checked.
    ///
    /// A language code is ISO 639: two or three lowercase letters (`ar`, `uk`, `ru`). English is the feature's
    /// `name`, so `names.en` is refused rather than left to disagree with it.
    func localNames(_ p: Fields) -> [String: String] {
        var names: [String: String] = [:]
        if let node = p.node("names") {
            if case .map(let entries) = node.value {
                for e in entries {
                    guard Self.isLanguageCode(e.key) else {
                        diagnostics.error(
                            p.file, line: e.keyLine,
                            "'\(e.key)' in 'names' is not a language code; use ISO 639 codes of two or three lowercase letters, e.g. ar, uk, ru"
                        )
                        continue
                    }
                    guard e.key != "en" else {
                        diagnostics.error(
                            p.file, line: e.keyLine,
                            "'names' has 'en'; the English name is the feature's 'name': remove 'en' from 'names'")
                        continue
                    }
                    guard case .scalar(let text, _) = e.value.value, !Fields.isBlank(text) else {
                        diagnostics.error(
                            p.file, e.value, "the '\(e.key)' name must be text, found \(e.value.kindDescription)")
                        continue
                    }
                    checkLabel(text, e.value, file: p.file, what: "the '\(e.key)' name")
                    names[e.key] = text
                }
            } else {
                diagnostics.error(
                    p.file, node,
                    "'names' must map language codes to names (names: {uk: Харків, ru: Харьков}), found \(node.kindDescription)"
                )
            }
        }
        if let arabic = p.string("arabic") {
            checkLabel(arabic, p.node("arabic"), file: p.file, what: "the Arabic name")
            if let other = names["ar"], other != arabic {
                diagnostics.error(
                    p.file, p.node("arabic"),
                    "'arabic' (\(arabic)) and 'names.ar' (\(other)) disagree; keep one of them (names.ar is the newer form)"
                )
            }
            names["ar"] = arabic
        }
        return names
    }

    /// ISO 639-1 or 639-2/3: two or three ASCII lowercase letters.
    static func isLanguageCode(_ s: String) -> Bool {
        (2...3).contains(s.utf8.count) && s.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }

    /// One `[lon, lat]` position, checked against the globe and the campaign's area.
    func position(_ node: DataNode, _ p: Fields, what: String, area: GeoBounds?) -> Coordinate? {
        guard case .list(let items) = node.value, items.count == 2 || items.count == 3 else {
            diagnostics.error(p.file, node, "\(what): a position must be [lon, lat]")
            return nil
        }
        guard let lon = p.number(items[0], "the longitude", of: what),
            let lat = p.number(items[1], "the latitude", of: what)
        else { return nil }
        guard (-180...180).contains(lon), (-90...90).contains(lat) else {
            diagnostics.error(
                p.file, node,
                "\(what): [\(lon), \(lat)] is not on Earth; positions are [lon, lat] with lon in ±180 and lat in ±90")
            return nil
        }
        let c = Coordinate(lon: lon, lat: lat)
        if let area, !area.contains(c) {
            let swapped =
                area.contains(Coordinate(lon: lat, lat: lon))
                ? " (lon and lat look swapped: GeoJSON wants [lon, lat])" : ""
            diagnostics.error(
                p.file, node,
                "\(what): [\(lon), \(lat)] lies outside the campaign's area [\(area.minLon), \(area.minLat), \(area.maxLon), \(area.maxLat)]\(swapped); fix the position or widen 'area' in campaign.yaml"
            )
        }
        return c
    }

    func positions(_ node: DataNode, _ p: Fields, what: String, area: GeoBounds?) -> [Coordinate]? {
        guard case .list(let items) = node.value else {
            diagnostics.error(p.file, node, "\(what): expected a list of [lon, lat] positions")
            return nil
        }
        let out = items.compactMap { position($0, p, what: what, area: area) }
        return out.count == items.count ? out : nil
    }
}
