import KMapModel

extension SceneComposer {
    /// Where a place's change badge goes first: up and left of its marker (the cut badge takes up and right).
    /// Labels keep clear of this slot on every day, so the first choice is usually free.
    static func changeBadgeCenter(for place: Place, positions: MarkerPositions) -> Point {
        let p = positions.point(place)
        let offset = Symbology.radius(for: place.kind) * 0.7 + 6
        return Point(x: p.x - offset, y: p.y - offset)
    }

    static let changeBadgeRadius = 7.5

    /// The numbers beside changed places, keyed to the panel: one badge per place listing all its numbers
    /// ("1,3"), in the first slot round its marker that is clear of other markers, labels, leaders, badges and
    /// furniture. Nothing when the panel could not list the changes (`numbered` false): the rings remain.
    func changeBadges(_ changes: Changes, numbered: Bool) -> [SceneItem] {
        guard numbered else { return [] }
        var placed = RectGrid(cellSize: 32)
        var items: [SceneItem] = []
        func badge(_ numbers: [Int], id: String, own: Rect?, slots: (Double, Double) -> [Rect]) {
            let text = numbers.map(String.init).joined(separator: ",")
            let font = Font(family: theme.fontFamily, size: text.count == 1 ? 11 : 9.5, bold: true)
            let m = measurer.measure(text, font: font)
            let h = 2 * Self.changeBadgeRadius
            let w = text.count == 1 ? h : max(h, m.width + 8)
            let candidates = slots(w, h)
            let box =
                candidates.first { b in
                    !(own.map { badgeObstacles.intersectsAny(b, ignoring: $0) } ?? badgeObstacles.intersectsAny(b))
                        && !placed.intersectsAny(b)
                } ?? candidates[0]
            placed.insert(box)
            items += numberBadge(text, font: font, metrics: m, in: box, id: id)
        }
        for place in visiblePlaces {
            guard let numbers = changes.numbers[place.id] else { continue }
            badge(numbers, id: "change:\(place.id)", own: markerBounds[visibleByID[place.id]!]) { w, h in
                Self.badgeSlots(for: place, positions: markerPositions, width: w, height: h)
            }
        }
        // Points on a road that no place stands for: the badge goes on the road, beside its middle in frame.
        for (road, numbers) in changes.roadNumbers.sorted(by: { $0.key < $1.key }) {
            guard let p = roadAnchors[road] else { continue }
            badge(numbers, id: "change:road:\(road)", own: nil) { w, h in
                [(1.0, -1.0), (-1, -1), (1, 1), (-1, 1)].map { (sx, sy) in
                    Rect(x: p.x + sx * (w / 2 + 5) - w / 2, y: p.y + sy * (h / 2 + 5) - h / 2, width: w, height: h)
                }
            }
        }
        return items
    }

    /// Candidate boxes for a badge of `width` round a place's marker, best first: up-left (the reserved slot),
    /// up-right, left, right, down-left, down-right, above, below.
    static func badgeSlots(for place: Place, positions: MarkerPositions, width w: Double, height h: Double) -> [Rect] {
        let p = positions.point(place)
        let r = Symbology.radius(for: place.kind)
        let diagonal = r * 0.7 + 6
        let nw = changeBadgeCenter(for: place, positions: positions)
        let centres = [
            Point(x: nw.x - (w - h) / 2, y: nw.y),
            Point(x: p.x + diagonal + (w - h) / 2, y: p.y - diagonal),
            Point(x: p.x - r - 4 - w / 2, y: p.y),
            Point(x: p.x + r + 4 + w / 2, y: p.y),
            Point(x: p.x - diagonal - (w - h) / 2, y: p.y + diagonal),
            Point(x: p.x + diagonal + (w - h) / 2, y: p.y + diagonal),
            Point(x: p.x, y: p.y - r - 4 - h / 2),
            Point(x: p.x, y: p.y + r + 4 + h / 2),
        ]
        return centres.map { Rect(x: $0.x - w / 2, y: $0.y - h / 2, width: w, height: h) }
    }

