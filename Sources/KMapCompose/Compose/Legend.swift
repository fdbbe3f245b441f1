import KMapModel

/// The legend: only what the frame shows, in a fixed order so entries never swap places.
struct Legend {
    enum Entry: Hashable {
        case heading(String)
        case faction(String)
        case contested
        case besieged
        case kind(PlaceKind)
        case road
        case cut
        case estimated
        case uncertain
        case unknown
        case changed
        case zones(Double)
        case hatched
        case front
    }

    static let rowHeight = 21.0
    static let headingHeight = 24.0
    static let padding = 12.0

    /// Entries for one frame.
    ///
    /// - Complexity: one pass over `places` (10,000 in a large campaign, every frame).
    static func entries(campaign: Campaign, places: [Place], state: ControlState, changed: Bool, zones: Double?)
        -> [Entry]
    {
        var uncertain = false
        var unknown = false
        var contested = false
        var besieged = false
        var factions: Set<String> = []
        var ids: Set<String> = []
        ids.reserveCapacity(places.count)
        for place in places {
            ids.insert(place.id)
            guard let c = state[place.id] else { continue }
            // The combined confidence (event, tie, position), as the markers draw it; unknown has its own entry.
            uncertain = uncertain || (c.isKnown && c.confidence != .stated)
            unknown = unknown || !c.isKnown
            contested = contested || c.status == .contested
            besieged = besieged || c.status == .besieged
            if c.isKnown { factions.insert(c.controller) }
            factions.formUnion(c.contestedBy)
        }
        let cut = state.roads.contains { $0.cutAt.contains(where: ids.contains) }
        return build(
            campaign: campaign, places: places, factions: factions, contested: contested,
            besieged: besieged, uncertain: uncertain, unknown: unknown, changed: changed, cut: cut, zones: zones)
    }

    /// Every entry any frame of the campaign could need: the space reserved for the legend.
    static func allEntries(campaign: Campaign, places: [Place], zones: Double?) -> [Entry] {
        build(
            campaign: campaign, places: places, factions: Set(campaign.factions.map(\.id)), contested: true,
            besieged: true, uncertain: true,
            unknown: true, changed: true, cut: true, zones: zones)
    }

    private static func build(
        campaign: Campaign, places: [Place], factions: Set<String>, contested: Bool, besieged: Bool, uncertain: Bool,
        unknown: Bool = false, changed: Bool, cut: Bool,
        zones: Double? = nil
    ) -> [Entry] {
        let kinds = Set(places.map(\.kind))
        var e: [Entry] = [.heading("Control")]
        e += campaign.factions.map(\.id).filter(factions.contains).map(Entry.faction)
        if contested { e.append(.contested) }
        if besieged { e.append(.besieged) }
        if uncertain { e.append(.uncertain) }
        if unknown { e.append(.unknown) }
        if changed { e.append(.changed) }
        e.append(.heading("Places"))
        e += PlaceKind.allCases.filter(kinds.contains).map(Entry.kind)
        if places.contains(where: { $0.info.confidence == .estimate }) { e.append(.estimated) }
        if let km = zones {
            e.append(.heading("Derived, not sourced"))
            e.append(.zones(km))
            if contested { e.append(.hatched) }
            e.append(.front)
        }
        if !campaign.gazetteer.roads.isEmpty {
            e.append(.heading("Roads"))
            e.append(.road)
            if cut { e.append(.cut) }
        }
        return e
    }

    static func height(of entries: [Entry]) -> Double {
        entries.reduce(padding * 2 - 6) { h, e in
            if case .heading = e { return h + headingHeight }
            return h + rowHeight
        }
    }
}

