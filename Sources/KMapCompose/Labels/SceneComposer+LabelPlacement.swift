import KMapModel

extension SceneComposer {
    /// The placer `init` runs: the frame and every obstacle a label must avoid on any day.
    ///
    /// Labels avoid every marker, every panel, and the slots of badges a place may carry on some day (a road
    /// cut, a change number), so that one placement serves every frame of a sequence. The legend is the same on
    /// every frame (`Legend.entries`), so it never moves a label.
    static func labelPlacer(
        campaign: Campaign, theme: Theme, options: FrameOptions, layout: FrameLayout, positions: MarkerPositions,
        visible: [Place], legend: Rect,
        measurer: any TextMeasurer
    ) -> LabelPlacer {
        let onRoads = Set(campaign.gazetteer.roads.flatMap(\.via))
        let badges = visible.filter { onRoads.contains($0.id) }.map {
            cutBadge(for: $0, positions: positions, theme: theme).bounds
        }
        let markers = markerBoxes(visible, positions: positions)
        let changeSlots = visible.map { changeSlot(for: $0, positions: positions) }
        let pointers = EdgePointer.roads(
            campaign: campaign, area: layout.mapArea, projection: positions.projection, font: edgeFont(theme),
            measurer: measurer
        ).map(\.bounds)
        return LabelPlacer(
            measurer: measurer, frame: layout.frame.insetBy(4),
            obstacles: markers + badges + changeSlots + pointers + layout.reserved + [
                legend, northArrowBox(layout),
            ]
                + (insetPanel(layout, locator: campaign.locator).map { [$0] } ?? []),
            leaderObstacles: markers)
    }

    /// The box of a place's first change-badge slot, which labels keep clear of.
    static func changeSlot(for place: Place, positions: MarkerPositions) -> Rect {
        let c = changeBadgeCenter(for: place, positions: positions)
        let r = changeBadgeRadius + 1
        return Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r)
    }

    /// Each place's marker box with room for a besieged ring: what labels, leaders and badges keep clear of.
    static func markerBoxes(_ visible: [Place], positions: MarkerPositions) -> [Rect] {
        visible.map { place in
            Marker(
                shape: Symbology.shape(for: place.kind), center: positions.point(place),
                radius: Symbology.radius(for: place.kind), fill: .black, stroke: Stroke(color: .black, width: 1),
                ring: .black
            ).bounds
        }
    }

    /// One label request per visible place, in gazetteer order.
    static func labelRequests(
        visible: [Place], theme: Theme, options: FrameOptions, positions: MarkerPositions, localLanguage: String?
    ) -> [LabelPlacer.Request] {
        visible.map { place in
            LabelPlacer.Request(
                id: place.id,
                text: options.labels.text(name: place.name, names: place.info.names, localLanguage: localLanguage),
                font: Symbology.font(for: place.kind, theme: theme),
                anchor: positions.point(place), radius: Symbology.radius(for: place.kind),
                priority: place.kind.labelPriority)
        }
    }

    /// The placer and requests of this composer, for tests that run the placement both ways (indexed and all pairs).
    var labelPlacer: LabelPlacer {
        Self.labelPlacer(
            campaign: campaign, theme: theme, options: options, layout: layout, positions: markerPositions,
            visible: visiblePlaces, legend: legendBox.panel, measurer: measurer)
    }

    var labelRequests: [LabelPlacer.Request] {
        Self.labelRequests(
            visible: visiblePlaces, theme: theme, options: options, positions: markerPositions,
            localLanguage: campaign.localLanguage)
    }
}
