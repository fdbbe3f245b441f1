import KMapLoader
import KMapModel

/// Plain-language descriptions of events and states, shared by `explain`, `diff` and `timeline`.
struct Narration {
    let campaign: Campaign

    func name(_ id: String) -> String {
        campaign.gazetteer.place(id)?.name ?? campaign.gazetteer.area(id)?.name ?? campaign.gazetteer.road(id)?.name
            ?? id
    }

    func faction(_ id: String) -> String { id }

    /// "2016-02-23 “By the evening”" (the source's words) or "2016-02-23 (time not stated)": never a clock
    /// time the source did not give.
    func when(_ e: Event) -> String {
        e.time == nil ? "\(e.day) (time not stated)" : "\(e.day) \(e.timeWords)"
    }

    /// What an event does: "isil takes Rasm al-Nafal", "contested by government", "narrative".
    func change(_ e: Event) -> String {
        var places = e.places.map(name)
        if e.unnamed > 0 { places.append("\(e.unnamed) unnamed place\(e.unnamed == 1 ? "" : "s")") }
        let list = places.isEmpty ? "" : " " + places.joined(separator: ", ")
        let onRoads = e.unnamed > 0 && !e.roads.isEmpty ? " (on \(e.roads.map(name).joined(separator: ", ")))" : ""
        if let traffic = e.traffic { return "\(e.roads.map(name).joined(separator: ", ")) \(traffic.rawValue)" }
        switch (e.controller, e.status) {
        case (let c?, nil), (let c?, .held?): return "\(c) takes\(list)\(onRoads)"
        case (let c?, let s?): return "\(c) holds\(list), \(s.rawValue) by \(e.by.joined(separator: "+"))"
        case (nil, let s?): return "\(s.rawValue)\(list.isEmpty ? "" : ":")\(list) by \(e.by.joined(separator: "+"))"
        case (nil, nil): return "on record\(list.isEmpty ? "" : ":")\(list)"
        }
    }

    /// "isil, held since 2016-02-23" or "isil, contested by government since 2016-02-24".
    func state(_ c: PlaceControl) -> String {
        if !c.isKnown { return "unknown: no source gives its control on this day" }
        switch c.status {
        case .held: return "\(c.controller), held since \(c.since)"
        default:
            return
                "\(c.controller), \(c.status.rawValue) by \(c.contestedBy.joined(separator: "+")) since \(c.statusSince)"
        }
    }

    /// The source's name for a source id.
    func source(_ id: String) -> String {
        guard let s = campaign.info.source(id) else { return id }
        return [s.title, s.publisher].compactMap { $0 }.joined(separator: ", ")
    }

    /// " (partisan: …)" for a source that speaks for a side, else "".
    func partisan(_ id: String) -> String {
        campaign.info.source(id)?.partisan.map { " (partisan: \($0))" } ?? ""
    }

    /// An event as a block of lines, quote included.
    func block(_ e: Event, indent: String = "  ") -> String {
        var out =
            "\(indent)\(when(e))  \(change(e))  [\(e.confidence.rawValue); \(e.id), \(campaign.files.events):\(e.line)]\n"
        out += "\(indent)  “\(e.quote)” (\(source(e.source)))\n"
        for c in e.citations { out += "\(indent)  also: \(source(c))\(partisan(c))\n" }
        if let note = e.note { out += "\(indent)  note: \(note)\n" }
        return out
    }
}
