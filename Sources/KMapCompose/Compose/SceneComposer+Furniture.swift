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
        let when = state.instant.isEndOfDay ? day.longDescription : "\(day.longDescription), \(state.instant.time)"
        let dayNumber = campaign.dayNumber(day)
        items.append(
            text(
                "title", campaign.info.title, Font(family: theme.fontFamily, size: 26, bold: true),
                at: Point(x: 20, y: 38), theme.ink))
        let date = "\(when)  ·  day \(dayNumber)"
        let dateFont = Font(family: theme.fontFamily, size: 22)
        let dateWidth = measurer.measure(date, font: dateFont).width
        items.append(text("date", date, dateFont, at: Point(x: banner.maxX - 20 - dateWidth, y: 38), theme.ink))
        if let route = state.route, let info = campaign.info.supplyRoute {
            items += routeBanner(route, name: info.name, day: day)
        }
        items += scaleBar()
        let credits = [contextCredit(), terrainCredit()].compactMap { $0 }
        let attribution = ([campaign.info.attribution] + credits + ["made with kmap"]).joined(separator: "  ·  ")
        // Shrunk to fit a narrow frame rather than run off its left edge.
        var small = Font(family: theme.fontFamily, size: 11)
        var w = measurer.measure(attribution, font: small).width
        while w > layout.frame.width - 24, small.size > 6 {
            small.size -= 0.5
            w = measurer.measure(attribution, font: small).width
        }
        items.append(
            text(
                "attribution", attribution, small,
                at: Point(x: layout.attributionBaseline.x - w, y: layout.attributionBaseline.y), theme.mutedInk))
        return items
    }

    /// "Aleppo supply road: CUT since 22 Feb (day 2 of the cut) at Rasm al-Nafal and 2 unmapped points".
    func routeBanner(_ route: LinkState, name: String, day: Day) -> [SceneItem] {
        var names = route.cutAt.compactMap { campaign.gazetteer.place($0)?.name }
        // Points the source counts but does not name have no marker: "unmapped" says why the map shows fewer cuts.
        if route.unnamedCut > 0 {
            names.append("\(route.unnamedCut) unmapped point\(route.unnamedCut == 1 ? "" : "s")")
        }
        let text: String
        let color: Color
        switch route.phase {
        case .cut:
            let since = route.cutSince?.day ?? day
            let at = names.isEmpty ? "" : " at \(Self.list(names))"
            if route.cutFromStart {
                // Cut before the first day, on a day no source gives: counting "day N of the cut" would invent it.
                text = "\(name): CUT since the start (\(campaign.info.start.shortDescription))\(at)"
            } else {
                // "day N of the cut", not "day N": the header's day counts from the campaign's start.
                text =
                    "\(name): CUT since \(since.shortDescription) (day \(day.days(since: since) + 1) of the cut)\(at)"
            }
            color = theme.routeCut
        case .cleared:
            let since = route.clearedAt?.day ?? day
            text = "\(name): cleared \(since.shortDescription), not yet reported reopened"
            color = theme.routeCleared
        case .open:
            if let reopened = route.reopenedAt {
                text = "\(name): OPEN, reopened \(reopened.day.shortDescription)"
            } else {
                text = "\(name): OPEN"
            }
            color = theme.routeOpen
        case .unknown:
            text = "\(name): no recent source"
            color = theme.mutedInk
        }
        // Shrunk to fit narrow frames rather than clipped.
        var font = Font(family: theme.fontFamily, size: 17, bold: true)
        var m = measurer.measure(text, font: font)
        let room = Double(options.width) - 40 - 24
        if m.width > room {
            font.size = max(9, (font.size * room / m.width).rounded(.down))
            m = measurer.measure(text, font: font)
        }
        let box = Rect(x: 20, y: 52, width: m.width + 24, height: 30)
        return [
            SceneItem(id: "route:panel", layer: .furniture, symbol: .rect(box, fill: color, stroke: nil)),
            self.text("route", text, font, at: Point(x: box.x + 12, y: box.y + 21), .white),
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
        items.append(label("0", x0, "scale:label:0"))
        items.append(label(Self.format(km / 2), x0 + length / 2, "scale:label:half"))
        items.append(label("\(Self.format(km)) km", x0 + length, "scale:label:end"))
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
