import Foundation
import KMapLoader
import KMapModel
import KMapRender
import Testing

@testable import KMapCompose
@testable import KMapReport

/// The report's structure in every form: every day present, every image described, every event sourced.
@Suite struct ReportTests {
    let report: Report

    init() throws {
        let campaign = try CampaignLoader.builtin()
        let days = Report.days(of: campaign, from: Day("2016-02-21"), to: Day("2016-02-29"))
        report = Report(campaign: campaign, days: days, composer: SceneComposer(campaign: campaign), theme: .standard)
    }

    @Test func defaultDaysAreTheDaysWithEvents() throws {
        let campaign = report.campaign
        let days = Report.days(of: campaign, from: nil, to: nil)
        #expect(days == Array(Set(campaign.timeline.events.map(\.day))).sorted())
        #expect(days.first?.description == "2016-02-21")
        #expect(report.days.count == 9)
    }

    @Test func htmlIsTheViewerWithEveryDayAndEverySource() throws {
        let html = HTMLReport.html(report)
        for id in ["kv-slider", "kv-play", "kv-date", "kv-map", "kmap-data"] {
            #expect(html.contains("id=\"\(id)\""), "the viewer's \(id)")
        }
        #expect(html.contains("default-src 'none'"), "the viewer's policy: nothing is loaded")
        let data = try #require(Self.viewerData(in: html))
        #expect(data["days"] as? [String] == report.days.map(\.day.description), "the slider's days are the report's")
        #expect(data["eventsBelow"] as? Bool == true)
        for d in report.days {
            #expect(html.contains("id=\"events-\(d.day)\""), "\(d.day) missing")
            #expect(html.contains("href=\"#\(d.day)\""), "a link that shows \(d.day) on the map")
            #expect(!html.contains("id=\"\(d.day)\""), "no element takes a day's fragment, so it never scrolls away")
            for e in d.events { #expect(html.contains("id=\"\(e.id)\"")) }
        }
        // The chart is the one image; the maps are the viewer's SVG.
        let imgs = html.components(separatedBy: "<img ").dropFirst()
        #expect(imgs.count == 1)
        for img in imgs { #expect(img.hasPrefix("src=\"data:image/svg+xml;base64,") && !img.contains("alt=\"\"")) }
        #expect(html.contains("CC BY-SA 4.0"))
        #expect(html.contains("2016 Khanasir offensive"))
        #expect(html.contains("Rasm al-Nafal (ISIL)"), "the 22 Feb caption names the change")
        for load in ["src=\"http", "src=\"//", "url(http", "url(//", "@import"] {
            #expect(!html.contains(load), "nothing loaded from elsewhere: \(load)")
        }
    }

    /// The page's JSON data, parsed.
    static func viewerData(in html: String) -> [String: Any]? {
        guard let start = html.range(of: "<script type=\"application/json\" id=\"kmap-data\">"),
            let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
            as? [String: Any]
    }

    @Test func markdownHasEveryDayAndSource() throws {
        let md = try MarkdownReport.markdown(report) { name, _ in name }
        for d in report.days { #expect(md.contains("## \(d.day.longDescription) (day \(d.number))")) }
        let sourced = report.days.flatMap(\.events).allSatisfy { md.contains(report.citation($0)) }
        #expect(sourced)
        #expect(md.components(separatedBy: "![").count - 1 == report.days.count + 1)
    }

    @Test func pdfHasACoverAndAMapPagePerDay() throws {
        let bytes = try PDFReport.pdf(report)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        let pages =
            text.components(separatedBy: "/Type /Page\n").count - 1 + text.components(separatedBy: "/Type /Page ").count
            - 1
        let scenes = PDFReport.pages(report)
        #expect(pages == scenes.count, "\(pages) pages")
        let maps = scenes.filter { $0.items.contains { $0.id == "map:background" } }
        #expect(maps.count == report.days.count, "a map page per day")
        #expect(scenes.first?.items.contains { $0.id.hasPrefix("chart:") } == true, "the cover's chart")
    }

    @Test func altTextSaysWhatTheMapShows() throws {
        let d23 = try #require(report.days.first { $0.day.description == "2016-02-23" })
        let alt = report.altText(d23)
        #expect(alt.contains("23 February 2016"))
        #expect(alt.contains("cut at Khanasir"))
        #expect(alt.contains("Khanasir (ISIL)"))
    }

    @Test func chartSceneCountsEveryPlaceEveryDay() throws {
        for f in report.chart.figures() {
            #expect(f.held.values.reduce(0, +) == report.campaign.gazetteer.places.count)
        }
        #expect(report.chart.figures().first { $0.day.description == "2016-02-23" }?.route == .cut)
        #expect(report.chart.description().contains("cut on"))
    }
}
