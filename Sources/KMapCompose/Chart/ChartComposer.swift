import KMapModel

/// A chart of a campaign over time: the supply route's status per day, and how many places each faction held.
///
/// Built as a `Scene`, so it is drawn by the same backends as the maps (PNG, PDF, SVG with real text).
public struct ChartComposer: Sendable {
    public let campaign: Campaign
    public let theme: Theme
    public let first: Day
    public let last: Day
    public let width: Double
    public let height: Double
    let measurer: any TextMeasurer

    /// One day's numbers.
    public struct DayFigures: Sendable, Hashable {
        public var day: Day
        /// Places held, by faction id, in the campaign's faction order.
        public var held: [String: Int]
        public var route: LinkPhase?
    }

    public init(
        campaign: Campaign, theme: Theme = .standard, from first: Day, to last: Day, width: Double = 1200,
        height: Double = 420, measurer: any TextMeasurer
    ) {
        self.campaign = campaign
        self.theme = theme
        self.first = first
        self.last = last
        self.width = width
        self.height = height
        self.measurer = measurer
    }

    /// The figures for every day in the range.
    public func figures() -> [DayFigures] {
        (0...last.days(since: first)).map { i in
            let day = first.adding(days: i)
            let state = campaign.timeline.state(at: .endOf(day))
            var held: [String: Int] = [:]
            for p in state.places { held[p.controller, default: 0] += 1 }
            return DayFigures(day: day, held: held, route: state.route?.phase)
        }
    }

    func color(_ faction: String) -> Color {
        theme.color(ofFaction: faction, in: campaign)
    }

