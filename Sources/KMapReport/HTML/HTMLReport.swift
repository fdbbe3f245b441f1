import Foundation
import KMapCompose
import KMapModel
import KMapRender

/// The report as one HTML page built on the offline viewer: the interactive map of the report's days (slider,
/// play, hover, click to explain; `#2016-02-24` opens a day), then every day's events with their quotes and
/// sources, what changed, the readings and the sources.
///
/// Everything the viewer guarantees holds here: one file, nothing loaded, campaign text only ever as text.
/// The day sections are plain HTML, so the page reads and prints without its script.
public enum HTMLReport {
    public static func html(_ r: Report) -> String {
        let numbers = Dictionary(
            r.days.flatMap(\.entries).compactMap { entry in entry.number.map { (entry.event.id, $0) } },
            uniquingKeysWith: { a, _ in a })
        let data = ViewerData(
            campaign: r.campaign, days: r.days.map(\.day), composer: r.composer, eventNumbers: numbers,
            eventsBelow: true)
        return ViewerPage.html(
            data, pageTitle: "\(r.campaign.info.title): a day-by-day report", lead: lead(r),
            sections: days(r) + appendix(r) + sources(r),
            style: style + "\n.kr-badge { background: \(r.composer.theme.changed.hex); }")
    }

    /// The summary, the chart and the list of days, under the viewer's header.
    static func lead(_ r: Report) -> String {
        let c = r.campaign
        var h = ""
        if let summary = c.info.summary {
            h +=
                "<blockquote lang=\"en\">\(e(summary))</blockquote>\n<p class=\"cite\">— \(e(c.info.summaryAttribution ?? ""))</p>\n"
        }
        let chart = Data(SVGWriter.write(r.chart.scene())).base64EncodedString()
        let description = e(r.chart.description())
        h +=
            "<figure class=\"kr-chart\"><img src=\"data:image/svg+xml;base64,\(chart)\" alt=\"\(description)\"><figcaption>\(description)</figcaption></figure>\n"
        h += "<details class=\"kr-days\"><summary>The report's \(r.days.count) days</summary><ul>\n"
        for d in r.days {
            let n = d.entries.count
            h +=
                "<li><a href=\"#\(d.day)\">\(e(d.day.longDescription))</a> (day \(d.number)): <a href=\"#events-\(d.day)\">\(n) event\(n == 1 ? "" : "s")</a></li>\n"
        }
        return h + "</ul></details>"
    }

    /// Per day: what its map shows, every event (numbered as on the map, each quote once), what changed.
    static func days(_ r: Report) -> String {
        let c = r.campaign
        var h = ""
        for d in r.days {
            h += "<section class=\"day\" id=\"events-\(d.day)\">\n"
            h +=
                "<h2>\(e(d.day.longDescription)) <small>(day \(d.number))</small> <a class=\"kr-show\" href=\"#\(d.day)\">show on the map</a></h2>\n"
            h += "<p class=\"kr-alt\">\(e(r.altText(d)))</p>\n<h3>Events</h3>\n"
            if d.entries.isEmpty { h += "<p>No event is dated this day.</p>\n" }
            if d.entries.contains(where: { $0.number != nil }) {
                h +=
                    "<p class=\"cite\">Numbered as on the map, where the orange badges mark the places each event changed.</p>\n"
            }
            h += "<ul class=\"kr-events\">\n"
            for entry in d.entries {
                let ev = entry.event
                let badge = entry.number.map { "<span class=\"kr-badge\">\($0)</span> " } ?? ""
                h += "<li id=\"\(ev.id)\">\(badge)<strong>\(e(r.line(ev)))</strong>"
                if let q = entry.quotedAt {
                    h += "<p class=\"kr-same\"><a href=\"#\(q.event.id)\">\(e(r.quoteReference(q, on: d.day)))</a></p>"
                } else {
                    h += "<blockquote dir=\"auto\">“\(e(ev.quote))”</blockquote>"
                }
                h += "<span class=\"cite\">\(e(r.citation(ev)))</span></li>\n"
            }
            h += "</ul>\n<h3>What changed since \(e(d.day.adding(days: -1).longDescription))</h3>\n"
            if d.changes.isEmpty && d.routeBefore == d.routeAfter { h += "<p>No place changed hands.</p>\n" }
            if !d.changes.isEmpty {
                h += "<ul>\n"
                for ch in d.changes {
                    h += "<li>\(e(ch.place.name)): \(e(r.describe(ch.before))) → \(e(r.describe(ch.after)))</li>\n"
                }
                h += "</ul>\n"
            }
            if let a = d.routeBefore, let b = d.routeAfter, a != b, let name = c.info.supplyRoute?.name {
                h += "<p>\(e(name)): \(a.rawValue) → \(b.rawValue)</p>\n"
            }
            h += "</section>\n"
        }
        return h
    }

    static func appendix(_ r: Report) -> String {
        let readings = r.readings
        guard !readings.isEmpty else { return "" }
        var h =
            "<section class=\"kr-appendix\" id=\"readings\">\n<h2>Appendix: how the sources were read</h2>\n<p>\(e(Report.readingsIntro))</p>\n<dl>\n"
        for reading in readings {
            h +=
                "<dt><a href=\"#\(reading.event.id)\">\(e(reading.event.day.longDescription)) · \(e(reading.headline))</a></dt><dd>\(e(reading.text))</dd>\n"
        }
        return h + "</dl>\n</section>\n"
    }

    static func sources(_ r: Report) -> String {
        let c = r.campaign
        var h =
            "<section class=\"kr-sources\" id=\"sources\">\n<h2>Sources</h2>\n<p>\(e(c.info.attribution)).</p>\n<ul>\n"
        for s in c.info.sources {
            let link = s.url.map { WebAddress.isWeb($0) ? " <a href=\"\(e($0))\">\(e($0))</a>" : " \(e($0))" } ?? ""
            h +=
                "<li><strong>\(e(s.title))</strong>\(s.publisher.map { ", \(e($0))" } ?? "")\(s.licence.map { " (\(e($0)))" } ?? "")\(link)</li>\n"
        }
        return h + "</ul>\n</section>\n"
    }

    static let style = """
        .kr-chart img { width: 100%; max-width: 760px; height: auto; border: 1px solid #ccc; } figure { margin: 0.8em 0; } figcaption, .kr-alt { font-size: 0.9em; color: #555; }
        .kr-days ul { columns: 2; font-size: 0.9em; }
        section.day, .kr-appendix, .kr-sources { border-top: 2px solid #444; margin-top: 2em; overflow-wrap: anywhere; }
        section.day, .kr-events li, .kr-appendix, .kr-appendix dt { scroll-margin-top: 64px; }
        .kr-events { list-style: none; padding: 0; } .kr-events li { margin-bottom: 0.8em; break-inside: avoid; }
        .kr-badge { display: inline-block; min-width: 1.4em; border-radius: 0.7em; color: #fff; text-align: center; font-weight: bold; font-size: 0.85em; }
        .kr-same { margin: 0.2em 0 0.2em 0.8em; color: #555; } .kr-show { font-size: 0.7em; font-weight: normal; }
        .kr-appendix dd { margin: 0 0 0.8em 1em; } #kv-events { list-style: none; padding-left: 0; } #kv-events li { margin-bottom: 0.3em; }
        @media print { .kr-show, .kr-days, #kv-events li.more { display: none; } section.day { break-before: page; } #kv-date { break-after: avoid; } #kv-map { break-inside: avoid; } }
        """

    /// HTML and XML share their escaping.
    static func e(_ s: String) -> String { SVGWriter.escape(s) }
}
