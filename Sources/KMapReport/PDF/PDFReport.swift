import KMapCompose
import KMapModel
import KMapRender

/// The report as a multi-page PDF: a cover (summary, chart, sources); per day a page with the map across its
/// width and a caption, then every event of the day in columns, numbered as on the map; an appendix of readings.
///
/// The pages are A4 landscape. Every line of text is at least 7.5 pt, the map's included (`PageMap`), and text
/// that does not fit continues on the next page: nothing is cut short or drawn over another.
public enum PDFReport {
    /// A4 landscape at 96 px per inch.
    static let page = (width: 1123.0, height: 794.0)
    static let ink = Color(hex: "#1e1e1e")!
    static let muted = Color(hex: "#555555")!

    public static func pdf(_ r: Report) throws(RenderError) -> [UInt8] {
        try SceneEncoder.pdf(
            pages: pages(r), title: "\(r.campaign.info.title): a day-by-day report",
            subject: r.campaign.info.attribution)
    }

    /// The cover, each day's map page and event pages, the appendix.
    public static func pages(_ r: Report) -> [Scene] {
        let map = PageMap(report: r, origin: Point(x: 32, y: 24), width: page.width - 64)
        var pages = cover(r)
        for (d, scene) in zip(r.days, map.scenes) {
            let (mapPage, captionFits) = mapPage(
                r, d, map: scene.items(placedIn: map.frame, idPrefix: "map:"), frame: map.frame)
            pages.append(mapPage)
            let numbers = ChangeNumbers.of(r.campaign, from: d.previous, to: d.state, drawnIn: scene)
            pages += eventPages(r, d, numbers: numbers, caption: !captionFits)
        }
        pages += appendix(r)
        return pages
    }

    static func font(_ size: Double, bold: Bool = false, italic: Bool = false) -> Font {
        Font(family: Theme.standard.fontFamily, size: size, bold: bold, italic: italic)
    }

    static func scene(_ items: [SceneItem], title: String, subject: String) -> Scene {
        Scene(width: page.width, height: page.height, background: .white, items: items, title: title, subject: subject)
    }

    /// A flow of text over pages headed by `title` (and "continued" after the first).
    static func flow(_ r: Report, columns: Int, title: String, subtitle: String? = nil) -> PageFlow {
        let measurer = CairoTextMeasurer()
        return PageFlow(
            columns: columns, size: page, badgeColor: r.composer.theme.changed, measurer: measurer
        ) { n in
            var head = PageFlow(columns: 1, size: page, badgeColor: .white, measurer: measurer) { _ in ([], 22) }
            head.add([.init(text: n == 1 ? title : "\(title) (continued)", font: font(19, bold: true))], gap: 0)
            if n == 1, let subtitle { head.add([.init(text: subtitle, font: font(12), color: muted)], gap: 0) }
            let items = head.pages[0]
            return (
                items.map { SceneItem(id: "head:\($0.id)", layer: $0.layer, symbol: $0.symbol) }, bottom(of: items) + 16
            )
        }
    }

    /// The title, the summary and the chart, then the sources in two columns, continued as needed.
    static func cover(_ r: Report) -> [Scene] {
        let c = r.campaign
        var intro = flow(
            r, columns: 1, title: c.info.title,
            subtitle:
                "A day-by-day record of control, \(r.span): \(r.days.count) day\(r.days.count == 1 ? "" : "s"), drawn by kmap from sourced events."
        )
        if let summary = c.info.summary {
            intro.add([
                .init(text: "“\(summary)”", font: font(13.5, italic: true), gap: 2),
                .init(text: "— \(c.info.summaryAttribution ?? "")", font: font(11.5), color: muted),
            ])
        }
        let chartFrame = Rect(x: 32, y: bottom(of: intro.pages[0]) + 14, width: page.width - 64, height: 330)
        // Composed at the size it is drawn, so its text prints at its own size.
        let chart = ChartComposer(
            campaign: c, theme: r.chart.theme, from: r.chart.first, to: r.chart.last, width: chartFrame.width,
            height: chartFrame.height
        ).scene().items(placedIn: chartFrame, idPrefix: "chart:")
        let measurer = CairoTextMeasurer()
        let first = intro.pages[0] + chart
        var sources = PageFlow(columns: 2, size: page, badgeColor: .white, measurer: measurer) { n in
            var head = PageFlow(columns: 1, size: page, badgeColor: .white, measurer: measurer) { _ in
                ([], n == 1 ? chartFrame.maxY + 16 : 22)
            }
            head.add([.init(text: n == 1 ? "Sources" : "Sources (continued)", font: font(15, bold: true))], gap: 0)
            let items = head.pages[0].map { SceneItem(id: "sources:\($0.id)", layer: $0.layer, symbol: $0.symbol) }
            return ((n == 1 ? first : []) + items, bottom(of: head.pages[0]) + 10)
        }
        for s in c.info.sources {
            let detail = [s.publisher, s.licence.map { "(\($0))" }, s.url].compactMap { $0 }.joined(separator: " ")
            sources.add([.init(text: "\(s.title)\(detail.isEmpty ? "" : ", \(detail)")", font: font(11))], gap: 4)
        }
        sources.add([.init(text: "\(c.info.attribution). Made with kmap.", font: font(11), color: muted)])
        return sources.pages.map { scene($0, title: c.info.title, subject: c.info.attribution) }
    }

