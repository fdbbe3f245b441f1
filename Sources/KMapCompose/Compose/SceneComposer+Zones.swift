import KMapGeometry
import KMapModel

extension SceneComposer {
    /// The zone radius this frame draws with: the option, else the theme's default; nil (or 0) for none.
    static func zoneRadius(options: FrameOptions, theme: Theme) -> Double? {
        let km = options.zoneRadiusKm ?? theme.zoneRadiusKm
        return km.flatMap { $0 > 0 ? $0 : nil }
    }

    var zoneRadiusKm: Double? { Self.zoneRadius(options: options, theme: theme) }

    /// Shaded ground per side, hatching over contested places, and the fronts where two sides' zones meet.
    ///
    /// Derived from the places' control by `ControlZones` (GEOS): each place claims its Voronoi cell up to the
    /// radius, never water (the gazetteer's lakes and the context's), merged and smoothed per side. Should GEOS
    /// fail, the frame keeps its dots and no zones, rather than failing the render.
    func zones(_ state: ControlState) -> [SceneItem] {
        guard let km = zoneRadiusKm else { return [] }
        let sites = visiblePlaces.compactMap { place -> ControlZones.Site? in
            // A place no source speaks for claims no ground.
            guard let c = state[place.id], c.isKnown else { return nil }
            let p = projection.project(place.coordinate)
            return ControlZones.Site(
                id: place.id, point: PlanePoint(x: p.x, y: p.y), side: c.controller,
                attacker: c.status == .contested ? c.contestedBy.first : nil)
        }
        let area = layout.mapArea
        let water = waterPolygons().map { $0.map { $0.map { PlanePoint(x: $0.x, y: $0.y) } } }
        guard
            let zones = try? ControlZones(
                sites: sites, sides: campaign.factions.map(\.id), reach: km * projection.pixelsPerKm, water: water,
                frame: (area.x, area.y, area.maxX, area.maxY), smoothing: min(6, 0.08 * km * projection.pixelsPerKm),
                hatchSpacing: 7)
        else { return [] }
        func points(_ ps: [PlanePoint]) -> [Point] { ps.map { Point(x: $0.x, y: $0.y) } }
        var items: [SceneItem] = []
        for zone in zones.zones {
            let rings = zone.polygons.flatMap { $0.map(points) }
            items.append(
                SceneItem(
                    id: "zone:\(zone.side)", layer: .zones,
                    symbol: .polygon(rings: rings, fill: theme.zoneTint(color(ofFaction: zone.side)), stroke: nil)))
        }
        for hatch in zones.hatches {
            for (i, line) in hatch.lines.enumerated() {
                items.append(
                    SceneItem(
                        id: "zone:hatch:\(hatch.site):\(i)", layer: .zones,
                        symbol: .polyline(
                            points: points(line),
                            stroke: Stroke(color: color(ofFaction: hatch.attacker).withAlpha(0.45), width: 2))))
            }
        }
        for (i, line) in zones.fronts.enumerated() {
            items.append(
                SceneItem(
                    id: "front:\(i)", layer: .zones,
                    symbol: .polyline(
                        points: points(line),
                        stroke: Stroke(color: theme.routeCut.withAlpha(0.8), width: 2, dash: [6, 4]))))
        }
        return items
    }

    /// Every lake of the frame in pixels: the gazetteer's areas and the context's lakes.
    func waterPolygons() -> [[[Point]]] {
        let own = campaign.gazetteer.areas.map { $0.rings.map { $0.map(projection.project) } }
        let context = (campaign.context?.lakes ?? []).flatMap {
            $0.geometry.map { $0.map { $0.map(projection.project) } }
        }
        return own + context
    }
}
