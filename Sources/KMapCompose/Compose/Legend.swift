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

    /// Every entry the campaign's frames can need (factions and statuses from its whole timeline, place kinds
    /// in this view): the legend is the same on every frame of a
    /// sequence (a key to the symbols, as printed map series have), so it never changes size between frames.
    ///
    /// Statuses and confidences come from the timeline, place kinds from `places` (those in the view).
    static func entries(campaign: Campaign, places: [Place], zones: Double?) -> [Entry] {
        let events = campaign.timeline.events + campaign.timeline.initial.exceptions
        let contested = events.contains { $0.status == .contested }
        let besieged = events.contains { $0.status == .besieged }
        let uncertain =
            campaign.timeline.initial.confidence != .stated || events.contains { $0.confidence != .stated }
            || places.contains { $0.info.confidence != .exact }
        // Places the opening sentence does not cover start unknown; evidence that ages makes places unknown.
        var unknown = campaign.timeline.staleness != nil
        if !unknown, let covered = campaign.timeline.initial.places {
            let known = Set(covered).union(campaign.timeline.initial.exceptions.flatMap(\.places))
            unknown = places.contains { !known.contains($0.id) }
        }
        let cut = campaign.gazetteer.roads.contains { $0.faction != nil } || campaign.info.supplyRoute != nil
        // Factions that hold or attack something in the campaign; one only named in its text has nothing to key.
        var factions: Set<String> = [campaign.timeline.initial.controller]
        for e in events {
            if let c = e.controller { factions.insert(c) }
            factions.formUnion(e.by)
        }
        return build(
            campaign: campaign, places: places, factions: factions, contested: contested,
            besieged: besieged, uncertain: uncertain, unknown: unknown, changed: true, cut: cut, zones: zones)
    }

    /// The entries of a compact legend (small frames): the factions, what hollow and the change ring mean, the
    /// cut road and derived zones; place kinds and the split and ringed symbols are left to the full legend.
    static func compact(_ entries: [Entry]) -> [Entry] {
        entries.filter {
            switch $0 {
            case .faction, .uncertain, .changed, .cut, .zones: true
            default: false
            }
        }
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

    /// The words of an entry; a compact legend gives factions their short names.
    static func label(_ entry: Entry, campaign: Campaign, compact: Bool) -> String {
        switch entry {
        case .heading(let title): title
        case .faction(let id):
            (compact ? campaign.faction(id)?.shortName : campaign.faction(id)?.name) ?? id
        case .contested: "contested (holder | attacker)"
        case .besieged: "besieged (ring: besieger)"
        case .kind(let kind): Symbology.label(for: kind)
        case .uncertain: compact ? "hollow: inferred or reported" : "hollow: state inferred or reported"
        case .unknown: "grey hollow: no recent source"
        case .changed: compact ? "changed" : "changed since the previous frame"
        case .zones(let km):
            compact
                ? "shaded: derived, not sourced" : "shaded: ground nearest a place, ≤ \(SceneComposer.format(km)) km"
        case .hatched: "hatched: contested (attacker's colour)"
        case .front: "where zones of two sides meet"
        case .estimated: "position estimated"
        case .road:
            // A road no source traces is drawn straight between its places: the legend says so.
            campaign.gazetteer.roads.allSatisfy { $0.info.confidence == .estimate } ? "road (schematic course)" : "road"
        case .cut: "road cut (dashed)"
        }
    }
}

/// The legend's entries, fonts and panel for one composer: fixed for every frame it draws.
struct LegendBox: Sendable {
    let entries: [Legend.Entry]
    let compact: Bool
    let panel: Rect
    /// Places named in the legend rather than on the map.
    var key = PlaceKey()

    var rowHeight: Double { compact ? 17 : Legend.rowHeight }
    var headingHeight: Double { Legend.headingHeight }
    var bodySize: Double { compact ? 11.5 : 13 }

