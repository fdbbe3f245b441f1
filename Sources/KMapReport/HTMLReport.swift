import Foundation
import KMapCompose
import KMapModel
import KMapRender

/// The report as one HTML page: a cover with the summary and chart, then a section per day with its map,
/// events (quoted), sources, confidence and what changed.
public enum HTMLReport {
    /// - Parameter image: where an image goes; returns the `src` to use (a file name, or a data URI). It gets the
    ///   image's name, its MIME type and a function that draws it, so a caller that already has the file (the
    ///   Markdown of a report folder shares the HTML's images) does not draw it again.
    public static func html(
        _ r: Report, image: (_ name: String, _ mime: String, _ bytes: () throws -> [UInt8]) throws -> String
    ) throws -> String {
        let c = r.campaign
        var h = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="kmap">
            <title>\(e(c.info.title)): a day-by-day report</title>
            <style>
            body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans Arabic", sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #1e1e1e; line-height: 1.45; }
            figure { margin: 1em 0; } figure img { width: 100%; height: auto; border: 1px solid #ccc; }
            figcaption { font-size: 0.9em; color: #555; }
            blockquote { margin: 0.3em 0 0.3em 1em; font-style: italic; }
            .cite { font-size: 0.85em; color: #555; }
            .event { margin-bottom: 0.8em; } section.day { border-top: 2px solid #444; margin-top: 2.5em; }
            footer { margin-top: 3em; font-size: 0.85em; color: #555; border-top: 1px solid #ccc; }
            </style>
            </head>
            <body>
            <header>
            <h1>\(e(c.info.title))</h1>
            <p>A day-by-day record of control, \(e(r.days.first?.day.longDescription ?? "")) to \(e(r.days.last?.day.longDescription ?? "")), drawn by kmap from sourced events. Every mark traces to a sentence of its source.</p>

            """
        if let summary = c.info.summary {
            h +=
                "<blockquote lang=\"en\">\(e(summary))</blockquote>\n<p class=\"cite\">— \(e(c.info.summaryAttribution ?? ""))</p>\n"
        }
        let chartSrc = try image("chart.svg", "image/svg+xml") { SVGWriter.write(r.chart.scene()) }
        h +=
            "<figure><img src=\"\(e(chartSrc))\" alt=\"\(e(r.chart.description()))\"><figcaption>\(e(r.chart.description()))</figcaption></figure>\n"
        h += "<nav><h2>Days</h2><ul>\n"
        for d in r.days {
            h +=
                "<li><a href=\"#day-\(d.day)\">\(e(d.day.longDescription))</a> (day \(d.number), \(d.events.count) event\(d.events.count == 1 ? "" : "s"))</li>\n"
        }
        h += "</ul></nav>\n</header>\n"
        for d in r.days {
            h +=
                "<section class=\"day\" id=\"day-\(d.day)\">\n<h2>\(e(d.day.longDescription)) <small>(day \(d.number))</small></h2>\n"
            let src = try image(r.mapName(d), "image/png") { try r.mapPNG(d) }
            let alt = r.altText(d)
            h += "<figure><img src=\"\(e(src))\" alt=\"\(e(alt))\"><figcaption>\(e(alt))</figcaption></figure>\n"
            h += "<h3>Events</h3>\n"
            if d.events.isEmpty { h += "<p>No event is dated this day.</p>\n" }
            for ev in d.events {
                h +=
                    "<div class=\"event\" id=\"\(ev.id)\"><strong>\(e(r.when(ev)))</strong> · \(e(Headline.of(ev, in: c)))"
                h += "<blockquote>“\(e(ev.quote))”</blockquote><span class=\"cite\">\(e(r.citation(ev)))"
                if let note = ev.note { h += " · reading: \(e(note))" }
                h += "</span></div>\n"
            }
            h += "<h3>What changed since \(e(d.day.adding(days: -1).longDescription))</h3>\n"
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
        h += "<footer><p>\(e(c.info.attribution)).</p><h2>Sources</h2><ul>\n"
        for s in c.info.sources {
            let link = s.url.map { WebAddress.isWeb($0) ? " <a href=\"\(e($0))\">\(e($0))</a>" : " \(e($0))" } ?? ""
            h +=
                "<li><strong>\(e(s.title))</strong>\(s.publisher.map { ", \(e($0))" } ?? "")\(s.licence.map { " (\(e($0)))" } ?? "")\(link)</li>\n"
        }
        h += "</ul><p>Made with kmap.</p></footer>\n</body>\n</html>\n"
        return h
    }

    /// HTML and XML share their escaping.
    static func e(_ s: String) -> String { SVGWriter.escape(s) }
}
