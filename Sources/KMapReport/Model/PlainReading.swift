import Foundation
import KMapModel

/// An event's note as a report's reader gets it: kmap's data vocabulary turned into plain words.
///
/// Notes are written by the people who keep a campaign's files, for each other: they say where a field was set
/// (`by`, `controller isil`, "gazetteer tie: inferred") and how the file is kept ("filed here to keep dates in
/// order"). A reader of the report needs the reading, not the bookkeeping: field names become what they mean,
/// sentences only about the file are left out. The words of the note are otherwise kept.
struct PlainReading {
    let campaign: Campaign

    func text(_ note: String) -> String {
        var s = note
        for (pattern, replacement) in rules { s = replace(pattern, in: s, with: replacement) }
        // `controller isil`, `by: [government]`: a faction id becomes the faction's name.
        s = replace(#"controller ([a-z0-9_-]+)"#, in: s) { "drawn as held by \(name($0[1]))" }
        s = replace(#"`by: \[([a-z0-9_-]+)\]`"#, in: s) { "counted with the \(name($0[1])) side" }
        s = replace(#"([A-Z][\w' -]+) in `by`"#, in: s) { "\($0[1]) among the attacking forces" }
        // A place's id ("al-qulayah") becomes its name.
        for place in campaign.gazetteer.places where place.id != place.name && s.contains(place.id) {
            s = replace(#"(?<![\w'-])"# + NSRegularExpression.escapedPattern(for: place.id) + #"(?![\w'-])"#, in: s) {
                _ in
                place.name
            }
        }
        s = s.replacingOccurrences(of: "`", with: "")
        s = replace(#"\s+"#, in: s, with: " ")
        return s.trimmingCharacters(in: .whitespaces)
    }

    func name(_ id: String) -> String { campaign.faction(id)?.shortName ?? id }

    var days: String { campaign.info.staleness.map { "\($0.unknown) days without news" } ?? "a long silence" }

    /// Pattern → replacement, applied in order (earlier rules take the longer phrases).
    var rules: [(String, String)] {
        [
            // Sentences and clauses about how the file is kept.
            (#"[^.]*\bso the file stays in time order\.\s*"#, ""),
            (#",? filed here to keep dates in order"#, ""),
            (#"\(the format has no end date\)"#, "(an event has a single date)"),
            (#"\bFiled on the day of publication\b"#, "Dated by its day of publication"),
            (#"\b[Ff]iled on\b"#, "dated"),
            (#"\bfiled\b"#, "dated"),
            (#"\bin the source's order\b"#, "in the order the source tells them"),
            (#"\bfile order\b"#, "the order the source tells them"),
            // How places are identified.
            (#"\(gazetteer tie: (\w+)\)"#, "(an identification $1 by name)"),
            (#"gazetteer tie: (\w+)"#, "identification $1"),
            (#"\(tie (\w+)\)"#, "(identification $1)"),
            (#"\btie (stated|reported|inferred)\b"#, "identification $1"),
            (#"\btied by inference( only)?"#, "identified by inference only"),
            (#"\(tiedTo this sentence: ([^)]*)\)"#, "(linked to this sentence: $1)"),
            (#"\bties (\d+) to this sentence\b"#, "links $1 to this sentence"),
            (#"\bthe gazetteer's places\b"#, "the map's places"),
            (#"\bthe gazetteer does not hold\b"#, "the map does not show"),
            (#"\bthe gazetteer\b"#, "the map's list of places"),
            (#"\bthe (map )?module's\b"#, "the Wikipedia map's"),
            (#"\bmap module\b"#, "Wikipedia map"),
            // Confidence and ageing.
            (#"\bcombined confidence\b"#, "overall confidence"),
            (#"\(initial control\)"#, "(at the start)"),
            (#"\s*\(initial\.except\)"#, ""),
            (#"\(staleAfter\)"#, "(after \(days))"),
            (#"\bafter staleAfter\b"#, "after \(days)"),
            (
                #"\bolder than staleAfter\b"#,
                "older than \(campaign.info.staleness.map { "\($0.unknown) days" } ?? "its limit")"
            ),
            (#"\bstaleAfter\b"#, days),
            (#"\(from ([^,)]+), then aged\)"#, "(from $1, then less certain as the news ages)"),
            // Time and status words of the data.
            (#"Untimed \(no time in the sentence\)"#, "The sentence gives no time"),
            (#": untimed like it\b"#, ", with no time given, like it"),
            (#": untimed\b"#, ""),
            (#", untimed\b"#, ", no time given"),
            (#"\bUntimed\b"#, "No time given"),
            (#"\buntimed\b"#, "given no time"),
            (#"\bno `unnamed` count can be given\b"#, "they cannot be counted"),
            (#"\bit stays narrative \(no controller\)"#, "it is kept on record without a change of control"),
            (#"\bnarrative, no status\b"#, "on record, no change of status"),
            (#": narrative\b"#, ": on record, no change of control"),
            (#"\bNarrative naming\b"#, "On record only, naming"),
            (#"\bNarrative\b"#, "On record only"),
            (#"\bnarrative\b"#, "on record only"),
            (#"\(no status\)"#, "(no change of status)"),
            (#"\(not `(\w+)`\)"#, "(not shown as $1)"),
            (#"\bis not a place and is not modelled\b"#, "is not a place and is not drawn"),
            (#"\bthe road's via\b"#, "the road's course"),
            (#"\bin the issue from\b"#, "in an earlier draft of this map, from"),
        ]
    }

    func replace(_ pattern: String, in s: String, with template: String) -> String {
        let re = try! NSRegularExpression(pattern: pattern)
        return re.stringByReplacingMatches(
            in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
    }

    /// Replaces each match with what `f` makes of its groups (0 the whole match).
    func replace(_ pattern: String, in s: String, _ f: ([String]) -> String) -> String {
        let re = try! NSRegularExpression(pattern: pattern)
        var out = ""
        var last = s.startIndex
        for m in re.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            let whole = Range(m.range, in: s)!
            out += s[last..<whole.lowerBound]
            let groups = (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: s).map { String(s[$0]) } ?? "" }
            out += f(groups)
            last = whole.upperBound
        }
        return out + s[last...]
    }
}
