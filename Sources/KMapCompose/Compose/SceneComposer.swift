import KMapModel

/// Turns a campaign's state on a day into a `Scene`: the compose stage of the pipeline.
///
/// Most of what does not depend on the day (projection, marker positions, label placement, the legend's
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
    /// Places with neither a label nor a key entry (left unnamed rather than overlapping): only in frames too
    /// crowded for the key's `PlaceKey.capacity`.
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
    /// The source most events cite, which the panel does not repeat.
    let primarySource: String?
    /// The legend's entries and panel, the same on every frame.
    let legendBox: LegendBox
    /// The middle of each road's longest stretch in frame, where a badge for unnamed points on it goes.
    let roadAnchors: [String: Point]
    /// Where markers are drawn: projected, or nudged clear of each other.
    let markerPositions: MarkerPositions
    /// Indices into `visiblePlaces` in drawing order: top to bottom, then left to right, so a lower marker
    /// overlaps the one above it (as Leaflet stacks its markers) and a frame's markers are laid band by band
    /// down the image instead of hopping across its megabytes.
    let markerOrder: [Int]
    /// Each visible place's marker id ("place:ID") and its position in the timeline's places, by index in
    /// `visiblePlaces`: a frame of 10,000 places neither builds the ids nor hashes them to find their control.
    let markerIDs: [String]
    let markerTemplates: [Marker]
    let stateIndex: [Int]
    /// Each visible place's marker box (with room for a ring), by index in `visiblePlaces`.
    let markerBounds: [Rect]
    /// What a change badge must keep clear of: markers, labels and their leaders, cut badges, furniture.
    let badgeObstacles: RectGrid
    /// The relief shading (`terrain` in campaign.yaml), resampled once for every frame; nil without terrain.
    let terrainLayer: SceneItem?

    /// - Parameter plane: the map projection for this frame's view (`view(of:options:)`); nil for `Equirectangular`
    ///   centred on it. The command line passes PROJ's choice (`KMapProjection`), so this module needs no C.
    public init(
        campaign: Campaign, theme: Theme = .standard, options: FrameOptions = FrameOptions(),
        measurer: any TextMeasurer,
        plane: (any PlaneProjection)? = nil
    ) {
        let theme = theme.fittingChanges(to: campaign)
        self.campaign = campaign
        self.theme = theme
        self.options = options
        var layout = FrameLayout(
            width: Double(options.width), height: Double(options.height), withPanel: options.changesPanel)
        let measurer: any TextMeasurer =
            layout.pixelScale == 1 ? measurer : ScaledMeasurer(base: measurer, scale: layout.pixelScale)
        self.measurer = measurer
        let view = Self.view(of: campaign, options: options)
        // The legend lists what the campaign's frames in this view can show, so its size is known before fitting.
        let inView = campaign.gazetteer.places.filter { view.contains($0.coordinate) }
        var entries = Legend.entries(
            campaign: campaign, places: inView, zones: Self.zoneRadius(options: options, theme: theme))
        if layout.compact { entries = Legend.compact(entries) }
        let legendSize = LegendBox.size(
            entries: entries, compact: layout.compact, campaign: campaign, fontFamily: theme.fontFamily,
            measurer: measurer)
        let projection = Projection(
            fitting: view,
            into: Self.fitArea(
                layout, legendWidth: legendSize.width, fitted: options.view == nil && campaign.info.view == nil),
            plane: plane)
        self.projection = projection
        terrainLayer = Self.terrainItem(
            campaign, area: layout.mapArea, projection: projection, scale: layout.pixelScale)
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
        primarySource = Self.primarySource(of: campaign)
        let data =
            visible.map { projection.project($0.coordinate) }
            + campaign.gazetteer.roads.flatMap { $0.path.map(projection.project) }
        let furniture =
            [Self.northArrowBox(layout)] + (Self.insetPanel(layout, locator: campaign.locator).map { [$0] } ?? [])
            + roadPointers.map(\.bounds)
        if layout.mapArea.contains(layout.scalePanel) {
            let s = layout.scalePanel
            layout.scalePanel = LegendBox.corner(
                size: (s.width, s.height), map: layout.mapArea, avoiding: furniture, points: data,
                order: [(true, true), (false, true), (true, false), (false, false)])
        }
        self.layout = layout
        let taken = furniture + [layout.scalePanel]
        let legendPanel = LegendBox.corner(size: legendSize, map: layout.mapArea, avoiding: taken, points: data)
        roadAnchors = Self.roadAnchors(campaign.gazetteer.roads, projection: projection, area: layout.mapArea)
        let positions = MarkerPositions(projection: projection, places: visible)
        markerPositions = positions
        markerOrder = visible.indices.sorted { a, b in
            let (p, q) = (positions.drawn[a], positions.drawn[b])
            return (p.y, p.x, a) < (q.y, q.x, b)
        }
        markerIDs = visible.map { "place:\($0.id)" }
        markerTemplates = Self.markerTemplates(visible, positions: positions, theme: theme)
        let timelineIndex = Dictionary(
            campaign.timeline.placeIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        stateIndex = visible.map { timelineIndex[$0.id] ?? -1 }
        var placer = Self.labelPlacer(
            campaign: campaign, theme: theme, options: options, layout: layout, positions: positions,
            visible: visible, legend: legendPanel, measurer: measurer)
        let requests = Self.labelRequests(
            visible: visible, theme: theme, options: options, positions: positions,
            localLanguage: campaign.localLanguage)
        let result = placer.place(requests)
        // Names with no room go to a key in the legend, which grows; labels it then covers join the key.
        var placed = result.placed
        var keyed = Set(result.dropped)
        var panel = legendPanel
        var key = PlaceKey()
        let keyFont = Font(family: theme.fontFamily, size: layout.compact ? 11 : 12)
        for _ in 0..<4 where !keyed.isEmpty {
            var places = Array(visible.filter { keyed.contains($0.id) }.prefix(PlaceKey.capacity))
            // No taller than the map: past that, names stay unlabelled rather than push the legend over the banner.
            while true {
                key = PlaceKey(
                    places: places,
                    names: places.map {
                        options.labels.singleLine(
                            name: $0.name, names: $0.info.names, localLanguage: campaign.localLanguage)
                    },
                    width: legendSize.width - 2 * Legend.padding, font: keyFont, measurer: measurer)
                if legendSize.height + key.height <= layout.mapArea.height || places.isEmpty { break }
                places.removeLast(min(2, places.count))
            }
            let grown = (width: legendSize.width, height: legendSize.height + key.height)
            panel = LegendBox.corner(size: grown, map: layout.mapArea, avoiding: taken, points: data)
            let covered = placed.filter { $0.bounds.intersects(panel) }
            if covered.isEmpty { break }
            placed.removeAll { $0.bounds.intersects(panel) }
            keyed.formUnion(covered.map(\.id))
        }
        legendBox = LegendBox(entries: entries, compact: layout.compact, panel: panel, key: key)
        if !key.items.isEmpty {
            // The key's letters beside their markers, clear of the names and the grown legend.
            var letters = LabelPlacer(
                measurer: measurer, frame: placer.frame, obstacles: placer.obstacles + [panel] + placed.map(\.bounds),
                leaderObstacles: placer.leaderObstacles)
            let letterFont = Font(family: theme.fontFamily, size: 11, bold: true)
            let letterRequests = key.items.compactMap { item -> LabelPlacer.Request? in
                guard let place = byID[item.placeID].map({ visible[$0] }) else { return nil }
                return LabelPlacer.Request(
                    id: place.id, text: item.letter, font: letterFont, anchor: positions.point(place),
                    radius: Symbology.radius(for: place.kind), priority: place.kind.labelPriority)
            }
            placed += letters.place(letterRequests).placed
        }
        labels = placed
        // Places with neither a name on the map nor an entry in the key (only in very crowded frames).
        let inKey = Set(key.items.map(\.placeID))
        unlabelled = visible.map(\.id).filter { keyed.contains($0) && !inKey.contains($0) }
        let markerBoxes = Self.markerBoxes(visible, positions: positions)
        markerBounds = markerBoxes
        let slots = Set(visible.map { Self.changeSlot(for: $0, positions: positions) })
        var obstacles = RectGrid(placer.obstacles.filter { !slots.contains($0) })
        for label in placed {
            obstacles.insert(label.bounds)
            if let leader = label.leader, let a = leader.first, let b = leader.last {
                // Small boxes along the leader, so a badge never sits on it.
                let n = max(
                    1, Int((((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() / 4).rounded(.up)))
                for k in 0...n {
                    let t = Double(k) / Double(n)
                    obstacles.insert(
                        Rect(x: a.x + (b.x - a.x) * t - 1, y: a.y + (b.y - a.y) * t - 1, width: 2, height: 2))
                }
            }
        }
        obstacles.insert(panel)  // the legend as it ended up: grown by the key, maybe in another corner
        badgeObstacles = obstacles
        contextTowns = ContextTowns(
            campaign: campaign, theme: theme, area: layout.mapArea, projection: projection, placer: placer,
            placed: placed + [
                LabelPlacer.Placement(id: "legend", text: "", font: keyFont, origin: .init(x: 0, y: 0), bounds: panel)
            ])
    }

    /// The area a frame shows: the options' view, else the campaign's (its own or the fitted default).
    public static func view(of campaign: Campaign, options: FrameOptions) -> GeoBounds {
        options.view ?? campaign.defaultView
    }

    /// Device pixels per layout unit: the scene is composed at the frame's size divided by this, then scaled.
    public var pixelScale: Double { layout.pixelScale }

    /// Where the view is fitted: the map area, or for a fitted view on a wide enough frame the part right of the
    /// legend's column, so the fighting is not drawn under it (the map still fills the whole area).
    static func fitArea(_ layout: FrameLayout, legendWidth: Double, fitted: Bool) -> Rect {
        let column = legendWidth + 16
        let area = layout.mapArea
        guard fitted, area.width - column >= area.width / 2 else { return area }
        return Rect(x: area.x + column, y: area.y, width: area.width - column, height: area.height)
    }

    /// The frame for `state`; `previous` (the state of the frame before, e.g. the day before) marks what changed.
    public func scene(for state: ControlState, previous: ControlState? = nil) -> Scene {
        let changes = Changes(
            campaign: campaign, from: previous, to: state, shown: { visibleByID[$0] != nil },
            roadShown: { roadAnchors[$0] != nil })
        var items: [SceneItem] = []
        if let terrainLayer { items.append(terrainLayer) }
        items += contextItems()
        items += zones(state)
        items += water()
        items += roads(state)
        let markerItems = markers(state, changed: changes.changedPlaces)
        let panel = changesPanel(changes)
        // A frame without its own panel (a report page) numbers every change: the page lists them.
        items += changeBadges(changes, numbered: panel.numbered || !options.changesPanel)
        items += eventFlags(state)
        items += labelItems()
        items += furniture(state)
        items += inset()
        items += northArrow()
        items += panel.items
        items += legend()
        items = Layer.sorted(items)
        // Only markers are on their layer: they go in as one block, not moved through the sort one by one (a large
        // campaign has ten thousand of them).
        items.insert(contentsOf: markerItems, at: items.firstIndex { $0.layer > .markers } ?? items.count)
        if !options.hoverText { for i in items.indices where items[i].title != nil { items[i].title = nil } }
        let date = state.instant.day.longDescription
        var scene = layoutScene(items: items, state: state, date: date).scaled(by: layout.pixelScale)
        scene.width = Double(options.width)
        scene.height = Double(options.height)
        return scene
    }

    /// The scene in layout units, before `pixelScale`.
    private func layoutScene(items: [SceneItem], state: ControlState, date: String) -> Scene {
        Scene(
            width: layout.frame.width, height: layout.frame.height,
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
        items += cutStretches(state)
        items += displacementLeaders()
        // A badge at every point where a road is cut, up and right of the place's marker so both stay visible.
        var marked: Set<String> = []
        for road in state.roads {
            for placeID in road.cutAt where !marked.contains(placeID) {
                marked.insert(placeID)
                guard let place = visibleByID[placeID].map({ visiblePlaces[$0] }) else { continue }
                items.append(
                    SceneItem(
                        id: "cut:\(placeID)", layer: .roadMarks,
                        symbol: .marker(Self.cutBadge(for: place, positions: markerPositions, theme: theme))))
            }
        }
        return items
    }

    /// The road-cut badge of a place; its position never depends on the day, so labels avoid it.
    static func cutBadge(for place: Place, positions: MarkerPositions, theme: Theme) -> Marker {
        let p = positions.point(place)
        let offset = Symbology.radius(for: place.kind) * 0.7 + 5
        return Marker(
            shape: .cutBadge, center: Point(x: p.x + offset, y: p.y - offset), radius: 6, fill: theme.roadCut,
            stroke: Stroke(color: .white, width: 1.2))
    }

    func markers(_ state: ControlState, changed: Set<String> = []) -> [SceneItem] {
        var items: [SceneItem] = []
        items.reserveCapacity(markerOrder.count)
        for i in markerOrder {
            guard let control = control(ofVisible: i, in: state) else { continue }
            var marker = markerTemplates[i]
            marker.fill = control.isKnown ? color(ofFaction: control.controller) : theme.unknown
            if let by = control.contestedBy.first {
                if control.status == .contested { marker.splitFill = color(ofFaction: by) }
                if control.status == .besieged { marker.ring = color(ofFaction: by) }
            }
            if control.confidence != .stated { marker.hollow = theme.halo }
            if changed.contains(control.placeID) { marker.highlight = theme.changed }
            items.append(
                SceneItem(
                    id: markerIDs[i], layer: .markers, symbol: .marker(marker),
                    title: options.hoverText ? describe(visiblePlaces[i], control) : nil))
        }
        return items
    }

    /// Each visible place's marker as it is on every day (shape, size, position, outline), by index in
    /// `visiblePlaces`; a frame sets only the colours and marks of the day.
    static func markerTemplates(_ visible: [Place], positions: MarkerPositions, theme: Theme) -> [Marker] {
        let solid = Stroke(color: theme.ink, width: 1.2)
        let dashed = Stroke(color: theme.ink, width: 1.6, dash: [2.5, 2])
        return visible.indices.map { i in
            Marker(
                shape: Symbology.shape(for: visible[i].kind), center: positions.drawn[i],
                radius: Symbology.radius(for: visible[i].kind), fill: theme.unknown,
                stroke: visible[i].info.confidence == .estimate ? dashed : solid)
        }
    }

    /// The control of `visiblePlaces[i]` in `state`: found by position when `state` lists the timeline's places
    /// in order (every replayed state does), else by id.
    func control(ofVisible i: Int, in state: ControlState) -> PlaceControl? {
        state.control(of: visiblePlaces[i].id, hint: stateIndex[i])
    }

    /// "Khanasir (خناصر): ISIL, held since 23 Feb 2016 (stated, e19): “…”" for a place's tooltip.
    func describe(_ place: Place, _ c: PlaceControl) -> String {
        let who = campaign.faction(c.controller)?.shortName ?? c.controller
        let status =
            c.status == .held
            ? "held since \(c.since.longDescription)"
            : "\(c.status.rawValue) by \(c.contestedBy.map { campaign.faction($0)?.shortName ?? $0 }.joined(separator: ", ")) since \(c.statusSince.longDescription)"
        // The English name with the campaign's local-script one (Arabic for Khanasir, Ukrainian for Kharkiv).
        let local = campaign.localLanguage.flatMap { place.info.names[$0] }
        let name = local.map { "\(place.name) (\($0))" } ?? place.name
        if !c.isKnown {
            return
                "\(name): unknown (no source gives its control on this day). Position: \(place.info.confidence.rawValue)."
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
                        id: "leader:\(label.id)", layer: .roads,
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