    /// The lowest text of `items`.
    static func bottom(of items: [SceneItem]) -> Double {
        items.compactMap { item -> Double? in
            if case .text(let t) = item.symbol { t.bounds.maxY } else { nil }
        }.max() ?? 22
    }

    /// The map carries the title, date and day in its banner: the page adds only the caption.
    static func mapPage(_ r: Report, _ d: ReportDay, map: [SceneItem], frame: Rect) -> (Scene, Bool) {
        var items = map
        var caption = PageFlow(columns: 1, size: page, badgeColor: .white, measurer: CairoTextMeasurer()) { _ in
            ([], frame.maxY + 8)
        }
        caption.add([.init(text: r.altText(d), font: font(11.5), color: Color(hex: "#333333")!)])
        // A caption too long for the space under the map goes whole to the top of the events page.
        let fits = caption.pages.count == 1
        if fits {
            items += caption.pages[0].map { SceneItem(id: "caption:\($0.id)", layer: $0.layer, symbol: $0.symbol) }
        }
        return (scene(items, title: d.day.longDescription, subject: r.altText(d)), fits)
    }

    /// - Parameter numbers: the numbers the page's map shows, by event id.
    static func eventPages(_ r: Report, _ d: ReportDay, numbers: [String: Int], caption: Bool) -> [Scene] {
        let numbered = !numbers.isEmpty
        var f = flow(
            r, columns: 3, title: "\(d.day.longDescription) · events of the day",
            subtitle: numbered
                ? "Numbered as on the map, where the orange badges mark the places each event changed." : nil)
        if caption { f.add([.init(text: r.altText(d), font: font(11.5), color: muted)]) }
        if d.entries.isEmpty { f.add([.init(text: "No event is dated this day.", font: font(12, italic: true))]) }
        for entry in d.entries {
            let e = entry.event
            f.add([
                .init(
                    text: r.line(e), font: font(12.5, bold: true), gap: 2,
                    badge: numbers[e.id]),
                .init(
                    text: entry.quotedAt.map { r.quoteReference($0, on: d.day) } ?? "“\(e.quote)”",
                    font: font(12, italic: entry.quotedAt == nil), color: entry.quotedAt == nil ? ink : muted, gap: 2),
                .init(text: r.citation(e), font: font(10.5), color: muted),
            ])
        }
        return f.pages.map { scene($0, title: "\(d.day.longDescription): events", subject: r.altText(d)) }
    }

    static func appendix(_ r: Report) -> [Scene] {
        let readings = r.readings
        guard !readings.isEmpty else { return [] }
        var f = flow(r, columns: 2, title: "Appendix: how the sources were read", subtitle: Report.readingsIntro)
        for reading in readings {
            f.add([
                .init(
                    text: "\(reading.event.day.longDescription) · \(reading.headline)", font: font(12, bold: true),
                    gap: 2),
                .init(text: reading.text, font: font(11.5)),
            ])
        }
        return f.pages.map { scene($0, title: "Appendix", subject: r.campaign.info.attribution) }
    }
}
