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

    @Test func htmlHasEveryDayEveryAltTextAndEverySource() throws {
        var images: [String: Int] = [:]
        let html = try HTMLReport.html(report) { name, _, bytes in
            images[name] = try bytes().count
            return name
        }
        for d in report.days {
            #expect(html.contains("id=\"day-\(d.day)\""), "\(d.day) missing")
            #expect(images["maps/khanasir-\(d.day).png"] != nil)
            for e in d.events {
                #expect(html.contains("id=\"\(e.id)\""))
                #expect(html.contains(HTMLReport.e("“\(e.quote)”")), "\(e.id)'s quote")
            }
        }
        // Every <img> has a non-empty alt.
        let imgs = html.components(separatedBy: "<img ").dropFirst()
        #expect(imgs.count == report.days.count + 1)
        for img in imgs { #expect(img.contains("alt=\"") && !img.contains("alt=\"\"")) }
        #expect(html.contains("CC BY-SA 4.0"))
        #expect(html.contains("2016 Khanasir offensive"))
        #expect(html.contains("Rasm al-Nafal (ISIL)"), "the 22 Feb alt text names the change")
    }

    @Test func markdownHasEveryDayAndSource() throws {
        let md = try MarkdownReport.markdown(report) { name, _ in name }
        for d in report.days { #expect(md.contains("## \(d.day.longDescription) (day \(d.number))")) }
        let sourced = report.days.flatMap(\.events).allSatisfy { md.contains(report.citation($0)) }
        #expect(sourced)
        #expect(md.components(separatedBy: "![").count - 1 == report.days.count + 1)
    }

    @Test func pdfHasACoverAndAPagePerDay() throws {
        let bytes = try PDFReport.pdf(report)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        let pages =
            text.components(separatedBy: "/Type /Page\n").count - 1 + text.components(separatedBy: "/Type /Page ").count
            - 1
        #expect(pages == report.days.count + 1, "\(pages) pages")
        #expect(PDFReport.pages(report).count == report.days.count + 1)
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