    /// A badge: a disc for one number, a box for several ("1,3").
    func numberBadge(
        _ text: String, font: Font, metrics m: TextMetrics, in box: Rect, id: String, layer: Layer = .changes
    )
        -> [SceneItem]
    {
        let c = box.center
        let origin = Point(x: c.x - m.width / 2, y: c.y + (m.ascent - m.descent) / 2)
        let shape: Symbol =
            box.width <= box.height + 0.5
            ? .marker(
                Marker(
                    shape: .circle, center: c, radius: box.height / 2, fill: theme.changed,
                    stroke: Stroke(color: .white, width: 1.2)))
            : .rect(box, fill: theme.changed, stroke: Stroke(color: .white, width: 1.2))
        return [
            SceneItem(id: id, layer: layer, symbol: shape),
            SceneItem(
                id: "\(id):number", layer: layer,
                symbol: .text(
                    TextItem(
                        text: text, origin: origin, font: font, color: .white,
                        bounds: measurer.bounds(text, font: font, origin: origin)))),
        ]
    }

    /// A numbered badge at `c`, for the panel's entries.
    func numberBadge(_ n: Int, at c: Point, id: String, layer: Layer = .changes) -> [SceneItem] {
        let font = Font(family: theme.fontFamily, size: n < 10 ? 11 : 9.5, bold: true)
        let r = Self.changeBadgeRadius
        return numberBadge(
            String(n), font: font, metrics: measurer.measure(String(n), font: font),
            in: Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r), id: id, layer: layer)
    }

    /// The panel saying what changed: a one-line summary of the day, then short numbered entries keyed to the
    /// badges. Full quotes stay in the entries' titles (SVG tooltips), `explain` and reports.
    ///
    /// The box is as tall as its text: on a day with no change it folds to one line. When the entries do not fit
    /// (or the frame is compact) only the summary is shown and `numbered` is false, so no badge is left without
    /// its entry.
    func changesPanel(_ changes: Changes) -> (items: [SceneItem], numbered: Bool) {
        guard let room = layout.changesPanel else { return ([], false) }
        let pad = layout.compact ? 8.0 : 14.0
        let width = room.width - 2 * pad
        let heading = Font(family: theme.fontFamily, size: layout.compact ? 12 : 15, bold: true)
        let body = Font(family: theme.fontFamily, size: layout.compact ? 12 : 14)
        let title = Font(family: theme.fontFamily, size: 13, bold: true)
        let small = Font(family: theme.fontFamily, size: 11)
        let since = changes.since.map { $0.isEndOfDay ? dayText($0.day) : "\(dayText($0.day)), \($0.time)" }

        var lines: [PanelLine] = []
        func add(
            _ id: String, _ s: String, _ font: Font, width w: Double? = nil, indent: Bool = false, color: Color? = nil,
            title: String? = nil
        ) {
            for (k, l) in wrap(s, font: font, width: w ?? width).enumerated() {
                lines.append(
                    PanelLine(
                        id: k == 0 ? id : "\(id):\(k)", text: l, font: font, indent: indent, color: color ?? theme.ink,
                        title: k == 0 ? title : nil))
            }
        }
        let summary = self.summary(changes)
        let headingText =
            summary == nil
            ? (since.map { "No change in control since \($0)" } ?? "No change in control")
            : (since.map { "Since \($0)" } ?? "Changes")
        if layout.compact {
            add("changes:heading", summary.map { "\(headingText): \($0)" } ?? headingText, body)
            // The strip holds two lines: on a busier day the second ends the summary with an ellipsis.
            if lines.count > 2 {
                lines.removeLast(lines.count - 2)
                var words = lines[1].text.split(separator: " ")
                while words.count > 1, measurer.measure(words.joined(separator: " ") + " …", font: body).width > width {
                    words.removeLast()
                }
                lines[1].text = words.joined(separator: " ") + " …"
            }
        } else {
            add("changes:heading", headingText, heading)
            if let summary { add("changes:summary", summary, body) }
        }
        let header = lines
        // Entries in two columns where the panel is a wide strip (portrait frames), else one.
        let columns = room.width >= 700 ? 2 : 1
        let gutter = 20.0
        let columnWidth = (width - Double(columns - 1) * gutter) / Double(columns)
        var blocks: [(badge: Int, lines: [PanelLine])] = []
        var numbered = false
        if !layout.compact, !changes.entries.isEmpty {
            let primary = primarySource
            // The tallest column is at least the average one: once the entries so far pass that, they cannot fit,
            // and a day of a hundred events is not measured word by word to find out.
            let space = room.height - Self.height(of: header) - 4 - 2 * pad
            // Every entry takes at least a line of its title: too many entries for that are not measured at all.
            let shortest = title.size * 1.25 + 3 + 6
            let mayFit = Double(changes.entries.count) * shortest / Double(columns) <= space
            for withDetail in [true, false] where mayFit {
                blocks = []
                var total = 0.0
                for (k, entry) in changes.entries.enumerated() where total / Double(columns) <= space {
                    let e = entry.event
                    let key = entry.number.map(String.init) ?? "offmap:\(k)"
                    lines = []
                    let quote = "“\(e.quote)” (\(campaign.info.source(e.source)?.title ?? e.source))"
                    let words = headline(e) + (entry.number == nil ? " (off the map)" : "")
                    add("changes:\(key):title", words, title, width: columnWidth - 24, indent: true, title: quote)
                    if withDetail {
                        var detail: [String] = []
                        if e.time != nil || e.when != nil { detail.append(e.timeWords) }
                        if e.source != primary { detail.append(campaign.info.source(e.source)?.title ?? e.source) }
                        if !detail.isEmpty {
                            add(
                                "changes:\(key):detail", detail.joined(separator: " · "), small,
                                width: columnWidth - 24, indent: true, color: theme.mutedInk)
                        }
                    }
                    blocks.append((entry.number ?? 0, lines))
                    total += Self.height(of: lines) + 6
                }
                let split = Self.columns(blocks.map { Self.height(of: $0.lines) + 6 }, count: columns)
                if blocks.count == changes.entries.count, split.height <= space {
                    numbered = true
                    break
                }
            }
            if !numbered {
                blocks = []
                lines = []
                add(
                    "changes:more", "\(changes.entries.count) sourced events; the places they changed are ringed.",
                    small, width: width, color: theme.mutedInk)
                blocks.append((-1, lines))
            }
        }
        // Lay the header out, then each column's entries; the box is as tall as the text.
        var items: [SceneItem] = []
        func put(_ line: PanelLine, x: Double, y: inout Double) {
            let m = measurer.measure(line.text, font: line.font)
            y += m.ascent
            var item = text(line.id, line.text, line.font, at: Point(x: x + (line.indent ? 24 : 0), y: y), line.color)
            item.title = line.title
            items.append(item)
            y += m.descent + 3
        }
        var y = room.y + pad
        for (i, line) in header.enumerated() {
            put(line, x: room.x + pad, y: &y)
            if i == 0, !layout.compact { y += 4 }
        }
        let top = y
        var bottom = y
        let split = Self.columns(blocks.map { Self.height(of: $0.lines) + 6 }, count: columns)
        for (b, block) in blocks.enumerated() {
            let column = split.column[b]
            if b > 0, split.column[b - 1] != column { y = top }
            let x = room.x + pad + Double(column) * (columnWidth + gutter)
            y += 6
            let c = Point(x: x + 9, y: y + 9)
            if block.badge > 0 {
                items += numberBadge(block.badge, at: c, id: "changes:\(block.badge):badge", layer: .legend)
            } else if block.badge == 0 {
                // An entry with nothing on the map: a plain bullet, no number to look for.
                items.append(
                    SceneItem(
                        id: "changes:bullet:\(b)", layer: .legend,
                        symbol: .marker(
                            Marker(
                                shape: .circle, center: c, radius: 3, fill: theme.mutedInk,
                                stroke: Stroke(color: theme.mutedInk, width: 0.5)))))
            }
            for line in block.lines { put(line, x: x, y: &y) }
            bottom = max(bottom, y)
        }
        let height = min(room.height, bottom - room.y + pad - 3)
        // A strip under the map keeps its box at the bottom, next to the footer; a side panel hangs from the top.
        let strip = layout.compact || layout.portrait
        let box = Rect(x: room.x, y: strip ? room.maxY - height : room.y, width: room.width, height: height)
        if strip, height < room.height {
            let dy = room.maxY - height - room.y
            items = items.map { $0.translated(dy: dy) }
        }
        items.insert(
            SceneItem(
                id: "changes:panel", layer: .furniture,
                symbol: .rect(box, fill: theme.panel, stroke: Stroke(color: theme.panelBorder, width: 1))), at: 0)
        return (items, numbered)
    }

    /// The height `lines` take.
    static func height(of lines: [PanelLine]) -> Double {
        lines.reduce(0) { $0 + $1.font.size * 1.25 + 3 }
    }

    /// Blocks of `heights` split into `count` columns in order, as evenly as whole blocks allow: each block's
    /// column, and the tallest column's height.
    static func columns(_ heights: [Double], count: Int) -> (column: [Int], height: Double) {
        let total = heights.reduce(0, +)
        let target = total / Double(count)
        var column: [Int] = []
        var current = 0
        var filled = 0.0
        var tallest = 0.0
        for h in heights {
            if current < count - 1, filled > 0, filled + h / 2 > target {
                current += 1
                filled = 0
            }
            column.append(current)
            filled += h
            tallest = max(tallest, filled)
        }
        return (column, tallest)
    }

    /// The source most events cite: the panel names only the others, instead of repeating it on every line.
    static func primarySource(of campaign: Campaign) -> String? {
        var count: [String: Int] = [:]
        for e in campaign.timeline.events { count[e.source, default: 0] += 1 }
        return count.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// "ISIL takes 8 places; Aleppo supply road cut": the day in one line, from the numbered entries.
    func summary(_ changes: Changes) -> String? {
        func short(_ id: String) -> String { campaign.faction(id)?.shortName ?? id }
        func name(_ id: String) -> String { campaign.gazetteer.place(id)?.name ?? id }
        var takes: [(faction: String, named: [String], unnamed: Int)] = []
        var contested: [String] = []
        var besieged: [(by: [String], places: [String])] = []
        // Anything else (a siege lifted, a place taken while still contested) in its entry's own words.
        var others: [String] = []
        for entry in changes.entries where entry.event.traffic == nil {
            let e = entry.event
            switch (e.controller, e.status) {
            case (let c?, nil), (let c?, .held?):
                if let i = takes.firstIndex(where: { $0.faction == c }) {
                    takes[i].named += entry.places.filter { !takes[i].named.contains($0) }
                    takes[i].unnamed += e.unnamed
                } else {
                    takes.append((c, entry.places, e.unnamed))
                }
            case (nil, .contested?): contested += entry.places.filter { !contested.contains($0) }
            case (nil, .besieged?): besieged.append((e.by, entry.places))
            default:
                let words = Headline.what(e, in: campaign)
                if !others.contains(words) { others.append(words) }
            }
        }
        var parts: [String] = []
        for t in takes {
            let count = t.named.count + t.unnamed
            if t.unnamed == 0, t.named.count <= 2 {
                parts.append("\(short(t.faction)) takes \(Self.list(t.named.map(name)))")
            } else {
                parts.append("\(short(t.faction)) takes \(count) places")
            }
        }
        if !contested.isEmpty {
            parts.append(
                contested.count <= 2
                    ? "fighting in \(Self.list(contested.map(name)))" : "fighting in \(contested.count) places")
        }
        for b in besieged where !b.places.isEmpty {
            parts.append(
                "\(Self.list(b.by.map(short))) besiege\(b.by.count == 1 ? "s" : "") \(Self.list(b.places.map(name)))")
        }
        parts += others
        for road in changes.roads {
            switch road.phase {
            case .cut: parts.append("\(road.name) cut")
            case .open: parts.append("\(road.name) reopened")
            case .cleared: parts.append("\(road.name) cleared, not yet reported reopened")
            case .unknown: parts.append("\(road.name): no recent source")
            }
        }
        if changes.entries.isEmpty, !changes.changedPlaces.isEmpty {
            let n = changes.changedPlaces.count
            parts.append("\(n) place\(n == 1 ? "" : "s") no source has spoken of recently: now unknown")
        }
        guard let first = parts.first else { return nil }
        parts[0] = first.prefix(1).uppercased() + first.dropFirst()
        return parts.joined(separator: "; ")
    }

    func headline(_ e: Event) -> String { Headline.of(e, in: campaign) }

    func wrap(_ s: String, font: Font, width: Double) -> [String] { measurer.wrap(s, font: font, width: width) }

    /// A date as the frame writes it: "22 Feb", with the year when the campaign spans more than one.
    func dayText(_ day: Day) -> String {
        campaign.info.start.components.year == campaign.info.end.components.year
            ? day.shortDescription : "\(day.shortDescription) \(day.components.year)"
    }
}

/// One line of the changes panel.
struct PanelLine {
    var id: String
    var text: String
    var font: Font
    var indent: Bool
    var color: Color
    var title: String?
}