    public func scene() -> Scene {
        let data = figures()
        var items: [SceneItem] = []
        func text(
            _ id: String, _ s: String, _ font: Font, _ x: Double, _ y: Double, _ c: Color, anchorEnd: Bool = false,
            centred: Bool = false
        ) {
            let w = measurer.measure(s, font: font).width
            let origin = Point(x: anchorEnd ? x - w : centred ? x - w / 2 : x, y: y)
            items.append(
                SceneItem(
                    id: id, layer: .furniture,
                    symbol: .text(
                        TextItem(
                            text: s, origin: origin, font: font, color: c,
                            bounds: measurer.bounds(s, font: font, origin: origin)))))
        }
        let body = Font(family: theme.fontFamily, size: 12)
        let left = 60.0
        let right = width - 20
        let top = 48.0
        let strip = Rect(x: left, y: top + 16, width: right - left, height: 18)
        let plot = Rect(x: left, y: strip.maxY + 34, width: right - left, height: height - strip.maxY - 34 - 56)
        let n = Double(data.count)
        let dx = plot.width / n
        text(
            "chart:title", "\(campaign.info.title): \(first.longDescription) to \(last.longDescription)",
            Font(family: theme.fontFamily, size: 17, bold: true), left, 26, theme.ink)

        // The route strip: one segment per run of the same phase, a cut hatched so it reads without colour.
        if campaign.info.supplyRoute != nil {
            text("chart:route:label", campaign.info.supplyRoute!.name, body, left, strip.y - 4, theme.ink)
            var start = 0
            for i in 1...data.count where i == data.count || data[i].route != data[start].route {
                let phase = data[start].route ?? .open
                let c =
                    phase == .cut
                    ? theme.routeCut
                    : phase == .cleared ? theme.routeCleared : phase == .unknown ? theme.mutedInk : theme.routeOpen
                let r = Rect(
                    x: left + Double(start) * dx, y: strip.y, width: Double(i - start) * dx, height: strip.height)
                items.append(
                    SceneItem(
                        id: "chart:route:\(data[start].day)", layer: .roads, symbol: .rect(r, fill: c, stroke: nil),
                        title: "\(data[start].day) to \(data[i - 1].day): \(phase.rawValue)"))
                if phase == .cut { items += hatch(r, id: "chart:route:\(data[start].day)") }
                start = i
            }
        }

        // Stacked areas of places held, in the campaign's faction order, as step functions.
        let total = Double(campaign.gazetteer.places.count)
        let y = { (v: Double) in plot.maxY - v / max(total, 1) * plot.height }
        var below = Array(repeating: 0.0, count: data.count)
        for faction in campaign.factions.map(\.id) where data.contains(where: { ($0.held[faction] ?? 0) > 0 }) {
            var upper: [Point] = []
            var lower: [Point] = []
            var above = below
            for (i, d) in data.enumerated() {
                above[i] = below[i] + Double(d.held[faction] ?? 0)
                let x0 = plot.x + Double(i) * dx
                let x1 = x0 + dx
                upper += [Point(x: x0, y: y(above[i])), Point(x: x1, y: y(above[i]))]
                lower += [Point(x: x0, y: y(below[i])), Point(x: x1, y: y(below[i]))]
            }
            items.append(
                SceneItem(
                    id: "chart:held:\(faction)", layer: .zones,
                    symbol: .polygon(
                        rings: [upper + lower.reversed()], fill: color(faction).withAlpha(0.85), stroke: nil),
                    title: "places held by \(campaign.faction(faction)?.name ?? faction)"))
            below = above
        }
        // Axes and ticks.
        items.append(
            SceneItem(
                id: "chart:axis", layer: .furniture,
                symbol: .polyline(
                    points: [
                        Point(x: plot.x, y: plot.y), Point(x: plot.x, y: plot.maxY), Point(x: plot.maxX, y: plot.maxY),
                    ], stroke: Stroke(color: theme.ink, width: 1))))
        // About five ticks at a round step.
        let tick = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].first { Double($0) * 5 >= total } ?? 10000
        for v in stride(from: 0, through: Int(total), by: tick) {
            text("chart:y:\(v)", String(v), body, plot.x - 6, y(Double(v)) + 4, theme.mutedInk, anchorEnd: true)
            items.append(
                SceneItem(
                    id: "chart:grid:\(v)", layer: .water,
                    symbol: .polyline(
                        points: [Point(x: plot.x, y: y(Double(v))), Point(x: plot.maxX, y: y(Double(v)))],
                        stroke: Stroke(color: theme.mutedInk.withAlpha(0.3), width: 0.5))))
        }
        text("chart:y:label", "named places held", body, 8, plot.y - 8, theme.mutedInk)
        let step = max(1, Int((n / 10).rounded(.up)))
        for (i, d) in data.enumerated() where i % step == 0 || i == data.count - 1 {
            let x = plot.x + (Double(i) + 0.5) * dx
            text("chart:x:\(d.day)", d.day.shortDescription, body, x, plot.maxY + 16, theme.mutedInk, centred: true)
        }
        // Legend.
        var lx = left
        let legendY = height - 14
        for faction in campaign.factions.map(\.id) where data.contains(where: { ($0.held[faction] ?? 0) > 0 }) {
            items.append(
                SceneItem(
                    id: "chart:legend:\(faction):swatch", layer: .legend,
                    symbol: .rect(
                        Rect(x: lx, y: legendY - 10, width: 12, height: 12), fill: color(faction), stroke: nil)))
            let name = campaign.faction(faction)?.name ?? faction
            text("chart:legend:\(faction)", name, body, lx + 16, legendY, theme.ink)
            lx += 16 + measurer.measure(name, font: body).width + 18
        }
        // A campaign without a supply route (Kharkiv 2022) has no road to key.
        let roadKey: [(String, String, Color)] =
            campaign.info.supplyRoute == nil
            ? []
            : [
                ("open", "road open", theme.routeOpen), ("cut", "cut (hatched)", theme.routeCut),
                ("cleared", "cleared, not yet reopened", theme.routeCleared),
            ]
        for (id, label, c) in roadKey {
            let swatch = Rect(x: lx, y: legendY - 10, width: 12, height: 12)
            items.append(
                SceneItem(id: "chart:legend:\(id):swatch", layer: .legend, symbol: .rect(swatch, fill: c, stroke: nil)))
            if id == "cut" { items += hatch(swatch, id: "chart:legend:cut:swatch", layer: .legend) }
            text("chart:legend:\(id)", label, body, lx + 16, legendY, theme.ink)
            lx += 16 + measurer.measure(label, font: body).width + 18
        }
        items.sort { $0.layer < $1.layer }
        return Scene(
            width: width, height: height, background: theme.background, items: items,
            title: campaign.info.supplyRoute == nil
                ? "\(campaign.info.title): control, \(first) to \(last)"
                : "\(campaign.info.title): control and the supply road, \(first) to \(last)",
            subject: campaign.info.supplyRoute == nil
                ? "Places held per faction per day (\(campaign.info.attribution))"
                : "Places held per faction per day and the supply road's status (\(campaign.info.attribution))",
            metadata: [
                .init("Title", "\(campaign.info.title): timeline chart"), .init("Source", campaign.info.attribution),
                .init("Software", "kmap"),
            ])
    }

    /// White diagonal stripes over a cut's rectangle.
    func hatch(_ r: Rect, id: String, layer: Layer = .roads) -> [SceneItem] {
        r.hatching(spacing: 6).enumerated().map { i, line in
            SceneItem(
                id: "\(id):hatch:\(i)", layer: layer,
                symbol: .polyline(points: line, stroke: Stroke(color: theme.halo, width: 1.5)))
        }
    }

    /// A sentence describing the chart, for alt text.
    public func description() -> String {
        let data = figures()
        let cutDays = data.filter { $0.route == .cut }.count
        let counts = campaign.factions.compactMap { f -> String? in
            let values = data.map { $0.held[f.id] ?? 0 }
            guard let max = values.max(), max > 0 else { return nil }
            return "\(f.shortName) held \(values.min()!) to \(max) places"
        }
        let road =
            campaign.info.supplyRoute.map { " the \($0.name) was cut on \(cutDays) of \(data.count) days;" } ?? ""
        return
            "Chart from \(first.longDescription) to \(last.longDescription):\(road) \(counts.joined(separator: "; "))."
    }
}