    /// The size of the panel for `entries`: its rows, and its widest text.
    static func size(
        entries: [Legend.Entry], compact: Bool, campaign: Campaign, fontFamily: String, measurer: any TextMeasurer
    ) -> (width: Double, height: Double) {
        let body = Font(family: fontFamily, size: compact ? 11.5 : 13)
        let heading = Font(family: fontFamily, size: 14, bold: true)
        var width = 0.0
        var height = Legend.padding * 2 - 6
        for e in entries {
            let text = Legend.label(e, campaign: campaign, compact: compact)
            if case .heading = e {
                height += Legend.headingHeight
                width = max(width, measurer.measure(text, font: heading).width)
            } else {
                height += compact ? 17 : Legend.rowHeight
                width = max(width, 26 + measurer.measure(text, font: body).width)
            }
        }
        return (width + 2 * Legend.padding, height)
    }

    /// The corner of the map with the least data under a panel of `size`: bottom-left unless another corner
    /// covers fewer of `points` (markers and road vertices), clear of the inset, north arrow and scale bar.
    static func corner(
        size: (width: Double, height: Double), map: Rect, avoiding taken: [Rect], points: [Point],
        order: [(right: Bool, bottom: Bool)] = [(false, true), (true, true), (false, false), (true, false)]
    ) -> Rect {
        let m = 6.0
        let left = map.x + m
        let right = map.maxX - m - size.width
        let top = map.y + m
        let bottom = map.maxY - m - size.height
        // A corner whose furniture is there moves along the edge to clear it (below the inset, above the scale bar).
        func clear(_ r: Rect, down: Bool) -> Rect {
            var r = r
            for t in taken where t.intersects(r) {
                r.y = down ? t.maxY + m : t.y - m - r.height
            }
            return r
        }
        let candidates = order.map { c in
            clear(
                Rect(x: c.right ? right : left, y: c.bottom ? bottom : top, width: size.width, height: size.height),
                down: !c.bottom)
        }.filter { r in map.contains(r) && !taken.contains { $0.intersects(r) } }
        guard !candidates.isEmpty else {
            let first = order[0]
            return Rect(
                x: first.right ? right : left, y: first.bottom ? bottom : top, width: size.width, height: size.height)
        }
        func load(_ r: Rect) -> Int { points.reduce(0) { $0 + (r.contains($1) ? 1 : 0) } }
        // The first of the least loaded: bottom-left wins ties, so a legend moves only for real data.
        var best = candidates[0]
        var bestLoad = load(best)
        for r in candidates.dropFirst() {
            let l = load(r)
            if l < bestLoad {
                best = r
                bestLoad = l
            }
        }
        return best
    }
}