extension SceneComposer {
    func legend(_ state: ControlState, changes: Changes) -> [SceneItem] {
        let entries = Legend.entries(
            campaign: campaign, places: visiblePlaces, state: state, changed: !changes.changedPlaces.isEmpty,
            zones: zoneRadiusKm)
        let panel = layout.legendPanel(height: Legend.height(of: entries))
        var items = [
            SceneItem(
                id: "legend:panel", layer: .legend,
                symbol: .rect(panel, fill: theme.panel, stroke: Stroke(color: theme.panelBorder, width: 1)))
        ]
        var y = panel.y + Legend.padding - 6
        let swatchX = panel.x + Legend.padding + 9
        let textX = panel.x + Legend.padding + 26
        let body = Font(family: theme.fontFamily, size: 13)
        func text(_ id: String, _ s: String, _ font: Font, _ x: Double, _ baseline: Double, _ color: Color) {
            let origin = Point(x: x, y: baseline)
            items.append(
                SceneItem(
                    id: id, layer: .legend,
                    symbol: .text(
                        TextItem(
                            text: s, origin: origin, font: font, color: color,
                            bounds: measurer.bounds(s, font: font, origin: origin)))))
        }
        func marker(_ id: String, _ m: Marker) { items.append(SceneItem(id: id, layer: .legend, symbol: .marker(m))) }
        let neutral = Color(hex: "#bdbdbd")!
        let outline = Stroke(color: theme.ink, width: 1.2)
        for entry in entries {
            if case .heading(let title) = entry {
                y += Legend.headingHeight
                text(
                    "legend:heading:\(title)", title, Font(family: theme.fontFamily, size: 14, bold: true),
                    panel.x + Legend.padding, y - 6, theme.ink)
                continue
            }
            y += Legend.rowHeight
            let mid = Point(x: swatchX, y: y - 10)
            let baseline = y - 5.5
            switch entry {
            case .heading: break
            case .faction(let id):
                marker(
                    "legend:faction:\(id):swatch",
                    Marker(shape: .circle, center: mid, radius: 7, fill: color(ofFaction: id), stroke: outline))
                text("legend:faction:\(id)", campaign.faction(id)?.name ?? id, body, textX, baseline, theme.ink)
            case .contested:
                marker(
                    "legend:contested:swatch",
                    Marker(shape: .circle, center: mid, radius: 7, fill: neutral, splitFill: theme.ink, stroke: outline)
                )
                text("legend:contested", "contested (holder | attacker)", body, textX, baseline, theme.ink)
            case .besieged:
                marker(
                    "legend:besieged:swatch",
                    Marker(shape: .circle, center: mid, radius: 5, fill: neutral, stroke: outline, ring: theme.ink))
                text("legend:besieged", "besieged (ring: besieger)", body, textX, baseline, theme.ink)
            case .kind(let kind):
                marker(
                    "legend:kind:\(kind.rawValue):swatch",
                    Marker(
                        shape: Symbology.shape(for: kind), center: mid, radius: min(8, Symbology.radius(for: kind)),
                        fill: neutral, stroke: outline))
                text("legend:kind:\(kind.rawValue)", Symbology.label(for: kind), body, textX, baseline, theme.ink)
            case .uncertain:
                marker(
                    "legend:uncertain:swatch",
                    Marker(shape: .circle, center: mid, radius: 7, fill: theme.ink, stroke: outline, hollow: theme.halo)
                )
                text("legend:uncertain", "hollow: state inferred or reported", body, textX, baseline, theme.ink)
            case .unknown:
                marker(
                    "legend:unknown:swatch",
                    Marker(
                        shape: .circle, center: mid, radius: 7, fill: theme.unknown, stroke: outline,
                        hollow: theme.halo))
                text("legend:unknown", "grey hollow: no recent source", body, textX, baseline, theme.ink)
            case .changed:
                marker(
                    "legend:changed:swatch",
                    Marker(
                        shape: .circle, center: mid, radius: 5, fill: neutral, stroke: outline, highlight: theme.changed
                    ))
                text("legend:changed", "changed since the previous frame", body, textX, baseline, theme.ink)
            case .zones(let km):
                // Halves in the pale tints of the first two factions, as the zones are drawn.
                let tints = campaign.factions.prefix(2).map { theme.zoneTint(color(ofFaction: $0.id)) }
                for (k, tint) in tints.enumerated() {
                    let half = Rect(
                        x: swatchX - 9 + Double(k) * 18 / Double(tints.count), y: mid.y - 7,
                        width: 18 / Double(tints.count), height: 14)
                    items.append(
                        SceneItem(
                            id: "legend:zones:swatch:\(k)", layer: .legend, symbol: .rect(half, fill: tint, stroke: nil)
                        ))
                }
                text(
                    "legend:zones", "shaded: ground nearest a place, ≤ \(SceneComposer.format(km)) km", body, textX,
                    baseline, theme.ink)
            case .hatched:
                // A holder's tint with the attacker's strokes, as contested places' cells are drawn.
                let holder = campaign.factions.first.map { color(ofFaction: $0.id) } ?? theme.ink
                let attacker = campaign.factions.dropFirst().first.map { color(ofFaction: $0.id) } ?? theme.ink
                let box = Rect(x: swatchX - 9, y: mid.y - 7, width: 18, height: 14)
                items.append(
                    SceneItem(
                        id: "legend:hatched:swatch", layer: .legend,
                        symbol: .rect(box, fill: theme.zoneTint(holder), stroke: nil)))
                for (k, dx) in [-6.0, 0, 6].enumerated() {
                    let a = Point(x: box.center.x + dx - 4, y: box.maxY)
                    let b = Point(x: box.center.x + dx + 4, y: box.y)
                    items.append(
                        SceneItem(
                            id: "legend:hatched:stroke:\(k)", layer: .legend,
                            symbol: .polyline(
                                points: [a, b], stroke: Stroke(color: attacker.withAlpha(0.45), width: 2))))
                }
                text("legend:hatched", "hatched: contested (attacker's colour)", body, textX, baseline, theme.ink)
            case .front:
                let a = Point(x: swatchX - 10, y: mid.y)
                let b = Point(x: swatchX + 10, y: mid.y)
                items.append(
                    SceneItem(
                        id: "legend:front:swatch", layer: .legend,
                        symbol: .polyline(
                            points: [a, b],
                            stroke: Stroke(color: theme.routeCut.withAlpha(0.8), width: 2, dash: [6, 4]))))
                text("legend:front", "where zones of two sides meet", body, textX, baseline, theme.ink)
            case .estimated:
                marker(
                    "legend:estimated:swatch",
                    Marker(
                        shape: .circle, center: mid, radius: 5.5, fill: neutral,
                        stroke: Stroke(color: theme.ink, width: 1.6, dash: [2.5, 2])))
                text("legend:estimated", "position estimated", body, textX, baseline, theme.ink)
            case .road:
                let a = Point(x: swatchX - 10, y: mid.y)
                let b = Point(x: swatchX + 10, y: mid.y)
                items.append(
                    SceneItem(
                        id: "legend:road:casing", layer: .legend,
                        symbol: .polyline(points: [a, b], stroke: Stroke(color: theme.roadCasing, width: 6))))
                items.append(
                    SceneItem(
                        id: "legend:road:swatch", layer: .legend,
                        symbol: .polyline(points: [a, b], stroke: Stroke(color: theme.roadFill, width: 3.5))))
                // A road no source traces is drawn straight between its places: the legend says so.
                let schematic = campaign.gazetteer.roads.allSatisfy { $0.info.confidence == .estimate }
                text("legend:road", schematic ? "road (schematic course)" : "road", body, textX, baseline, theme.ink)
            case .cut:
                marker(
                    "legend:cut:swatch",
                    Marker(
                        shape: .cutBadge, center: mid, radius: 6, fill: theme.roadCut,
                        stroke: Stroke(color: .white, width: 1.2)))
                text("legend:cut", "road cut here", body, textX, baseline, theme.ink)
            }
        }
        return items
    }
}
