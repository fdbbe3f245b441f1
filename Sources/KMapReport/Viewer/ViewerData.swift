import KMapCompose
import KMapExport
import KMapModel
import KMapRender

/// What the viewer page shows, as one JSON document: every day's map (deduplicated SVG lines), the day's
/// events and changes, and per place the events behind its state (the `explain` chain).
///
/// The page's script only looks things up and inserts text; everything worded is worded here, once, with
/// the same sentences as the report and `kmap explain`.
public struct ViewerData: Sendable {
    public let campaign: Campaign
    public let days: [Day]
    public let maps: LineTable
    /// Per event id, the number its day's map shows beside the places it changed: a report keys its maps to
    /// its numbered event lists; the viewer alone leaves this empty (its maps carry their own panel).
    public let eventNumbers: [String: Int]
    /// Whether the page prints each day's events below the map (a report): the side panel then lists the
    /// day's events by number and headline and points to them, so no quote is printed twice.
    public let eventsBelow: Bool

    /// Draws every day's map with `composer`.
    ///
    /// - Complexity: O(days × scene): one scene and one SVG per day, no rasterising.
    public init(
        campaign: Campaign, days: [Day], composer: SceneComposer, measurer: any TextMeasurer = CairoTextMeasurer(),
        eventNumbers: [String: Int] = [:], eventsBelow: Bool = false
    ) {
        self.eventsBelow = eventsBelow
        self.campaign = campaign
        self.eventNumbers = eventNumbers
        self.days = days
        var maps = LineTable()
        for day in days {
            let scene = composer.scene(
                for: campaign.timeline.state(at: .endOf(day)), previous: campaign.stateBefore(day))
            maps.add(String(decoding: SVGWriter.write(scene, measurer: measurer), as: UTF8.self))
        }
        self.maps = maps
    }

    /// The JSON text, every string through `Escaping.json` (no `<` survives, so it can sit in a `<script>`).
    public func json() -> String {
        let c = campaign
        var out = "{"
        func key(_ k: String, _ value: String, last: Bool = false) {
            out += "\(Escaping.json(k)):\(value)\(last ? "" : ",\n")"
        }
        func strings(_ a: [String]) -> String { "[" + a.map(Escaping.json).joined(separator: ",") + "]" }
        func ints(_ a: [Int]) -> String { "[" + a.map(String.init).joined(separator: ",") + "]" }

        key("title", Escaping.json(c.info.title))
        key("eventsBelow", eventsBelow ? "true" : "false")
        key("attribution", Escaping.json(c.info.attribution))
        key("days", strings(days.map(\.description)))
        key("longDays", strings(days.map { "\($0.longDescription) (day \(c.dayNumber($0)))" }))
        key("lines", strings(maps.lines))
        key("maps", "[" + maps.documents.map(ints).joined(separator: ",\n") + "]")

        let events = c.timeline.events
        let plain = PlainReading(campaign: c)
        let eventObjects = events.map { e in
            let source =
                c.info.source(e.source).map { [$0.title, $0.publisher].compactMap { $0 }.joined(separator: ", ") }
                ?? e.source
            let when = e.time.map { "\(e.day) \($0)" } ?? "\(e.day), time not stated"
            return
                "{\"id\":\(Escaping.json(e.id)),\"day\":\(Escaping.json(e.day.description)),\"when\":\(Escaping.json(when)),"
                + "\"what\":\(Escaping.json(Headline.of(e, in: c))),\"quote\":\(Escaping.json(e.quote)),"
                + "\"cite\":\(Escaping.json("\(e.id), \(e.confidence.rawValue), \(source)")),\"note\":\(Escaping.json(e.note.map(plain.text) ?? ""))"
                + (eventNumbers[e.id].map { ",\"n\":\($0)}" } ?? "}")
        }
        key("events", "[" + eventObjects.joined(separator: ",\n") + "]")
        key("changes", "[" + days.map { strings(changes(on: $0)) }.joined(separator: ",\n") + "]")

        let initial = c.timeline.initial
        var naming: [String: [Int]] = [:]
        for (k, e) in events.enumerated() { for id in Set(e.places) { naming[id, default: []].append(k) } }
        var places: [String] = []
        for place in c.gazetteer.places {
            let exception = initial.exceptions.first { $0.places.contains(place.id) }
            let start =
                "\(c.info.start) initial control: \(exception?.controller ?? initial.controller) [\((exception?.confidence ?? initial.confidence).rawValue)]"
            let related = naming[place.id] ?? []
            places.append(
                "\(Escaping.json(SVGWriter.xmlID("place:" + place.id))):{\"name\":\(Escaping.json(place.name)),"
                    + "\"initial\":\(Escaping.json(start)),\"initialQuote\":\(Escaping.json(exception?.quote ?? initial.quote)),"
                    + "\"events\":\(ints(related))}")
        }
        key("places", "{" + places.joined(separator: ",\n") + "}", last: true)
        return out + "}"
    }

    /// "Khanasir: Government → ISIL, contested by Government", per place that changed since the day before.
    func changes(on day: Day) -> [String] {
        let before = campaign.stateBefore(day)
        let after = campaign.timeline.state(at: .endOf(day))
        func describe(_ p: PlaceControl) -> String {
            let who = campaign.faction(p.controller)?.shortName ?? p.controller
            guard p.status != .held else { return who }
            return
                "\(who), \(p.status.rawValue) by \(p.contestedBy.map { campaign.faction($0)?.shortName ?? $0 }.joined(separator: ", "))"
        }
        var out: [String] = []
        for place in campaign.gazetteer.places {
            guard let a = before[place.id], let b = after[place.id],
                a.controller != b.controller || a.status != b.status
            else { continue }
            out.append("\(place.name): \(describe(a)) → \(describe(b))")
        }
        if let a = before.route?.phase, let b = after.route?.phase, a != b, let name = campaign.info.supplyRoute?.name {
            out.append("\(name): \(a.rawValue) → \(b.rawValue)")
        }
        return out
    }
}
