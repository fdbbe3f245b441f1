import KMapModel

extension SceneComposer {
    /// Where a place's change number goes: up and left of its marker (the cut badge takes up and right).
    /// Fixed per place, so labels keep clear of it on every day.
    static func changeBadgeCenter(for place: Place, projection: Projection) -> Point {
        let p = projection.project(place.coordinate)
        let offset = Symbology.radius(for: place.kind) * 0.7 + 6
        return Point(x: p.x - offset, y: p.y - offset)
    }

    static let changeBadgeRadius = 7.5
    /// The least distance between two badges of the same number: about two badge widths.
    static let sameBadgeSpacing = 4 * changeBadgeRadius

    /// The numbers beside changed places, keyed to the side panel.
    ///
    /// In a cluster of places changed by one event (13 villages on 10 March) the same number would pile up
    /// badge on badge; a badge closer than `sameBadgeSpacing` to one of the same number is left out (its place
    /// keeps the changed ring). Badges of different numbers are always drawn: each keys its own entry.
    func changeBadges(_ changes: Changes) -> [SceneItem] {
        var drawn: [Int: [Point]] = [:]
        return visiblePlaces.compactMap { place -> [SceneItem]? in
            guard let n = changes.numbers[place.id] else { return nil }
            let c = Self.changeBadgeCenter(for: place, projection: projection)
            if drawn[n, default: []].contains(where: {
                ($0.x - c.x) * ($0.x - c.x) + ($0.y - c.y) * ($0.y - c.y) < Self.sameBadgeSpacing
                    * Self.sameBadgeSpacing
            }) {
                return nil
            }
            drawn[n, default: []].append(c)
            return numberBadge(n, at: c, id: "change:\(place.id)")
        }.flatMap { $0 }
    }

    func numberBadge(_ n: Int, at c: Point, id: String, layer: Layer = .changes) -> [SceneItem] {
        let r = Self.changeBadgeRadius
        let font = Font(family: theme.fontFamily, size: n < 10 ? 11 : 9.5, bold: true)
        let m = measurer.measure(String(n), font: font)
        let origin = Point(x: c.x - m.width / 2, y: c.y + (m.ascent - m.descent) / 2)
        return [
            SceneItem(
                id: id, layer: layer,
                symbol: .marker(
                    Marker(
                        shape: .circle, center: c, radius: r, fill: theme.changed,
                        stroke: Stroke(color: .white, width: 1.2)))),
            SceneItem(
                id: "\(id):number", layer: layer,
                symbol: .text(
                    TextItem(
                        text: String(n), origin: origin, font: font, color: .white,
                        bounds: measurer.bounds(String(n), font: font, origin: origin)))),
        ]
    }

    /// The side panel: one numbered entry per change, with the source's sentence.
    func changesPanel(_ changes: Changes) -> [SceneItem] {
        guard let panel = layout.changesPanel else { return [] }
        var items = [
            SceneItem(
                id: "changes:panel", layer: .furniture,
                symbol: .rect(panel, fill: theme.panel, stroke: Stroke(color: theme.panelBorder, width: 1)))
        ]
        let pad = 14.0
        let textX = panel.x + pad + 24
        let width = panel.maxX - pad - textX
        var y = panel.y + pad
        func line(_ id: String, _ s: String, _ font: Font, x: Double, color: Color) {
            let m = measurer.measure(s, font: font)
            y += m.ascent
            items.append(text(id, s, font, at: Point(x: x, y: y), color))
            y += m.descent + 2
        }
        let heading = Font(family: theme.fontFamily, size: 16, bold: true)
        let title = Font(family: theme.fontFamily, size: 13.5, bold: true)
        let quote = Font(family: theme.fontFamily, size: 12.5, italic: true)
        let small = Font(family: theme.fontFamily, size: 11)
        line(
            "changes:heading",
            changes.since.map { "Changes since \($0.isEndOfDay ? $0.day.shortDescription : $0.description)" }
                ?? "Changes", heading, x: panel.x + pad, color: theme.ink)
        y += 6
        if changes.entries.isEmpty {
            // Evidence older than the campaign's staleAfter changes a place to unknown without an event.
            let aged = changes.changedPlaces.count
            let none =
                aged == 0
                ? "No change in control."
                : "No event. \(aged) place\(aged == 1 ? "" : "s") no source has spoken of recently: now unknown."
            for (k, l) in wrap(none, font: quote, width: panel.width - 2 * pad).enumerated() {
                line(k == 0 ? "changes:none" : "changes:none:\(k)", l, quote, x: panel.x + pad, color: theme.mutedInk)
            }
            return items
        }
        let bottom = panel.maxY - pad
        // A sentence that carries several events is quoted once; later entries point back to it.
        var quotedBy: [String: Int] = [:]
        for (i, entry) in changes.entries.enumerated() {
            let e = entry.event
            let titleLines = wrap(headline(e), font: title, width: width)
            var quoteLines: [String]
            if let first = quotedBy[e.quote] {
                quoteLines = ["The same sentence as \(first)."]
            } else {
                quotedBy[e.quote] = entry.number
                let allQuoteLines = wrap("“\(e.quote)”", font: quote, width: width)
                quoteLines = Array(allQuoteLines.prefix(4))
                // The fourth line shortened to leave room for the ellipsis that says the quote goes on.
                if allQuoteLines.count > 4 {
                    quoteLines[3] = wrap(quoteLines[3], font: quote, width: width - 14).first! + " …"
                }
            }
            let needed = Double(titleLines.count) * 18 + Double(quoteLines.count) * 17 + 48
            if y + needed > bottom {
                let rest = changes.entries.count - i
                line(
                    "changes:more", "+\(rest) more: kmap timeline --from \(e.day)", small, x: panel.x + pad,
                    color: theme.mutedInk)
                break
            }
            let top = y
            for (k, l) in titleLines.enumerated() {
                line("changes:\(entry.number):title:\(k)", l, title, x: textX, color: theme.ink)
            }
            items += numberBadge(
                entry.number, at: Point(x: panel.x + pad + 9, y: top + 9), id: "changes:\(entry.number):badge",
                layer: .legend)
            for (k, l) in quoteLines.enumerated() {
                line("changes:\(entry.number):quote:\(k)", l, quote, x: textX, color: theme.ink)
            }
            let when = e.timeWords
            let source =
                "\(e.day.shortDescription), \(when) · \(e.confidence.rawValue) · \(campaign.info.source(e.source)?.title ?? e.source)"
            for (k, l) in wrap(source, font: small, width: width).enumerated() {
                line("changes:\(entry.number):source:\(k)", l, small, x: textX, color: theme.mutedInk)
            }
            y += 8
        }
        return items
    }

    func headline(_ e: Event) -> String { Headline.of(e, in: campaign) }

    func wrap(_ s: String, font: Font, width: Double) -> [String] { measurer.wrap(s, font: font, width: width) }
}
