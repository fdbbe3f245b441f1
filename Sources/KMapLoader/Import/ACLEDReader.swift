import Foundation
import KMapModel

/// Rows of an ACLED export into control changes.
///
/// ACLED codes a change of territorial control as the sub-event types "Government regains territory",
/// "Non-state actor overtakes territory" and "Non-violent transfer of territory" (older exports: the event types
/// "Battle-Government regains territory", "Battle-Non-state actor overtakes territory", "Non-violent transfer of
/// territory"); in each, `actor1` is the side that takes the place. Every other row is skipped with its type.
/// `geo_precision` (1 the place itself, 2 near it, 3 a wider region) becomes the position's confidence
/// (exact, approximate, estimate); `time_precision` (1 the day, 2 the week, 3 the month) the event's (stated,
/// or inferred with a note); `notes` the quote.
public enum ACLEDReader {
    public static let required = [
        "event_id_cnty", "event_date", "event_type", "actor1", "location", "latitude", "longitude",
    ]
    public static let territorial = [
        "government regains territory", "non-state actor overtakes territory", "non-violent transfer of territory",
        "battle-government regains territory", "battle-non-state actor overtakes territory",
    ]

    /// Whether a header looks like an ACLED export.
    public static func recognises(_ header: [String]) -> Bool {
        let lowered = Set(header.map { $0.lowercased() })
        return ["event_id_cnty", "event_date", "actor1"].allSatisfy(lowered.contains)
    }

    public static func read(_ table: DelimitedTable) throws(ImportError) -> (
        records: [ImportRecord], skips: [ImportSkip]
    ) {
        let lowered = table.header.map { $0.lowercased() }
        let missing = required.filter { !lowered.contains($0) }
        guard missing.isEmpty else {
            throw ImportError(
                line: 1,
                "this ACLED export lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); export with all columns"
            )
        }
        var records: [ImportRecord] = []
        var skips: [ImportSkip] = []
        for row in table.rows {
            func field(_ c: String) -> String? {
                guard let i = lowered.firstIndex(of: c) else { return nil }
                let v = row.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
                return v.isEmpty ? nil : v
            }
            func skip(_ reason: String) { skips.append(ImportSkip(line: row.line, reason: reason)) }
            let type = [field("sub_event_type"), field("event_type")].compactMap { $0?.lowercased() }.first(
                where: territorial.contains)
            guard type != nil else {
                skip("not a change of control (\(field("sub_event_type") ?? field("event_type") ?? "no type"))")
                continue
            }
            guard let id = field("event_id_cnty") else {
                skip("no event_id_cnty")
                continue
            }
            guard let dateText = field("event_date"), let day = ACLEDReader.day(dateText) else {
                skip("event_date '\(field("event_date") ?? "")' is not a date (YYYY-MM-DD or 15 March 2016)")
                continue
            }
            guard let actor = field("actor1") else {
                skip("no actor1 (who took the place)")
                continue
            }
            guard let place = field("location") else {
                skip("no location")
                continue
            }
            guard let lat = field("latitude").flatMap(Double.init), let lon = field("longitude").flatMap(Double.init)
            else {
                skip("latitude/longitude are not numbers")
                continue
            }
            let geo = field("geo_precision") ?? "1"
            let time = field("time_precision") ?? "1"
            let position = geo == "1" ? "exact" : geo == "2" ? "approximate" : "estimate"
            let precise = time == "1"
            var note = "ACLED \(id): \(field("sub_event_type") ?? field("event_type") ?? "")"
            if !precise {
                note += "; ACLED dates it only to the \(time == "2" ? "week" : "month") (time_precision \(time))"
            }
            if geo != "1" { note += "; ACLED geo_precision \(geo)" }
            if let reporters = field("source") { note += "; reported by \(reporters)" }
            let quote = field("notes") ?? "\(actor) took \(place) (ACLED \(id); no notes)"
            records.append(
                ImportRecord(
                    line: row.line, ref: "acled:\(id)", day: day, time: nil, place: place, lat: lat, lon: lon,
                    controller: actor, isActor: true,
                    status: nil, quote: quote, source: "acled",
                    sourceTitle: "ACLED (Armed Conflict Location & Event Data)",
                    url: "https://acleddata.com", confidence: precise ? "stated" : "inferred",
                    positionConfidence: position, note: note))
        }
        return (records, skips)
    }

    /// ACLED writes `2016-03-15` in API exports and `15 March 2016` in older spreadsheets.
    static func day(_ text: String) -> Day? {
        if let d = Day(text) { return d }
        let parts = text.split(separator: " ")
        let months = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        guard parts.count == 3, let d = Int(parts[0]), let y = Int(parts[2]),
            let m = months.firstIndex(where: { $0.hasPrefix(parts[1].lowercased()) && parts[1].count >= 3 })
        else { return nil }
        return Day(String(format: "%04d-%02d-%02d", y, m + 1, d))
    }
}
