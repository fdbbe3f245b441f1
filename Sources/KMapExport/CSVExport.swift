import KMapModel

/// The history and the events as CSV for spreadsheets (RFC 4180, CRLF line ends, UTF-8).
///
/// Every text cell goes through `Escaping.csv`, which also defuses formulas; the header lines double as
/// kmap's mark on the file (CSV has no comments), so `OutputFile` replaces only CSV files with these headers.
public enum CSVExport {
    public static let stretchesHeader =
        "feature,id,name,kind,start,end,controller,status,attacker,confidence,source,url,quote,event,phase,cutAt,unnamedCutPoints,lat,lon"
    public static let eventsHeader =
        "event,day,time,places,unnamed,controller,status,by,roads,traffic,confidence,source,url,quote,note,line"

    /// One row per place stretch, then one per road stretch (road rows leave the control columns empty).
    public static func stretches(_ s: Stretches) -> String {
        var out = stretchesHeader + "\r\n"
        for p in s.places {
            let cells = [
                "place", p.id, p.name, p.kind, p.start, p.end ?? "", p.controller, p.status, p.attacker ?? "",
                p.confidence,
                p.source, p.url ?? "", p.quote, p.event ?? "", "", "", "",
            ]
            out += row(cells) + ",\(Escaping.number(p.coordinate.lat)),\(Escaping.number(p.coordinate.lon))\r\n"
        }
        for r in s.roads {
            let cells = [
                "road", r.id, r.name, "road", r.start, r.end ?? "", "", r.status, "", "", "", "", "", "", r.phase,
                r.cutAt,
                String(r.unnamedCutPoints),
            ]
            out += row(cells) + ",,\r\n"
        }
        return out
    }

    /// One row per event on the days `first...last`, in the order they apply.
    public static func events(_ campaign: Campaign, first: Day? = nil, last: Day? = nil) -> String {
        var out = eventsHeader + "\r\n"
        for e in campaign.timeline.events where e.day >= (first ?? e.day) && e.day <= (last ?? e.day) {
            let cells = [
                e.id, e.day.description, e.time?.description ?? "", e.places.joined(separator: ", "), String(e.unnamed),
                e.controller ?? "", e.status?.rawValue ?? "", e.by.joined(separator: ", "),
                e.roads.joined(separator: ", "),
                e.traffic?.rawValue ?? "", e.confidence.rawValue, e.source, campaign.info.source(e.source)?.url ?? "",
                e.quote,
                e.note ?? "", String(e.line),
            ]
            out += row(cells) + "\r\n"
        }
        return out
    }

    static func row(_ cells: [String]) -> String { cells.map(Escaping.csv).joined(separator: ",") }
}
