import KMapModel

/// Turns a campaign's state on a day into a `Scene`: the compose stage of the pipeline.
///
/// Everything that does not depend on the day (projection, lake, roads, label placement, the legend's
/// geometry) is computed once in `init`, so a sequence of frames shares it and labels stay put.
public struct SceneComposer: Sendable {
    public let campaign: Campaign
    public let theme: Theme
    public let options: FrameOptions
    public let projection: Projection
    let measurer: any TextMeasurer
    let layout: FrameLayout
    /// Label placement for the whole campaign.
    let labels: [LabelPlacer.Placement]
    /// Places whose label could not be placed without overlap (left unlabelled rather than overlapping).
    public let unlabelled: [String]
    /// Places inside the map area, in gazetteer order: the only ones drawn, labelled and listed in the legend.
    public let visiblePlaces: [Place]
    /// Where roads leave the map, towards their destinations.
    let roadPointers: [EdgePointer]
    /// The context's towns in this frame, after the campaign's labels.
    let contextTowns: ContextTowns
    /// Index into `visiblePlaces` by place id, for the per-frame lookups of a large campaign.
    let visibleByID: [String: Int]
    /// Each faction's colour, resolved once (`Theme.color(ofFaction:in:)`): the campaign's unless the theme
    /// recolours, else the theme's, else a palette colour; grey for an id no faction has.
    let factionColors: [String: Color]

    /// - Parameter plane: the map projection for this frame's view (`view(of:options:)`); nil for `Equirectangular`
    ///   centred on it. The command line passes PROJ's choice (`KMapProjection`), so this module needs no C.
    public init(
        campaign: Campaign, theme: Theme = .standard, options: FrameOptions = FrameOptions(),
        measurer: any TextMeasurer,
        plane: (any PlaneProjection)? = nil
    ) {
        self.campaign = campaign
        self.theme = theme
        self.options = options
        self.measurer = measurer
        let layout = FrameLayout(
            width: Double(options.width), height: Double(options.height), withPanel: options.changesPanel)
        self.layout = layout
        let projection = Projection(
            fitting: Self.view(of: campaign, options: options),
            into: Self.fitArea(layout, fitted: options.view == nil && campaign.info.view == nil), plane: plane)
        self.projection = projection
        roadPointers = EdgePointer.roads(
            campaign: campaign, area: layout.mapArea, projection: projection, font: Self.edgeFont(theme),
            measurer: measurer)
        let visible = campaign.gazetteer.places.filter { layout.mapArea.contains(projection.project($0.coordinate)) }
        visiblePlaces = visible
        var byID: [String: Int] = [:]
        for (i, place) in visible.enumerated() where byID[place.id] == nil { byID[place.id] = i }
        visibleByID = byID
        var colors: [String: Color] = [:]
        for faction in campaign.factions { colors[faction.id] = theme.color(ofFaction: faction.id, in: campaign) }
        factionColors = colors
        var placer = Self.labelPlacer(
            campaign: campaign, theme: theme, options: options, layout: layout, projection: projection,
            visible: visible, measurer: measurer)
        let requests = Self.labelRequests(visible: visible, theme: theme, options: options, projection: projection)
        let result = placer.place(requests)
        labels = result.placed
        unlabelled = result.dropped
        contextTowns = ContextTowns(
            campaign: campaign, theme: theme, area: layout.mapArea, projection: projection, placer: placer,
            placed: result.placed)
    }

    /// The area a frame shows: the options' view, else the campaign's (its own or the fitted default).
    public static func view(of campaign: Campaign, options: FrameOptions) -> GeoBounds {
        options.view ?? campaign.defaultView
    }

    /// Where the view is fitted: the map area, or for a fitted view on a wide enough frame the part right of the
    /// legend and inset's column, so the fighting is not drawn under them (the map still fills the whole area).
    static func fitArea(_ layout: FrameLayout, fitted: Bool) -> Rect {
        let column = layout.legendWidth + 16
        let area = layout.mapArea
        guard fitted, area.width - column >= area.width / 2 else { return area }
        return Rect(x: area.x + column, y: area.y, width: area.width - column, height: area.height)
    }

