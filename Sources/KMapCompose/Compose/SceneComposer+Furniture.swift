import KMapModel

extension SceneComposer {
    /// Title banner with the date and day counter, the supply route's status, the scale bar, the attribution.
    func furniture(_ state: ControlState) -> [SceneItem] {
        var items: [SceneItem] = []
        let banner = layout.banner
        items.append(
            SceneItem(
                id: "banner:panel", layer: .furniture,
                symbol: .rect(banner, fill: theme.panel.withAlpha(1), stroke: nil)))
        items.append(
            SceneItem(
                id: "banner:rule", layer: .furniture,
                symbol: .polyline(
                    points: [Point(x: 0, y: banner.maxY - 0.5), Point(x: banner.maxX, y: banner.maxY - 0.5)],
                    stroke: Stroke(color: theme.panelBorder, width: 1))))
        let day = state.instant.day
        let longDate = layout.compact ? "\(day.shortDescription) \(day.components.year)" : day.longDescription
        let when = state.instant.isEndOfDay ? longDate : "\(longDate), \(state.instant.time)"
        let date = "\(when)  ·  day \(campaign.dayNumber(day))"
        let dateFont = Font(family: theme.fontFamily, size: layout.compact ? 16 : 22)
        let dateWidth = measurer.measure(date, font: dateFont).width
        let baseline = layout.compact ? 28.0 : 38.0
        items.append(text("date", date, dateFont, at: Point(x: banner.maxX - 20 - dateWidth, y: baseline), theme.ink))
        // The title shrinks rather than run into the date.
        var titleFont = Font(family: theme.fontFamily, size: layout.compact ? 20 : 26, bold: true)
        let room = banner.width - 20 - dateWidth - 20 - 24
        let titleWidth = measurer.measure(campaign.info.title, font: titleFont).width
        if titleWidth > room {
            titleFont.size = max(9, (titleFont.size * room / titleWidth * 10).rounded(.down) / 10)
        }
        items.append(text("title", campaign.info.title, titleFont, at: Point(x: 20, y: baseline), theme.ink))
        if let route = state.route, let info = campaign.info.supplyRoute {
            items += routeBanner(route, name: info.name, day: day)
        }
        items += scaleBar()
        let credits = [contextCredit(), terrainCredit()].compactMap { $0 }
        let attribution = ([campaign.info.attribution] + credits + ["made with kmap"]).joined(separator: "  ·  ")
        items += attributionLines(attribution)
        return items
    }

    /// The attribution, right-aligned at the foot of the frame: one line, or on a compact frame two lines split
    /// at a " · " near the middle, shrunk only as far as needed to fit.
    func attributionLines(_ attribution: String) -> [SceneItem] {
        var lines = [attribution]
        var small = Font(family: theme.fontFamily, size: 11)
        // A little slack: text drawn at the frame's scale is not exactly the measured width scaled.
        let room = (layout.frame.width - 24) * 0.97
        if layout.compact, measurer.measure(attribution, font: small).width > room {
            let parts = attribution.components(separatedBy: "  ·  ")
            let split =
                (1..<max(2, parts.count)).min { a, b in
                    abs(parts[..<a].joined(separator: "  ·  ").count - attribution.count / 2)
                        < abs(parts[..<b].joined(separator: "  ·  ").count - attribution.count / 2)
                } ?? 1
            lines = [parts[..<split].joined(separator: "  ·  "), parts[split...].joined(separator: "  ·  ")]
            small.size = 9.5
        }
        while small.size > 5, lines.contains(where: { measurer.measure($0, font: small).width > room }) {
            small.size -= 0.5
        }
        return lines.enumerated().map { k, line in
            let w = measurer.measure(line, font: small).width
            let y = layout.attributionBaseline.y - Double(lines.count - 1 - k) * (small.size + 2)
            return text(
                k == 0 ? "attribution" : "attribution:\(k)", line, small,
                at: Point(x: layout.attributionBaseline.x - w, y: y),
                theme.mutedInk)
        }
    }

