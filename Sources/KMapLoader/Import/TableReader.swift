import Foundation
import KMapModel

/// Rows of a plain CSV or TSV table into import records.
///
/// Columns (any order, names case-insensitive, renamed with `--column kmap=theirs`): date (YYYY-MM-DD), time,
/// place, lat, lon, controller (a faction id), status (held, contested, besieged), quote, source (a source
/// id), url, confidence (stated, reported, inferred). date, place, controller, quote and source are required.
public enum TableReader {
    public static let columns = [
        "date", "time", "place", "lat", "lon", "controller", "status", "quote", "source", "url", "confidence",
    ]
    public static let required = ["date", "place", "controller", "quote", "source"]

    /// The records and skips of `table`; `rename` maps kmap's column names to the file's.
    public static func read(_ table: DelimitedTable, rename: [String: String] = [:]) throws(ImportError) -> (
        records: [ImportRecord], skips: [ImportSkip]
    ) {
        let lowered = table.header.map { $0.lowercased() }
        var index: [String: Int] = [:]
        for column in columns {
            let name = (rename[column] ?? column).lowercased()
            if let i = lowered.firstIndex(of: name) { index[column] = i }
        }
        let missing = required.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw ImportError(
                line: 1,
                "the header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) (it has \(table.header.joined(separator: ", "))); rename yours with --column \(missing[0])=YOURNAME"
            )
        }
        var records: [ImportRecord] = []
        var skips: [ImportSkip] = []
        for row in table.rows {
            func field(_ c: String) -> String? {
                guard let i = index[c] else { return nil }
                let v = row.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
                return v.isEmpty ? nil : v
            }
            func skip(_ reason: String) { skips.append(ImportSkip(line: row.line, reason: reason)) }
            guard let dateText = field("date"), let day = Day(dateText) else {
                skip("the date '\(field("date") ?? "")' is not YYYY-MM-DD")
                continue
            }
            guard let place = field("place") else {
                skip("no place")
                continue
            }
            guard let controller = field("controller") else {
                skip("no controller")
                continue
            }
            guard let quote = field("quote") else {
                skip("no quote: every event quotes its source")
                continue
            }
            guard let source = field("source") else {
                skip("no source")
                continue
            }
            let lat = field("lat").flatMap(Double.init)
            let lon = field("lon").flatMap(Double.init)
            if (field("lat") != nil && lat == nil) || (field("lon") != nil && lon == nil) {
                skip("lat/lon are not numbers")
                continue
            }
            let confidence = field("confidence")?.lowercased() ?? "stated"
            guard ["stated", "reported", "inferred"].contains(confidence) else {
                skip("confidence '\(confidence)' is not stated, reported or inferred")
                continue
            }
            let status = field("status")?.lowercased()
            if let status, !["held", "contested", "besieged"].contains(status) {
                skip("status '\(status)' is not held, contested or besieged")
                continue
            }
            let ref =
                "row:"
                + [dateText, field("time") ?? "", place, controller, status ?? "held"].joined(separator: "|")
                .lowercased()
            records.append(
                ImportRecord(
                    line: row.line, ref: ref, day: day, time: field("time"), place: place, lat: lat, lon: lon,
                    controller: controller,
                    isActor: false, status: status, quote: quote, source: source, url: field("url"),
                    confidence: confidence,
                    positionConfidence: "approximate", note: nil))
        }
        return (records, skips)
    }
}
