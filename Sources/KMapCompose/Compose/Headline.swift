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
    /// Greedy word wrap to `width` pixels: each line takes as many words as fit, and at least one.
    ///
    /// A line's width only grows with each word, so the longest run that fits is found by halving: a line of n
    /// words costs about log n measurements instead of n (each is a text layout), and text that fits costs one.
    public func wrap(_ s: String, font: Font, width: Double) -> [String] {
        let words = s.split(separator: " ")
        func fits(_ run: ArraySlice<Substring>) -> Bool {
            measure(run.joined(separator: " "), font: font).width <= width
        }
        var lines: [String] = []
        var start = 0
        while start < words.count {
            var low = start + 1
            var high = words.count
            if fits(words[start..<high]) { low = high }
            while low < high {
                let mid = (low + high + 1) / 2
                if fits(words[start..<mid]) { low = mid } else { high = mid - 1 }
            }
            lines.append(words[start..<low].joined(separator: " "))
            start = low
        }
        return lines
    }
}
