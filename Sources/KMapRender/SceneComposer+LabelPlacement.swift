import KMapGazetteer

extension SceneComposer {
    /// The placer `init` runs: the frame and every obstacle a label must avoid on any day.
    ///
    /// Rebuilt from the composer's parts so tests can run the placement both ways (indexed and all pairs);
    /// `LabelIndexTests` also checks that it reproduces `labels`, so it cannot drift from `init` unnoticed.
    var labelPlacer: LabelPlacer {
        let onRoads = Set(campaign.gazetteer.roads.flatMap(\.via))
        let badges = visiblePlaces.filter { onRoads.contains($0.id) }.map { Self.cutBadge(for: $0, projection: projection, theme: theme).bounds }
        let changeSlots = visiblePlaces.map { place -> Rect in
            let c = Self.changeBadgeCenter(for: place, projection: projection)
            let r = Self.changeBadgeRadius + 1
            return Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r)
        }
        let markers = visiblePlaces.map { place in
            Marker(
                shape: Symbology.shape(for: place.kind), center: projection.project(place.coordinate),
                radius: Symbology.radius(for: place.kind), fill: .black, stroke: Stroke(color: .black, width: 1), ring: .black
            ).bounds
        }
        let legendSpace = layout.legendPanel(
            height: Legend.height(of: Legend.allEntries(campaign: campaign, places: visiblePlaces, zones: options.zoneRadiusKm)))
        return LabelPlacer(
            measurer: measurer, frame: layout.frame.insetBy(4),
            obstacles: markers + badges + changeSlots + layout.reserved + [legendSpace, Self.northArrowBox(layout)]
                + (Self.insetPanel(layout, locator: campaign.locator).map { [$0] } ?? []))
    }

    /// The label requests `init` places: one per visible place, in gazetteer order.
    var labelRequests: [LabelPlacer.Request] {
        visiblePlaces.map { place in
            LabelPlacer.Request(
                id: place.id, text: options.labels.text(name: place.name, arabic: place.info.arabic), font: Symbology.font(for: place.kind, theme: theme),
                anchor: projection.project(place.coordinate), radius: Symbology.radius(for: place.kind),
                priority: place.kind.labelPriority)
        }
    }
}