    /// The frame for `state`; `previous` (the state of the frame before, e.g. the day before) marks what changed.
    public func scene(for state: ControlState, previous: ControlState? = nil) -> Scene {
        let changes = Changes(campaign: campaign, from: previous, to: state)
        var items: [SceneItem] = []
        items += contextItems()
        items += zones(state)
        items += water()
        items += roads(state)
        items += markers(state, changed: changes.changedPlaces)
        items += changeBadges(changes)
        items += eventFlags(state)
        items += labelItems()
        items += furniture(state)
        items += inset()
        items += northArrow()
        items += changesPanel(changes)
        items += legend(state, changes: changes)
        items.sort { $0.layer < $1.layer }  // stable: keeps order within a layer
        let date = state.instant.day.longDescription
        return Scene(
            width: Double(options.width), height: Double(options.height),
            background: options.transparent ? nil : theme.background, items: items,
            title: "\(campaign.info.title), \(date)",
            subject: "Territorial control on \(state.instant) (\(campaign.info.attribution))",
            metadata: [
                .init("Title", "\(campaign.info.title), \(date)"), .init("Day", state.instant.description),
                .init("Source", campaign.info.attribution), .init("Software", "kmap"),
            ])
    }

    func color(ofFaction id: String) -> Color { factionColors[id] ?? Self.unknownFaction }

    static let unknownFaction = Color(hex: "#b0b0b0")!

    func water() -> [SceneItem] {
        campaign.gazetteer.areas.flatMap { area -> [SceneItem] in
            let rings = area.rings.map { layout.mapArea.clip(ring: $0.map(projection.project)) }.filter { !$0.isEmpty }
            guard !rings.isEmpty else { return [] }
            var items = [
                SceneItem(
                    id: "area:\(area.id)", layer: .water,
                    symbol: .polygon(
                        rings: rings, fill: theme.water, stroke: Stroke(color: theme.waterOutline, width: 1.2)))
            ]
            if let outer = rings.first, outer.count > 2 {
                let c = Self.centroid(outer)
                let font = Font(family: theme.fontFamily, size: theme.labelSize, italic: true)
                let m = measurer.measure(area.name, font: font)
                let origin = Point(x: c.x - m.width / 2, y: c.y + m.ascent / 2)
                items.append(
                    SceneItem(
                        id: "label:\(area.id)", layer: .water,
                        symbol: .text(
                            TextItem(
                                text: area.name, origin: origin, font: font, color: theme.waterLabel, halo: nil,
                                bounds: measurer.bounds(area.name, font: font, origin: origin)))))
            }
            return items
        }
    }

    func roads(_ state: ControlState) -> [SceneItem] {
        let roads = campaign.gazetteer.roads
        var items: [SceneItem] = []
        // Simplified (a road of many points costs every frame), then cut at the map's edge.
        let lines = roads.map {
            layout.mapArea.clip(polyline: PolylineSimplifier.simplify($0.path.map(projection.project)))
        }
        for (road, runs) in zip(roads, lines) {
            for (i, pts) in runs.enumerated() {
                items.append(
                    SceneItem(
                        id: "road-casing:\(road.id)\(i == 0 ? "" : ":\(i)")", layer: .roads,
                        symbol: .polyline(points: pts, stroke: Stroke(color: theme.roadCasing, width: 6))))
            }
        }
        for (road, runs) in zip(roads, lines) {
            for (i, pts) in runs.enumerated() {
                items.append(
                    SceneItem(
                        id: "road:\(road.id)\(i == 0 ? "" : ":\(i)")", layer: .roads,
                        symbol: .polyline(points: pts, stroke: Stroke(color: theme.roadFill, width: 3.5))))
            }
        }
        items += roadPointerItems()
        // A badge at every point where a road is cut, up and right of the place's marker so both stay visible.
        var marked: Set<String> = []
        for road in state.roads {
            for placeID in road.cutAt where !marked.contains(placeID) {
                marked.insert(placeID)
                guard let place = visibleByID[placeID].map({ visiblePlaces[$0] }) else { continue }
                items.append(
                    SceneItem(
                        id: "cut:\(placeID)", layer: .roadMarks,
                        symbol: .marker(Self.cutBadge(for: place, projection: projection, theme: theme))))
            }
        }
        return items
    }

