import KMapModel
import KMapCompose
import KMapRender

/// The report as Markdown for wikis and static sites, images beside it.
public enum MarkdownReport {
    /// - Parameter image: where an image goes (its name and a function that draws it); returns the link to use.
    public static func markdown(_ r: Report, image: (_ name: String, _ bytes: () throws -> [UInt8]) throws -> String) throws -> String {
        let c = r.campaign
        var m = "# \(c.info.title)\n\n"
        m += "A day-by-day record of control, \(r.days.first?.day.longDescription ?? "") to \(r.days.last?.day.longDescription ?? ""), drawn by kmap from sourced events.\n\n"
        if let summary = c.info.summary { m += "> \(summary)\n>\n> — \(c.info.summaryAttribution ?? "")\n\n" }
        let chart = try image("chart.svg") { SVGWriter.write(r.chart.scene()) }
        m += "![\(alt(r.chart.description()))](\(chart))\n\n"
        for d in r.days {
            m += "## \(d.day.longDescription) (day \(d.number))\n\n"
            m += "![\(alt(r.altText(d)))](\(try image(r.mapName(d)) { try r.mapPNG(d) }))\n\n"
            m += "### Events\n\n"
            if d.events.isEmpty { m += "No event is dated this day.\n\n" }
            for e in d.events {
                m += "- **\(r.when(e))** · \(Headline.of(e, in: c))  \n  > “\(e.quote)”  \n  \(r.citation(e))\n"
            }
            m += "\n### What changed since \(d.day.adding(days: -1).longDescription)\n\n"
            if d.changes.isEmpty { m += "No place changed hands.\n" }
            for ch in d.changes { m += "- \(ch.place.name): \(r.describe(ch.before)) → \(r.describe(ch.after))\n" }
            if let a = d.routeBefore, let b = d.routeAfter, a != b, let name = c.info.supplyRoute?.name { m += "- \(name): \(a.rawValue) → \(b.rawValue)\n" }
            m += "\n"
        }
        m += "---\n\n\(c.info.attribution).\n\n## Sources\n\n"
        for s in c.info.sources {
            m += "- **\(s.title)**\(s.publisher.map { ", \($0)" } ?? "")\(s.licence.map { " (\($0))" } ?? "")\(s.url.map { " <\($0)>" } ?? "")\n"
        }
        m += "\nMade with kmap.\n"
        return m
    }

    /// Alt text safe inside `![…]`.
    static func alt(_ s: String) -> String { s.replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")") }
}
