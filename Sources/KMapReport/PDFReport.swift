import KMapCompose
import KMapModel
import KMapRender

/// The report as a multi-page PDF: a cover (summary, chart, sources), then a page per day with its map, the
/// day's events with their quotes, sources and confidence, and what changed.
public enum PDFReport {
    /// A4 landscape at 96 px per inch.
    static let page = (width: 1123.0, height: 794.0)

    public static func pdf(_ r: Report) throws(RenderError) -> [UInt8] {
        try SceneEncoder.pdf(
            pages: pages(r), title: "\(r.campaign.info.title): a day-by-day report",
            subject: r.campaign.info.attribution)
    }

    /// The cover and one page per day.
    public static func pages(_ r: Report) -> [Scene] {
        [cover(r)] + r.days.map { dayPage(r, $0) }
    }

    /// Lays out text top to bottom in a column.
    struct Column {
        let measurer = CairoTextMeasurer()
        let x: Double
        let width: Double
        var y: Double
        let bottom: Double
        var items: [SceneItem] = []
        var id = 0

        /// Adds wrapped text; false (and nothing added) when it does not fit.
        @discardableResult
        mutating func add(
            _ text: String, _ font: Font, color: Color = Color(hex: "#1e1e1e")!, gap: Double = 4, maxLines: Int = 99
        ) -> Bool {
            var lines = measurer.wrap(text, font: font, width: width)
            if lines.count > maxLines {
                lines = Array(lines.prefix(maxLines))
                lines[maxLines - 1] += " …"
            }
            let lineHeight = font.size * 1.3
            guard y + Double(lines.count) * lineHeight <= bottom else { return false }
            for l in lines {
                let m = measurer.measure(l, font: font)
                let origin = Point(x: x, y: y + m.ascent)
                id += 1
                items.append(
                    SceneItem(
                        id: "text:\(id)", layer: .furniture,
                        symbol: .text(
                            TextItem(
                                text: l, origin: origin, font: font, color: color,
                                bounds: measurer.bounds(l, font: font, origin: origin)))))
                y += lineHeight
            }
            y += gap
            return true
        }
    }

    static func font(_ size: Double, bold: Bool = false, italic: Bool = false) -> Font {
        Font(family: Theme.standard.fontFamily, size: size, bold: bold, italic: italic)
    }

    static func cover(_ r: Report) -> Scene {
        let c = r.campaign
        var col = Column(x: 48, width: page.width - 96, y: 40, bottom: page.height - 30)
        col.add(c.info.title, font(28, bold: true), gap: 6)
        col.add(
            "A day-by-day record of control, \(r.days.first?.day.longDescription ?? "") to \(r.days.last?.day.longDescription ?? ""): \(r.days.count) days, drawn by kmap from sourced events.",
            font(13))
        if let summary = c.info.summary {
            col.add("“\(summary)”", font(13, italic: true), gap: 2)
            col.add("— \(c.info.summaryAttribution ?? "")", font(11), color: Color(hex: "#5a5a5a")!)
        }
        let chartFrame = Rect(x: 48, y: col.y + 6, width: page.width - 96, height: 330)
        var items = r.chart.scene().items(placedIn: chartFrame, idPrefix: "chart:")
        col.y = chartFrame.maxY + 14
        col.add("Sources", font(14, bold: true))
        for s in c.info.sources {
            if !col.add(
                "• \(s.title)\(s.publisher.map { ", \($0)" } ?? "")\(s.licence.map { " (\($0))" } ?? "")\(s.url.map { " \($0)" } ?? "")",
                font(9.5), gap: 1)
            {
                break
            }
        }
        col.add("\(c.info.attribution). Made with kmap.", font(9.5), color: Color(hex: "#5a5a5a")!)
        items += col.items
        return Scene(
            width: page.width, height: page.height, background: .white, items: items, title: c.info.title,
            subject: c.info.attribution)
    }

    static func dayPage(_ r: Report, _ d: Report.ReportDay) -> Scene {
        let c = r.campaign
        var head = Column(x: 32, width: page.width - 64, y: 20, bottom: 60)
        head.add("\(d.day.longDescription) · day \(d.number) · \(c.info.title)", font(18, bold: true))
        let mapFrame = Rect(x: 32, y: 56, width: 720, height: 540)
        var items = r.mapScene(d).items(placedIn: mapFrame, idPrefix: "map:")
        var below = Column(x: 32, width: 720, y: mapFrame.maxY + 10, bottom: page.height - 16)
        below.add(r.altText(d), font(10), color: Color(hex: "#333333")!)
        var side = Column(
            x: mapFrame.maxX + 20, width: page.width - mapFrame.maxX - 52, y: 60, bottom: page.height - 20)
        side.add("Events of the day", font(14, bold: true))
        if d.events.isEmpty { side.add("No event is dated this day.", font(10.5, italic: true)) }
        for (i, e) in d.events.enumerated() {
            let fits =
                side.add("\(r.when(e)) · \(Headline.of(e, in: c))", font(10.5, bold: true), gap: 1)
                && side.add("“\(e.quote)”", font(10, italic: true), gap: 1, maxLines: 6)
                && side.add(r.citation(e), font(8.5), color: Color(hex: "#5a5a5a")!, gap: 7)
            if !fits {
                side.add(
                    "+\(d.events.count - i) more: kmap timeline --from \(d.day) --to \(d.day)", font(9),
                    color: Color(hex: "#5a5a5a")!)
                break
            }
        }
        items += head.items.map { SceneItem(id: "head:" + $0.id, layer: $0.layer, symbol: $0.symbol) }
        items += below.items.map { SceneItem(id: "alt:" + $0.id, layer: $0.layer, symbol: $0.symbol) }
        items += side.items.map { SceneItem(id: "events:" + $0.id, layer: $0.layer, symbol: $0.symbol) }
        return Scene(
            width: page.width, height: page.height, background: .white, items: items, title: d.day.longDescription,
            subject: r.altText(d))
    }
}
