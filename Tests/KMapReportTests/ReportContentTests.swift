import Foundation
import KMapLoader
import KMapModel
import KMapRender
import Testing

@testable import KMapCompose
@testable import KMapReport

/// What a report says, in each format: every event of every day, each quote once, readings in plain words,
/// and on paper text that can be read.
@Suite struct ReportContentTests {
    let report: Report
    let pages: [Scene]
    let html: String
    let markdown: String

    init() throws {
        let campaign = try CampaignLoader.builtin()
        // The first fortnight: days with up to a dozen events and sentences that carry three events.
        let days = Report.days(of: campaign, from: Day("2016-02-21"), to: Day("2016-03-10"))
        report = Report(campaign: campaign, days: days, composer: SceneComposer(campaign: campaign), theme: .standard)
        pages = PDFReport.pages(report)
        html = HTMLReport.html(report)
        markdown = try MarkdownReport.markdown(report) { name, _ in name }
    }

    var quotes: [String] { Array(Set(report.days.flatMap(\.events).map(\.quote))).sorted() }

    @Test func theFortnightHasSharedSentences() {
        let events = report.days.flatMap(\.events)
        #expect(events.count > quotes.count, "some sentences carry several events: the test needs them")
    }

    @Test func everyEventOfEveryDayIsListedInEveryFormat() throws {
        let pdf = ReportText.scenes(pages)
        let page = ReportText.visible(html: html)
        for d in report.days {
            for e in d.events {
                for (format, text) in [("PDF", pdf), ("HTML", page)] {
                    #expect(ReportText.count(report.line(e), in: text) >= 1, "\(format) lacks \(e.id) of \(d.day)")
                    #expect(ReportText.count(report.citation(e), in: text) == 1, "\(format): \(e.id)'s citation")
                }
                #expect(markdown.contains(MarkdownReport.text(report.citation(e))), "Markdown: \(e.id)")
            }
        }
    }

    @Test func eachQuoteIsPrintedOncePerReport() throws {
        let pdf = ReportText.scenes(pages)
        let page = ReportText.visible(html: html)
        for q in quotes {
            #expect(ReportText.count(q, in: pdf) == 1, "PDF: \(ReportText.count(q, in: pdf))× “\(q.prefix(50))…”")
            #expect(ReportText.count(q, in: page) == 1, "HTML: \(ReportText.count(q, in: page))× “\(q.prefix(50))…”")
            let md = MarkdownReport.text(q)
            #expect(ReportText.count(md, in: markdown) == 1, "Markdown: “\(q.prefix(50))…”")
        }
        #expect(html.contains("The same sentence as"), "later events point back to the quote")
    }

    /// The PDF as a reader's tool extracts it: the same events and quotes, once each (right-to-left text
    /// excepted: `pdftotext` gives it back reordered, and the scene test above covers it).
    @Test func pdftotextFindsEveryEventAndEachQuoteOnce() throws {
        guard let text = try ReportText.pdftotext(try PDFReport.pdf(report)) else {
            print("pdftotext is not installed (Debian package poppler-utils; Scripts/setup installs it): skipped")
            return
        }
        for e in report.days.flatMap(\.events) where !ReportText.hasRightToLeft(report.citation(e)) {
            #expect(ReportText.count(report.citation(e), in: text) == 1, "\(e.id)'s citation")
        }
        for q in quotes where !ReportText.hasRightToLeft(q) {
            #expect(ReportText.count(q, in: text) == 1, "\(ReportText.count(q, in: text))× “\(q.prefix(50))…”")
        }
        #expect(!text.contains("kmap timeline"))
    }

    @Test func noFormatSendsTheReaderToAnotherCommand() {
        for text in [ReportText.scenes(pages), html, markdown] {
            #expect(!text.contains("kmap timeline --from"))
            #expect(!text.contains("more:"))
        }
    }

    @Test func pageTextIsAtLeastSevenAndAHalfPoints() throws {
        let points = pages.flatMap(\.items).compactMap { item -> (String, Double)? in
            if case .text(let t) = item.symbol { (item.id, t.font.size * PageMap.pointsPerPixel) } else { nil }
        }
        let smallest = try #require(points.min { $0.1 < $1.1 })
        #expect(smallest.1 >= PageMap.minimumPoints - 1e-9, "\(smallest.0) is \(smallest.1) pt")
        let map = points.filter { $0.0.hasPrefix("map:") }
        #expect(!map.isEmpty, "the maps' own text counts")
        print("smallest text on the PDF's pages: \(smallest.1) pt (\(smallest.0))")
    }

