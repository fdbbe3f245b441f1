import KMapModel

extension SceneComposer {
    static let contextInk = Color(hex: "#8c857a")!
    static let borderInk = Color(hex: "#9b8e7c")!
    static let contextRoad = Color(hex: "#c9bfae")!

    /// The ground under the fighting, drawn quietly under the control layer: lakes, rivers, roads by their
    /// real course, borders, neighbouring countries' names and the towns that are not campaign places.
    func contextItems() -> [SceneItem] {
        guard let context = campaign.context else { return [] }
        let area = layout.mapArea
        var items: [SceneItem] = []
        for (i, lake) in context.lakes.enumerated() {
            for (j, polygon) in lake.geometry.enumerated() {
                let rings = polygon.map { area.clip(ring: $0.map(projection.project)) }.filter { !$0.isEmpty }
                guard !rings.isEmpty else { continue }
                items.append(
                    SceneItem(
                        id: "context:lake:\(i):\(j)", layer: .context,
                        symbol: .polygon(
                            rings: rings, fill: theme.water,
                            stroke: Stroke(color: theme.waterOutline.withAlpha(0.6), width: 0.8)), title: lake.name))
            }
        }
        func lines(_ kind: String, _ features: [Context.Feature<[[Coordinate]]>], _ stroke: Stroke) {
            for (i, f) in features.enumerated() {
                for (j, line) in f.geometry.enumerated() {
                    for (k, run) in area.clip(polyline: line.map(projection.project)).enumerated() {
                        items.append(
                            SceneItem(
                                id: "context:\(kind):\(i):\(j):\(k)", layer: .context,
                                symbol: .polyline(points: run, stroke: stroke), title: f.name))
                    }
                }
            }
        }
        lines("river", context.rivers, Stroke(color: theme.waterOutline.withAlpha(0.75), width: 1.6))
        lines("road", context.roads, Stroke(color: Self.contextRoad, width: 2))
        lines("border", context.borders, Stroke(color: Self.borderInk, width: 1.6, dash: [9, 3, 2, 3]))
        items += countryNames(context)
        for (i, town) in contextTowns.towns.enumerated() {
            items.append(
                SceneItem(
                    id: "context:town:\(i)", layer: .context,
                    symbol: .marker(
                        Marker(
                            shape: .circle, center: town.point, radius: ContextTowns.radius, fill: Self.contextInk,
                            stroke: Stroke(color: theme.halo, width: 0.8))),
                    title:
                        "\(town.name) (not a campaign place; \(context.source(town.source)?.attribution ?? town.source))"
                ))
            if let label = town.label {
                items.append(
                    SceneItem(
                        id: "context:town:\(i):label", layer: .context,
                        symbol: .text(
                            TextItem(
                                text: label.text, origin: label.origin, font: label.font, color: Self.contextInk,
                                halo: theme.halo.withAlpha(0.8), bounds: label.bounds))))
            }
        }
        return items
    }

    /// Names of the countries other than the campaign's that cover a good part of the map, at the centre of that part.
    func countryNames(_ context: Context) -> [SceneItem] {
        let area = layout.mapArea
        let font = Font(family: theme.fontFamily, size: 16, bold: true)
        return context.countries.enumerated().compactMap { i, country -> SceneItem? in
            guard country.name != context.focusCountry else { return nil }
            let parts = country.geometry.compactMap(\.first).map { area.clip(ring: $0.map(projection.project)) }
            guard let part = parts.max(by: { Self.area(of: $0) < Self.area(of: $1) }),
                Self.area(of: part) > 0.04 * area.width * area.height
            else { return nil }
            let c = Self.centroid(part)
            let name = country.name.uppercased()
            let m = measurer.measure(name, font: font)
            return text(
                "context:country:\(i)", name, font, at: Point(x: c.x - m.width / 2, y: c.y + m.ascent / 2),
                Self.contextInk.withAlpha(0.7))
        }
    }

    static func area(of ring: [Point]) -> Double {
        guard ring.count > 2 else { return 0 }
        return abs(zip(ring, ring.dropFirst() + [ring[0]]).reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y }) / 2
    }

    /// "Map: Natural Earth · GeoNames (CC BY 4.0)": the credits of the context sources this frame draws from.
    func contextCredit() -> String? {
        guard let context = campaign.context else { return nil }
        var used = Set(contextTowns.towns.map(\.source))
        let area = layout.mapArea
        let drawnLines = (context.rivers + context.roads + context.borders).filter { f in
            f.geometry.contains { !area.clip(polyline: $0.map(projection.project)).isEmpty }
        }
        used.formUnion(drawnLines.map(\.source))
        used.formUnion(
            context.lakes.filter {
                $0.geometry.contains { !area.clip(ring: ($0.first ?? []).map(projection.project)).isEmpty }
            }.map(\.source))
        if campaign.locatorFromContext, Self.insetPanel(layout, locator: campaign.locator) != nil {
            used.formUnion(context.countries.map(\.source) + context.cities.map(\.feature.source))
        }
        let credits = context.sources.filter { used.contains($0.id) }.map { s in
            s.url.map { "\(s.attribution) \(Self.shortURL($0))" } ?? s.attribution
        }
        return credits.isEmpty ? nil : "Map: " + credits.joined(separator: ", ")
    }

    /// "naturalearthdata.com" for "https://www.naturalearthdata.com/": short enough for a frame's corner.
    static func shortURL(_ url: String) -> String {
        var s = url
        for prefix in ["https://", "http://", "www."] where s.hasPrefix(prefix) { s.removeFirst(prefix.count) }
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }
}