extension SceneComposer {
    /// The legend: the same entries and panel on every frame (`LegendBox`).
    func legend() -> [SceneItem] {
        let entries = legendBox.entries
        let panel = legendBox.panel
        var items = [
            SceneItem(
                id: "legend:panel", layer: .legend,
                symbol: .rect(panel, fill: theme.panel, stroke: Stroke(color: theme.panelBorder, width: 1)))
        ]
        var y = panel.y + Legend.padding - 6
        let swatchX = panel.x + Legend.padding + 9
        let textX = panel.x + Legend.padding + 26
        let body = Font(family: theme.fontFamily, size: legendBox.bodySize)
        let rowHeight = legendBox.rowHeight
        func words(_ e: Legend.Entry) -> String { Legend.label(e, campaign: campaign, compact: legendBox.compact) }
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
        /// A short road in its casing, its fill as the map draws it (plain, or dashed where cut).
        func roadSwatch(_ id: String, at mid: Point, fill: Stroke) {
            let ends = [Point(x: swatchX - 10, y: mid.y), Point(x: swatchX + 10, y: mid.y)]
            items.append(
                SceneItem(
                    id: "\(id):casing", layer: .legend,
                    symbol: .polyline(points: ends, stroke: Stroke(color: theme.roadCasing, width: 6))))
            items.append(SceneItem(id: "\(id):swatch", layer: .legend, symbol: .polyline(points: ends, stroke: fill)))
        }
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
            y += rowHeight
            let mid = Point(x: swatchX, y: y - rowHeight / 2)
            let baseline = y - rowHeight / 2 + 4.5
            switch entry {
            case .heading: break
            case .faction(let id):
                marker(
                    "legend:faction:\(id):swatch",
                    Marker(shape: .circle, center: mid, radius: 7, fill: color(ofFaction: id), stroke: outline))
                text("legend:faction:\(id)", words(entry), body, textX, baseline, theme.ink)
            case .contested:
                marker(
                    "legend:contested:swatch",
                    Marker(shape: .circle, center: mid, radius: 7, fill: neutral, splitFill: theme.ink, stroke: outline)
                )
                text("legend:contested", words(entry), body, textX, baseline, theme.ink)
            case .besieged:
                marker(
                    "legend:besieged:swatch",
                    Marker(shape: .circle, center: mid, radius: 5, fill: neutral, stroke: outline, ring: theme.ink))
                text("legend:besieged", words(entry), body, textX, baseline, theme.ink)
            case .kind(let kind):
                marker(
                    "legend:kind:\(kind.rawValue):swatch",
                    Marker(
                        shape: Symbology.shape(for: kind), center: mid, radius: min(8, Symbology.radius(for: kind)),
                        fill: neutral, stroke: outline))
                text("legend:kind:\(kind.rawValue)", words(entry), body, textX, baseline, theme.ink)
            case .uncertain:
                marker(
                    "legend:uncertain:swatch",
                    Marker(shape: .circle, center: mid, radius: 7, fill: theme.ink, stroke: outline, hollow: theme.halo)
                )
                text("legend:uncertain", words(entry), body, textX, baseline, theme.ink)
            case .unknown:
                marker(
                    "legend:unknown:swatch",
                    Marker(
                        shape: .circle, center: mid, radius: 7, fill: theme.unknown, stroke: outline,
                        hollow: theme.halo))
                text("legend:unknown", words(entry), body, textX, baseline, theme.ink)
            case .changed:
                marker(
                    "legend:changed:swatch",
                    Marker(
                        shape: .circle, center: mid, radius: 5, fill: neutral, stroke: outline, highlight: theme.changed
                    ))
                text("legend:changed", words(entry), body, textX, baseline, theme.ink)
            case .zones:
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
                text("legend:zones", words(entry), body, textX, baseline, theme.ink)
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
                text("legend:hatched", words(entry), body, textX, baseline, theme.ink)
            case .front:
                let a = Point(x: swatchX - 10, y: mid.y)
                let b = Point(x: swatchX + 10, y: mid.y)
                items.append(
                    SceneItem(
                        id: "legend:front:swatch", layer: .legend,
                        symbol: .polyline(
                            points: [a, b],
                            stroke: Stroke(color: theme.routeCut.withAlpha(0.8), width: 2, dash: [6, 4]))))
                text("legend:front", words(entry), body, textX, baseline, theme.ink)
            case .estimated:
                marker(
                    "legend:estimated:swatch",
                    Marker(
                        shape: .circle, center: mid, radius: 5.5, fill: neutral,
                        stroke: Stroke(color: theme.ink, width: 1.6, dash: [2.5, 2])))
                text("legend:estimated", words(entry), body, textX, baseline, theme.ink)
            case .road:
                roadSwatch("legend:road", at: mid, fill: Stroke(color: theme.roadFill, width: 3.5))
                text("legend:road", words(entry), body, textX, baseline, theme.ink)
            case .cut:
                roadSwatch("legend:cut", at: mid, fill: Stroke(color: theme.roadCut, width: 4, dash: [7, 5]))
                text("legend:cut", words(entry), body, textX, baseline, theme.ink)
            }
        }
        if !legendBox.key.items.isEmpty {
            let top = y
            text(
                "legend:heading:key", "Also here", Font(family: theme.fontFamily, size: 14, bold: true),
                panel.x + Legend.padding, top + PlaceKey.headingHeight - 6, theme.ink)
            let font = Font(family: theme.fontFamily, size: layout.compact ? 11 : 12)
            for item in legendBox.key.items {
                text(
                    "key:\(item.placeID)", "\(item.letter) \(item.name)", font,
                    panel.x + Legend.padding + item.origin.x,
                    top + item.origin.y, theme.ink)
            }
        }
        return items
    }
}