    /// Each day's map page: the map across the page, everything of it inside its frame, the caption below it.
    @Test func mapPagesKeepTheMapInItsFrameAndOffTheCaption() throws {
        let mapPages = pages.filter { $0.items.contains { $0.id.hasPrefix("map:") } }
        #expect(mapPages.count == report.days.count)
        for page in mapPages {
            let map = page.items.filter { $0.id.hasPrefix("map:") }
            let frame = try #require(map.first { $0.id == "map:background" }.flatMap(Self.bounds))
            #expect(frame.width >= PDFReport.page.width - 64 - 1e-9, "the map spans the page")
            for item in map {
                let b = try #require(Self.bounds(item))
                #expect(frame.insetBy(-0.5).contains(b), "\(page.title): \(item.id) leaves the map at \(b)")
            }
            for caption in page.items where caption.id.hasPrefix("caption:") {
                let b = try #require(Self.bounds(caption))
                #expect(b.y >= frame.maxY, "\(page.title): the caption \(caption.id) under the map")
                #expect(b.maxY <= PDFReport.page.height, "\(page.title): the caption fits the page")
            }
            #expect(!page.items.contains { $0.id.hasPrefix("map:changes:") }, "no changes panel in the map")
        }
    }

    /// The numbers on each day's map are the numbers of the events the page lists: every one drawn is listed,
    /// every one listed is drawn, counting from 1.
    @Test func mapBadgesKeyToTheListedEvents() throws {
        var drawnInAll = 0
        for d in report.days {
            let scene = report.composer.scene(for: d.state, previous: d.previous)
            let drawn = Set(
                scene.items(in: .changes).filter { $0.id.hasSuffix(":number") }.compactMap { item -> [Int]? in
                    guard case .text(let t) = item.symbol else { return nil }
                    return t.text.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                }.flatMap { $0 })
            let listed = d.entries.compactMap(\.number)
            #expect(Set(listed) == drawn, "\(d.day): listed \(listed), drawn \(drawn.sorted())")
            #expect(listed == (0..<listed.count).map { $0 + 1 }, "\(d.day): numbered 1, 2, 3…: \(listed)")
            drawnInAll += drawn.count
        }
        #expect(drawnInAll > 0, "the fortnight's maps number their changes")
    }

    @Test func readingsAreInPlainWords() throws {
        let readings = report.readings
        #expect(readings.count > 20)
        let jargon = [
            "`", "gazetteer", "untimed", "Untimed", "narrative", "Narrative", "staleAfter", "filed", "Filed",
            "file order", "controller", "tiedTo", "initial.except", "module",
        ]
        for r in readings {
            for word in jargon { #expect(!r.text.contains(word), "\(r.event.id): “\(word)” in “\(r.text)”") }
        }
        // The readings sit in an appendix in every format, not beside the events.
        #expect(!ReportText.visible(html: html).contains("reading:"), "no reading beside an event")
        // The click-to-explain chain shows the readings too.
        let data = try #require(ReportTests.viewerData(in: html)?["events"] as? [[String: Any]])
        for event in data {
            let note = try #require(event["note"] as? String)
            for word in jargon { #expect(!note.contains(word), "\(event["id"] ?? "?"): “\(word)” in the page's data") }
        }
        #expect(html.contains("Appendix: how the sources were read"))
        #expect(markdown.contains("## Appendix: how the sources were read"))
        #expect(ReportText.scenes(pages).contains("Appendix: how the sources were read"))
        let launch = try #require(readings.first { $0.event.id == "e3" })
        #expect(launch.text.contains("Jund al-Aqsa among the attacking forces"), "\(launch.text)")
        #expect(launch.text.contains("drawn as held by ISIL"), "\(launch.text)")
    }

    static func bounds(_ item: SceneItem) -> Rect? {
        func box(_ points: [Point]) -> Rect? {
            guard let x0 = points.map(\.x).min(), let x1 = points.map(\.x).max(), let y0 = points.map(\.y).min(),
                let y1 = points.map(\.y).max()
            else { return nil }
            return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        }
        switch item.symbol {
        case .polygon(let rings, _, _): return box(rings.flatMap { $0 })
        case .polyline(let points, _): return box(points)
        case .rect(let r, _, _): return r
        case .marker(let m): return m.bounds
        case .text(let t): return t.bounds
        }
    }
}
