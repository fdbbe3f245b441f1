import KMapModel

extension ParseContext {
    /// `locator.geojson`: Polygons and MultiPolygons with `role: focus|context`, Points with `role: capital|city`.
    func locator(_ file: CampaignTexts.File) -> Locator? {
        guard let root = root(file, json: true),
            let top = Fields(root, file: file.name, what: "the locator document", diagnostics: diagnostics),
            let features = top.node("features"), case .list(let items) = features.value
        else {
            diagnostics.error(file.name, line: 1, "the locator must be a GeoJSON FeatureCollection with 'features'")
            return nil
        }
        var countries: [Locator.Country] = []
        var cities: [Locator.City] = []
        for feature in items {
            guard let f = Fields(feature, file: file.name, what: "a locator feature", diagnostics: diagnostics),
                let props = f.node("properties"),
                let p = Fields(props, file: file.name, what: "the feature's properties", diagnostics: diagnostics),
                let geometry = f.node("geometry"),
                let g = Fields(geometry, file: file.name, what: "the geometry", diagnostics: diagnostics),
                let type = g.string("type", required: "Polygon, MultiPolygon or Point"),
                let coords = g.node("coordinates"),
                let id = p.string("id", required: "an id"), let name = p.string("name", required: "a name")
            else { continue }
            if let source = p.string("source", required: "a source id from campaign.yaml"), !sourceIDs.isEmpty {
                expect(source, in: sourceIDs, what: "source", file: file.name, line: props.line)
            }
            let role = p.string("role") ?? "context"
            let what = "locator feature '\(id)'"
            switch type {
            case "Point":
                if let c = position(coords, p, what: what, area: nil) {
                    cities.append(.init(id: id, name: name, isCapital: role == "capital", coordinate: c))
                }
            case "Polygon", "MultiPolygon":
                let polygonNodes: [DataNode]
                if type == "Polygon" {
                    polygonNodes = [coords]
                } else if case .list(let list) = coords.value {
                    polygonNodes = list
                } else {
                    polygonNodes = []
                }
                var polygons: [[[Coordinate]]] = []
                for polygon in polygonNodes {
                    guard case .list(let rings) = polygon.value else { continue }
                    polygons.append(rings.compactMap { positions($0, p, what: what, area: nil) })
                }
                countries.append(.init(id: id, name: name, isFocus: role == "focus", polygons: polygons))
            default:
                diagnostics.error(
                    file.name, geometry, "\(what) is a \(type); the locator holds Polygons, MultiPolygons and Points")
            }
        }
        return Locator(countries: countries, cities: cities)
    }
}