    /// The road-cut badge of a place; its position never depends on the day, so labels avoid it.
    static func cutBadge(for place: Place, projection: Projection, theme: Theme) -> Marker {
        let p = projection.project(place.coordinate)
        let offset = Symbology.radius(for: place.kind) * 0.7 + 5
        return Marker(
            shape: .cutBadge, center: Point(x: p.x + offset, y: p.y - offset), radius: 6, fill: theme.roadCut,
            stroke: Stroke(color: .white, width: 1.2))
    }

    func markers(_ state: ControlState, changed: Set<String> = []) -> [SceneItem] {
        visiblePlaces.compactMap { place -> SceneItem? in
            guard let control = state[place.id] else { return nil }
            let attacker = control.contestedBy.first.map { color(ofFaction: $0) }
            let dashed = place.info.confidence == .estimate
            let marker = Marker(
                shape: Symbology.shape(for: place.kind), center: projection.project(place.coordinate),
                radius: Symbology.radius(for: place.kind),
                fill: control.isKnown ? color(ofFaction: control.controller) : Legend.unknownFill,
                splitFill: control.status == .contested ? attacker : nil,
                stroke: Stroke(color: theme.ink, width: dashed ? 1.6 : 1.2, dash: dashed ? [2.5, 2] : []),
                ring: control.status == .besieged ? attacker : nil,
                hollow: control.confidence == .stated ? nil : theme.halo,
                highlight: changed.contains(place.id) ? theme.changed : nil)
            return SceneItem(
                id: "place:\(place.id)", layer: .markers, symbol: .marker(marker), title: describe(place, control))
        }
    }

    /// "Khanasir (خناصر): ISIL, held since 23 Feb 2016 (stated, e19): “…”" for a place's tooltip.
    func describe(_ place: Place, _ c: PlaceControl) -> String {
        let who = campaign.faction(c.controller)?.shortName ?? c.controller
        let status =
            c.status == .held
            ? "held since \(c.since.longDescription)"
            : "\(c.status.rawValue) by \(c.contestedBy.map { campaign.faction($0)?.shortName ?? $0 }.joined(separator: ", ")) since \(c.statusSince.longDescription)"
        let name = place.info.arabic.map { "\(place.name) (\($0))" } ?? place.name
        if !c.isKnown {
            return
                "\(place.info.arabic.map { "\(place.name) (\($0))" } ?? place.name): unknown (no source gives its control on this day). Position: \(place.info.confidence.rawValue)."
        }
        let basis = ["\(c.confidence.rawValue) (event \(c.basis.confidence.rawValue))", c.basis.eventID].compactMap {
            $0
        }.joined(separator: ", ")
        return
            "\(name): \(who), \(status) (\(basis); \(campaign.info.source(c.basis.source)?.title ?? c.basis.source)): “\(c.basis.quote)” Position: \(place.info.confidence.rawValue)."
    }

    func labelItems() -> [SceneItem] {
        labels.flatMap { label -> [SceneItem] in
            var items: [SceneItem] = []
            if let leader = label.leader {
                items.append(
                    SceneItem(
                        id: "leader:\(label.id)", layer: .labels,
                        symbol: .polyline(points: leader, stroke: Stroke(color: theme.mutedInk, width: 1))))
            }
            items.append(
                SceneItem(
                    id: "label:\(label.id)", layer: .labels,
                    symbol: .text(
                        TextItem(
                            text: label.text, origin: label.origin, font: label.font, color: theme.ink,
                            halo: theme.halo, bounds: label.bounds)),
                    title: label.text.replacingOccurrences(of: "\n", with: " ")))
            return items
        }
    }

    static func centroid(_ ring: [Point]) -> Point {
        var a = 0.0
        var cx = 0.0
        var cy = 0.0
        for (p, q) in zip(ring, ring.dropFirst() + [ring[0]]) {
            let cross = p.x * q.y - q.x * p.y
            a += cross
            cx += (p.x + q.x) * cross
            cy += (p.y + q.y) * cross
        }
        guard abs(a) > 1e-9 else { return ring[0] }
        return Point(x: cx / (3 * a), y: cy / (3 * a))
    }
}
