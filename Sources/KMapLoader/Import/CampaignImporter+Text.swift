import Foundation
import KMapModel

extension CampaignImporter {
    /// A YAML double-quoted scalar: backslash, quote and line breaks escaped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": break
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// A JSON string literal.
    static func json(_ s: String) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes]))
            ?? Data("[\"\"]".utf8)
        return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
    }

    static func feature(
        id: String, record r: ImportRecord, lat: Double, lon: Double, source: String, sourceRef: String?
    ) -> String {
        let note = "added by kmap import from line \(r.line) (\(r.ref)); kind guessed: check it"
        // A position found by name is a candidate, not a fact: approximate until someone checks it.
        let confidence = sourceRef == nil ? r.positionConfidence : "approximate"
        let ref = sourceRef.map { ", \"sourceRef\": \(json($0))" } ?? ""
        return """
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [\(lon), \(lat)]},
               "properties": {"id": \(json(id)), "name": \(json(r.place)), "aliases": [], "kind": "village", "source": \(json(source))\(ref), "confidence": \(json(confidence)), "note": \(json(note))}}
            """
    }

    static func event(_ r: ImportRecord, place: String, controller: String) -> String {
        var y = "- date: \(r.day)\n"
        if let time = r.time { y += "  time: \(quoted(time))\n" }
        y += "  places: [\(place)]\n"
        if let status = r.status, status != "held" {
            y += "  status: \(status)\n  by: [\(controller)]\n"
        } else {
            y += "  controller: \(controller)\n"
        }
        y += "  quote: \(quoted(r.quote))\n  source: \(r.source)\n  confidence: \(r.confidence)\n"
        y +=
            "  note: \(quoted(([r.note].compactMap { $0 } + ["imported by kmap (\(r.ref))"]).joined(separator: "; ")))\n"
        return y
    }

    /// `events` appended to the end of events.yaml (whose last key must be `events`), indented like its items.
    static func appendEvents(_ events: [String], to text: String) -> String {
        guard !events.isEmpty else { return text }
        var t = text
        // `events: []` (as kmap init writes it) becomes a block list.
        if let r = t.range(of: "\nevents: []") { t.replaceSubrange(r, with: "\nevents:") }
        let indent =
            t.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- date:") }
            .map { String($0.prefix { $0 == " " }) } ?? "  "
        if !t.hasSuffix("\n") { t += "\n" }
        for e in events {
            t += e.split(separator: "\n").map { indent + $0 }.joined(separator: "\n") + "\n"
        }
        return t
    }

    /// `features` inserted at the end of the FeatureCollection's `features` list (which must be its last member).
    static func appendFeatures(_ features: [String], to text: String, empty: Bool) throws -> String {
        guard !features.isEmpty else { return text }
        guard let close = text.range(of: #"\]\s*\}\s*$"#, options: .regularExpression) else {
            throw ImportError(
                line: nil,
                "gazetteer.geojson must end with its 'features' list (…]}) for kmap import to add places; move 'features' last"
            )
        }
        var before = String(text[..<close.lowerBound])
        while before.last?.isWhitespace == true { before.removeLast() }
        let joined = features.joined(separator: ",\n")
        return before + (empty ? "\n" : ",\n") + joined + "\n" + text[close.lowerBound...]
    }

    /// `sources` (YAML list items) inserted at the start of campaign.yaml's `sources:` block list.
    static func appendSources(_ sources: [String], to text: String) throws -> String {
        guard !sources.isEmpty else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard
            let i = lines.firstIndex(where: {
                $0.hasPrefix("sources:") && $0.dropFirst(8).trimmingCharacters(in: .whitespaces).hasPrefix("#")
                    || $0 == "sources:"
            })
        else {
            throw ImportError(
                line: nil,
                "campaign.yaml needs a block list 'sources:' (one '- id: …' per line) for kmap import to add a source")
        }
        let indent =
            lines[(i + 1)...].first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }.map {
                String($0.prefix { $0 == " " })
            } ?? "  "
        let added = sources.flatMap { $0.split(separator: "\n").map { indent + $0 } }
        lines.insert(contentsOf: added, at: i + 1)
        return lines.joined(separator: "\n")
    }
}

/// YAML quoting for the command's actor map.
public enum CampaignImporterQuote {
    public static func quoted(_ s: String) -> String { CampaignImporter.quoted(s) }
}
