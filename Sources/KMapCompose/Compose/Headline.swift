import KMapModel

/// A short line saying what an event did: "ISIL takes Khanasir", "Government fights in Khanasir".
///
/// An inferred event rests on a quote that says something else (a loss implied by a later "recaptured"), so its
/// headline says so: "ISIL takes Syria Tel Hill (inferred)" over "government forces recaptured Syria Tel Hill";
/// a reported one says "(reported)".
public enum Headline {
    public static func of(_ e: Event, in campaign: Campaign) -> String {
        switch e.confidence {
        case .inferred: what(e, in: campaign) + " (inferred)"
        case .reported: what(e, in: campaign) + " (reported)"
        case .stated: what(e, in: campaign)
        }
    }

    static func what(_ e: Event, in campaign: Campaign) -> String {
        var names = e.places.map {
            campaign.gazetteer.place($0)?.name ?? campaign.gazetteer.area($0)?.name ?? campaign.gazetteer.road($0)?.name
                ?? $0
        }
        if e.unnamed > 0 {
            names.append("\(e.unnamed) unnamed \(e.roads.isEmpty ? "place" : "point")\(e.unnamed == 1 ? "" : "s")")
        }
        let list = names.joined(separator: ", ")
        func short(_ id: String) -> String { campaign.faction(id)?.shortName ?? id }
        if e.traffic == .reopened {
            return "\(e.roads.compactMap { campaign.gazetteer.road($0)?.name }.joined(separator: ", ")) reopened"
        }
        switch (e.controller, e.status) {
        case (let c?, nil), (let c?, .held?): return "\(short(c)) takes \(list)"
        case (nil, .contested?):
            return "\(e.by.map(short).joined(separator: " and ")) fight\(e.by.count == 1 ? "s" : "") in \(list)"
        case (nil, .besieged?):
            return "\(e.by.map(short).joined(separator: " and ")) besiege\(e.by.count == 1 ? "s" : "") \(list)"
        default: return list.isEmpty ? "On record" : "On record: \(list)"
        }
    }
}

extension TextMeasurer {
    /// Greedy word wrap to `width` pixels.
    public func wrap(_ s: String, font: Font, width: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if measure(candidate, font: font).width <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
