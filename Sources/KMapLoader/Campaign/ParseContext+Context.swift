import KMapModel

extension ParseContext {
    /// `context.geojson`: a FeatureCollection with a `sources` list and features whose `layer` is `country`,
    /// `border`, `river`, `road`, `lake`, `town` or `city`, each naming one of those sources.
    func context(_ file: CampaignTexts.File) -> Context? {
        guard let root = root(file, json: true),
            let top = Fields(root, file: file.name, what: "the context document", diagnostics: diagnostics),
            let features = top.node("features"), case .list(let items) = features.value
        else {
            diagnostics.error(file.name, line: 1, "the context must be a GeoJSON FeatureCollection with 'features'")
            return nil
        }
        var sources: [Context.Source] = []
        if let list = top.node("sources"), case .list(let nodes) = list.value {
            for node in nodes {
                guard let s = Fields(node, file: file.name, what: "a context source", diagnostics: diagnostics),
                    let id = s.string("id", required: "an id that features refer to"),
                    let title = s.string("title", required: "the source's title")
                else { continue }
                sources.append(
                    .init(
                        id: id, title: title, url: s.string("url"), licence: s.string("licence"),
                        attribution: s.string("attribution") ?? title))
            }
        } else {
            diagnostics.error(
                file.name, root,
                "the context needs 'sources': a list of {id, title, url, licence, attribution} its features name")
        }
        var context = Context(sources: sources)
        let ids = sources.map(\.id)
        for feature in items {
            guard let f = Fields(feature, file: file.name, what: "a context feature", diagnostics: diagnostics),
                let props = f.node("properties"),
                let p = Fields(props, file: file.name, what: "the feature's properties", diagnostics: diagnostics),
                let geometry = f.node("geometry"),
                let g = Fields(geometry, file: file.name, what: "the geometry", diagnostics: diagnostics),
                let type = g.string("type", required: "a GeoJSON geometry type"), let coords = g.node("coordinates"),
                let layer = p.string("layer", required: "country, border, river, road, lake, town or city"),
                let source = p.string("source", required: "a source id from the context's 'sources'")
            else { continue }
            let name = p.string("name") ?? ""
            guard expect(source, in: ids, what: "context source", file: file.name, line: props.line) else { continue }
            let what = "context \(layer) '\(name)'"
            func lines() -> [[Coordinate]]? {
                switch type {
                case "LineString": return positions(coords, p, what: what, area: nil).map { [$0] }
                case "MultiLineString":
                    guard case .list(let list) = coords.value else { return nil }
                    return list.compactMap { positions($0, p, what: what, area: nil) }
                default:
                    diagnostics.error(
                        file.name, geometry, "\(what) is a \(type); a \(layer) is a LineString or MultiLineString")
                    return nil
                }
            }
            func polygons() -> [[[Coordinate]]]? {
                let nodes: [DataNode]
                switch (type, coords.value) {
                case ("Polygon", _): nodes = [coords]
                case ("MultiPolygon", .list(let list)): nodes = list
                default:
                    diagnostics.error(
                        file.name, geometry, "\(what) is a \(type); a \(layer) is a Polygon or MultiPolygon")
                    return nil
                }
                return nodes.compactMap { node -> [[Coordinate]]? in
                    guard case .list(let rings) = node.value else { return nil }
                    return rings.compactMap { positions($0, p, what: what, area: nil) }
                }
            }
            func point() -> Coordinate? {
                guard type == "Point" else {
                    diagnostics.error(file.name, geometry, "\(what) is a \(type); a \(layer) is a Point")
                    return nil
                }
                return position(coords, p, what: what, area: nil)
            }
            let flag = { (key: String) -> Bool in
                p.node(key).map { if case .scalar("true", _) = $0.value { true } else { false } } ?? false
            }
            switch layer {
            case "country":
                if let g = polygons() {
                    context.countries.append(.init(name: name, source: source, geometry: g))
                    if flag("focus"), context.focusCountry == nil { context.focusCountry = name }
                }
            case "border": if let g = lines() { context.borders.append(.init(name: name, source: source, geometry: g)) }
            case "river": if let g = lines() { context.rivers.append(.init(name: name, source: source, geometry: g)) }
            case "road": if let g = lines() { context.roads.append(.init(name: name, source: source, geometry: g)) }
            case "lake": if let g = polygons() { context.lakes.append(.init(name: name, source: source, geometry: g)) }
            case "town": if let g = point() { context.towns.append(.init(name: name, source: source, geometry: g)) }
            case "city":
                if let g = point() {
                    context.cities.append((.init(name: name, source: source, geometry: g), flag("capital")))
                }
            default:
                diagnostics.error(
                    file.name, props,
                    "\(what): unknown layer '\(layer)'; use country, border, river, road, lake, town or city")
            }
        }
        return context
    }
}
