import KMapCompose
import KMapModel
import KMapRender

/// The report as Markdown for wikis and static sites, images beside it.
public enum MarkdownReport {
    /// - Parameter image: where an image goes (its name and a function that draws it); returns the link to use.
    public static func markdown(_ r: Report, image: (_ name: String, _ bytes: () throws -> [UInt8]) throws -> String)
        throws -> String
    {
        let c = r.campaign
        let t = text
        var m = "# \(t(c.info.title))\n\n"
        m +=
            "A day-by-day record of control, \(r.span), drawn by kmap from sourced events.\n\n"
        if let summary = c.info.summary { m += "> \(t(summary))\n>\n> — \(t(c.info.summaryAttribution ?? ""))\n\n" }
        let chart = try image("chart.svg") { SVGWriter.write(r.chart.scene()) }
        m += "![\(alt(r.chart.description()))](\(chart))\n\n"
        for d in r.days {
            m += "## \(d.day.longDescription) (day \(d.number))\n\n"
            m += "![\(alt(r.altText(d)))](\(try image(r.mapName(d)) { try r.mapPNG(d) }))\n\n"
            m += "### Events\n\n"
            if d.entries.isEmpty { m += "No event is dated this day.\n\n" }
            if d.entries.contains(where: { $0.number != nil }) {
                m += "Numbered as on the map, where the numbered badges mark the places each event changed.\n\n"
            }
            for entry in d.entries {
                let e = entry.event
                let number = entry.number.map { "**\($0)** · " } ?? ""
                let quote = entry.quotedAt.map { t(r.quoteReference($0, on: d.day)) } ?? "> “\(t(e.quote))”"
                m += "- \(number)**\(t(r.line(e)))**  \n  \(quote)  \n  \(t(r.citation(e)))\n"
            }
            m += "\n### What changed since \(d.day.adding(days: -1).longDescription)\n\n"
            if d.changes.isEmpty && d.routeBefore == d.routeAfter { m += "No place changed hands.\n" }
            for ch in d.changes {
                m += "- \(t(ch.place.name)): \(t(r.describe(ch.before))) → \(t(r.describe(ch.after)))\n"
            }
            if let a = d.routeBefore, let b = d.routeAfter, a != b, let name = c.info.supplyRoute?.name {
                m += "- \(t(name)): \(a.rawValue) → \(b.rawValue)\n"
            }
            m += "\n"
        }
        let readings = r.readings
        if !readings.isEmpty {
            m += "## Appendix: how the sources were read\n\n\(t(Report.readingsIntro))\n\n"
            for reading in readings {
                m +=
                    "- **\(t(reading.event.day.longDescription)) · \(t(reading.headline))**: \(t(reading.text))\n"
            }
            m += "\n"
        }
        m += "---\n\n\(t(c.info.attribution)).\n\n## Sources\n\n"
        for s in c.info.sources {
            let link = s.url.map { WebAddress.isWeb($0) ? " <\($0)>" : " \(t($0))" } ?? ""
            m +=
                "- **\(t(s.title))**\(s.publisher.map { ", \(t($0))" } ?? "")\(s.licence.map { " (\(t($0)))" } ?? "")\(link)\n"
        }
        m += "\nMade with kmap.\n"
        return m
    }

    /// Campaign text as Markdown that shows it and nothing more.
    ///
    /// `<`, `>` and `&` become entities, so no HTML or autolink can start; the characters that make emphasis,
    /// code, links or tables are escaped with a backslash; line breaks become spaces, so a text cannot start a
    /// heading, list or quote of its own.
    static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!":
                out += "\\"
                out.unicodeScalars.append(c)
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Alt text safe inside `![…]`.
    static func alt(_ s: String) -> String {
        text(s.replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")"))
    }
}
