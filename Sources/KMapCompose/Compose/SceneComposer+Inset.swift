import KMapModel

extension SceneComposer {
    /// The inset's panel: top-left of the map, clear of the banner.
    static func insetPanel(_ layout: FrameLayout, locator: Locator?) -> Rect? {
        guard let locator, !layout.compact else { return nil }
        let b = locator.bounds
        let aspect = (b.maxLon - b.minLon) * cos(b.center.lat * Double.pi / 180) / (b.maxLat - b.minLat)
        let width = min(240, layout.mapArea.width * 0.2)
        // A tall country's inset is capped so it does not run down the map; its outline is fitted inside.
        return Rect(
            x: layout.mapArea.x + 6, y: layout.mapArea.y + 6, width: width, height: min(width / aspect, width * 1.25))
    }

    /// The north arrow's box: top-right of the map.
    static func northArrowBox(_ layout: FrameLayout) -> Rect {
        Rect(x: layout.mapArea.maxX - 40, y: layout.mapArea.y + 8, width: 32, height: 52)
    }

    /// A small map of the country with the frame's extent, so a reader knows where this is.
    func inset() -> [SceneItem] {
        guard let locator = campaign.locator, let panel = Self.insetPanel(layout, locator: locator) else { return [] }
        let p = Projection(fitting: locator.bounds, into: panel)
        var items = [
            SceneItem(
                id: "inset:sea", layer: .furniture, symbol: .rect(panel, fill: theme.water.withAlpha(0.55), stroke: nil)
            )
        ]
        let sorted = locator.countries.filter { !$0.isFocus } + locator.countries.filter(\.isFocus)
        for country in sorted {
            for (i, polygon) in country.polygons.enumerated() {
                items.append(
                    SceneItem(
                        id: "inset:country:\(country.id):\(i)", layer: .furniture,
                        symbol: .polygon(
                            rings: polygon.map { $0.map(p.project) },
                            fill: country.isFocus ? Color(hex: "#e9dcc0")! : theme.background,
                            stroke: Stroke(color: theme.mutedInk, width: country.isFocus ? 1 : 0.6))))
            }
        }
        if let focus = locator.countries.first(where: \.isFocus) {
            let font = Font(family: theme.fontFamily, size: 12, bold: true)
            let c = p.project(Self.labelPoint(of: focus))
            let w = measurer.measure(focus.name.uppercased(), font: font).width
            items.append(
                text(
                    "inset:label:\(focus.id)", focus.name.uppercased(), font, at: Point(x: c.x - w / 2, y: c.y + 4),
                    theme.mutedInk))
        }
        let small = Font(family: theme.fontFamily, size: 10)
        for city in locator.cities {
            let c = p.project(city.coordinate)
            items.append(
                SceneItem(
                    id: "inset:city:\(city.id)", layer: .furniture,
                    symbol: .marker(
                        Marker(
                            shape: city.isCapital ? .square : .circle, center: c, radius: 2.5, fill: theme.ink,
                            stroke: Stroke(color: theme.ink, width: 0.5)))))
            items.append(
                text(
                    "inset:city:\(city.id):label", city.name, small, at: Point(x: c.x + 5, y: c.y + 4), theme.ink,
                    halo: theme.halo))
        }
        // The main frame's extent.
        let a = p.project(projection.unproject(Point(x: layout.mapArea.x, y: layout.mapArea.y)))
        let b = p.project(projection.unproject(Point(x: layout.mapArea.maxX, y: layout.mapArea.maxY)))
        let extent = Rect(
            x: min(a.x, b.x), y: min(a.y, b.y), width: max(3, abs(b.x - a.x)), height: max(3, abs(b.y - a.y)))
        items.append(
            SceneItem(
                id: "inset:extent", layer: .furniture,
                symbol: .rect(
                    extent, fill: theme.routeCut.withAlpha(0.15), stroke: Stroke(color: theme.routeCut, width: 1.6))))
        items.append(
            SceneItem(
                id: "inset:border", layer: .furniture,
                symbol: .rect(panel, fill: nil, stroke: Stroke(color: theme.panelBorder, width: 1))))
        return items
    }

    /// An arrow pointing to true north where it stands: straight up on the equirectangular plane, turned by the
    /// meridians' convergence on a conic one (`Projection.northAngle`).
    func northArrow() -> [SceneItem] {
        let box = Self.northArrowBox(layout)
        let cx = box.center.x
        let top = box.y + 16
        let bottom = box.maxY - 2
        let pivot = Point(x: cx, y: (top + bottom) / 2)
        let angle = projection.northAngle(at: pivot)
        func turn(_ ps: [Point]) -> [Point] {
            guard abs(angle) > 1e-9 else { return ps }  // exactly the upright arrow's points
            return ps.map {
                let (dx, dy) = ($0.x - pivot.x, $0.y - pivot.y)
                return Point(
                    x: pivot.x + dx * cos(angle) - dy * sin(angle), y: pivot.y + dx * sin(angle) + dy * cos(angle))
            }
        }
        let left = turn([Point(x: cx, y: top), Point(x: cx - 9, y: bottom), Point(x: cx, y: bottom - 9)])
        let right = turn([Point(x: cx, y: top), Point(x: cx + 9, y: bottom), Point(x: cx, y: bottom - 9)])
        let font = Font(family: theme.fontFamily, size: 14, bold: true)
        let w = measurer.measure("N", font: font).width
        return [
            SceneItem(
                id: "north:left", layer: .furniture,
                symbol: .polygon(rings: [left], fill: theme.ink, stroke: Stroke(color: theme.ink, width: 1))),
            SceneItem(
                id: "north:right", layer: .furniture,
                symbol: .polygon(rings: [right], fill: theme.halo, stroke: Stroke(color: theme.ink, width: 1))),
            text("north:label", "N", font, at: Point(x: cx - w / 2, y: box.y + 13), theme.ink, halo: theme.halo),
        ]
    }

    /// Where to write a country's name: the centroid of its largest ring.
    static func labelPoint(of country: Locator.Country) -> Coordinate {
        let ring = country.polygons.compactMap(\.first).max { $0.count < $1.count } ?? []
        guard !ring.isEmpty else { return Coordinate(lon: 0, lat: 0) }
        let c = centroid(ring.map { Point(x: $0.lon, y: $0.lat) })
        return Coordinate(lon: c.x, lat: c.y)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
