import KMapModel

extension SceneComposer {
    /// The font of edge pointers: smaller than place names, so they read as notes at the margin.
    static func edgeFont(_ theme: Theme) -> Font { Font(family: theme.fontFamily, size: 12, italic: true) }

    /// Arrows where roads leave the map, with their destination and distance; the same on every day.
    func roadPointerItems() -> [SceneItem] {
        roadPointers.flatMap { pointer -> [SceneItem] in
            var items = [
                SceneItem(
                    id: "edge:road:\(pointer.id)", layer: .roads,
                    symbol: .polygon(
                        rings: [pointer.arrow], fill: theme.roadCasing, stroke: Stroke(color: theme.halo, width: 1)))
            ]
            if let s = pointer.text {
                items.append(
                    SceneItem(
                        id: "edge:road:\(pointer.id):label", layer: .roads,
                        symbol: .text(
                            TextItem(
                                text: s, origin: pointer.textOrigin, font: pointer.font, color: theme.ink,
                                halo: theme.halo, bounds: pointer.textBounds))))
            }
            return items
        }
    }

    /// The places named by events of `state`'s day (up to its instant) that lie outside the map.
    public func offFramePlaces(_ state: ControlState) -> [Place] {
        let day = state.instant.day
        // The day's events by binary search: scanning all of a large campaign's events cost every frame.
        let today = campaign.timeline.events(after: .endOf(day.adding(days: -1)), through: state.instant)
        let named = Set(today.filter { $0.day == day }.flatMap(\.places).filter { visibleByID[$0] == nil })
        let gazetteer = campaign.gazetteer
        return named.compactMap { gazetteer.index(ofPlace: $0) }.sorted().map { gazetteer.places[$0] }
    }

    /// An arrow at the edge for each place with an event that day outside the map, so none is silently lost.
    ///
    /// A place on a road beyond a road's pointer (As-Safira and Aleppo, on the way out to Aleppo) is named under
    /// that pointer, which is ringed in the colour of change, rather than given a second arrow beside it.
    func eventFlags(_ state: ControlState) -> [SceneItem] {
        var items: [SceneItem] = []
        var lines: [String: Int] = [:]
        let font = Font(family: theme.fontFamily, size: 12.5, bold: true)
        for place in offFramePlaces(state) {
            let title = "\(place.name): an event this day, off the map"
            guard let pointer = roadPointers.first(where: { $0.beyond.contains(place.id) }) else {
                let pointer = EdgePointer.place(
                    place, area: layout.mapArea, projection: projection, font: font, measurer: measurer)
                items.append(
                    SceneItem(
                        id: "edge:event:\(place.id)", layer: .changes,
                        symbol: .polygon(
                            rings: [pointer.arrow], fill: theme.changed, stroke: Stroke(color: theme.halo, width: 1.2)),
                        title: title))
                items.append(
                    edgeText("edge:event:\(place.id):label", pointer.text ?? place.name, font, pointer.textOrigin))
                continue
            }
            let n = lines[pointer.id, default: 0]
            lines[pointer.id] = n + 1
            if n == 0 {
                items.append(
                    SceneItem(
                        id: "edge:ring:\(pointer.id)", layer: .changes,
                        symbol: .marker(
                            Marker(
                                shape: .circle, center: pointer.arrowCenter, radius: 11,
                                fill: theme.changed.withAlpha(0.35),
                                stroke: Stroke(color: theme.changed, width: 2)))))
            }
            // The pointer already gives its destination's distance; a place before it gets its own.
            let km = projection.unproject(pointer.tip).distanceKm(to: place.coordinate)
            let s =
                place.id == pointer.destination
                ? "\(place.name): event this day" : "\(place.name) \(EdgePointer.distanceText(km))"
            let m = measurer.measure(s, font: font)
            let x = min(pointer.textOrigin.x, layout.mapArea.maxX - 4 - m.width)
            let y = pointer.textBounds.maxY + 4 + m.ascent + Double(n) * (m.ascent + m.descent + 3)
            items.append(edgeText("edge:event:\(place.id)", s, font, Point(x: x, y: y), title: title))
        }
        return items
    }

    func edgeText(_ id: String, _ s: String, _ font: Font, _ origin: Point, title: String? = nil) -> SceneItem {
        SceneItem(
            id: id, layer: .changes,
            symbol: .text(
                TextItem(
                    text: s, origin: origin, font: font, color: theme.ink, halo: theme.halo,
                    bounds: measurer.bounds(s, font: font, origin: origin))),
            title: title)
    }
}