    /// "✕ Aleppo supply road CUT at Rasm al-Nafal and 2 unnamed points along it, since 21 Feb (day 2 of the cut)".
    ///
    /// The mark before the words (✕ cut, ✓ open) says the state without its colour; the box spans the banner
    /// on every frame, so it does not jump in an animation.
    func routeBanner(_ route: LinkState, name: String, day: Day) -> [SceneItem] {
        var names = route.cutAt.compactMap { campaign.gazetteer.place($0)?.name }
        // Points the source counts but does not name have no marker.
        if route.unnamedCut > 0 {
            let n = route.unnamedCut
            names.append("\(n) unnamed point\(n == 1 ? "" : "s") along it")
        }
        let text: String
        let color: Color
        switch route.phase {
        case .cut:
            let since = route.cutSince?.day ?? day
            let at = names.isEmpty ? "" : " at \(Self.list(names))"
            if route.cutFromStart {
                // Cut before the first day, on a day no source gives: counting "day N of the cut" would invent it.
                text = "✕ \(name) CUT\(at), since the start (\(dayText(campaign.info.start)))"
            } else {
                // "day N of the cut", not "day N": the header's day counts from the campaign's start.
                text = "✕ \(name) CUT\(at), since \(dayText(since)) (day \(day.days(since: since) + 1) of the cut)"
            }
            color = theme.routeCut
        case .cleared:
            let since = route.clearedAt?.day ?? day
            text = "◐ \(name): cleared \(dayText(since)), not yet reported reopened"
            color = theme.routeCleared
        case .open:
            if let reopened = route.reopenedAt {
                text = "✓ \(name) OPEN, reopened \(dayText(reopened.day))"
            } else {
                text = "✓ \(name) OPEN"
            }
            color = theme.routeOpen
        case .unknown:
            text = "? \(name): no recent source"
            color = theme.mutedInk
        }
        // Shrunk to fit narrow frames rather than clipped.
        var font = Font(family: theme.fontFamily, size: layout.compact ? 13 : 17, bold: true)
        var m = measurer.measure(text, font: font)
        let room = layout.banner.width - 40 - 24
        if m.width > room {
            font.size = max(7, (font.size * room / m.width * 10).rounded(.down) / 10)
            m = measurer.measure(text, font: font)
        }
        let top = layout.compact ? 38.0 : 52.0
        let height = layout.compact ? 24.0 : 30.0
        let box = Rect(x: 20, y: top, width: layout.banner.width - 40, height: height)
        let baseline = box.y + (height + m.ascent - m.descent) / 2
        return [
            SceneItem(id: "route:panel", layer: .furniture, symbol: .rect(box, fill: color, stroke: nil)),
            self.text("route", text, font, at: Point(x: box.x + 12, y: baseline), .white),
        ]
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// A bar of four segments whose length is a round number of kilometres.
    func scaleBar() -> [SceneItem] {
        let panel = layout.scalePanel
        let maxPx = panel.width - 50
        let km = [1.0, 2, 5, 10, 20, 25, 50, 100, 200, 500].last { $0 * projection.pixelsPerKm <= maxPx } ?? 1
        let length = km * projection.pixelsPerKm
        var items = [
            SceneItem(
                id: "scale:panel", layer: .furniture,
                symbol: .rect(panel, fill: theme.panel, stroke: Stroke(color: theme.panelBorder, width: 1)))
        ]
        let x0 = panel.x + 16
        let y0 = panel.y + 30
        for i in 0..<4 {
            let seg = Rect(x: x0 + Double(i) * length / 4, y: y0, width: length / 4, height: 8)
            items.append(
                SceneItem(
                    id: "scale:segment:\(i)", layer: .furniture,
                    symbol: .rect(
                        seg, fill: i % 2 == 0 ? theme.ink : .white, stroke: Stroke(color: theme.ink, width: 1))))
        }
        let font = Font(family: theme.fontFamily, size: 12)
        func label(_ s: String, _ x: Double, _ id: String) -> SceneItem {
            let w = measurer.measure(s, font: font).width
            return text(id, s, font, at: Point(x: x - w / 2, y: y0 - 6), theme.ink)
        }
        let half = Self.format(km / 2)
        let end = "\(Self.format(km)) km"
        items.append(label("0", x0, "scale:label:0"))
        // On a short bar the middle value would run into its neighbours ("12.525 km"): the ends say enough.
        let room = length / 2 - (measurer.measure(half, font: font).width + measurer.measure(end, font: font).width) / 2
        if room >= 6 { items.append(label(half, x0 + length / 2, "scale:label:half")) }
        items.append(label(end, x0 + length, "scale:label:end"))
        return items
    }

    /// The scale bar's length in kilometres and pixels, for tests.
    public var scaleBarLength: (km: Double, pixels: Double)? {
        for item in scaleBar() {
            if item.id == "scale:segment:3", case .rect(let r, _, _) = item.symbol,
                let first = scaleBar().first(where: { $0.id == "scale:segment:0" }),
                case .rect(let r0, _, _) = first.symbol
            {
                let px = r.maxX - r0.x
                return (px / projection.pixelsPerKm, px)
            }
        }
        return nil
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }

    func text(_ id: String, _ s: String, _ font: Font, at origin: Point, _ color: Color, halo: Color? = nil)
        -> SceneItem
    {
        SceneItem(
            id: id, layer: .furniture,
            symbol: .text(
                TextItem(
                    text: s, origin: origin, font: font, color: color, halo: halo,
                    bounds: measurer.bounds(s, font: font, origin: origin))))
    }
}
