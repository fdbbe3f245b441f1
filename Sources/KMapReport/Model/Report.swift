import KMapCompose
import KMapModel
import KMapRender

/// What a report covers: its days, each with its state, events, changes and map, and the campaign chart.
///
/// Built once and written as HTML, Markdown or PDF, so every format tells the same story: every event of each
/// day, numbered as on the map beside it, each quote printed at its first event, the same readings in the appendix.
public struct Report: Sendable {
    public let campaign: Campaign
    public let days: [ReportDay]
    /// The maps' composer: the caller's, without the map's own changes panel (the report lists the events).
    public let composer: SceneComposer
    public let chart: ChartComposer

    public init(campaign: Campaign, days: [Day], composer: SceneComposer, theme: Theme) {
        self.campaign = campaign
        var options = composer.options
        options.changesPanel = false
        let maps = SceneComposer(campaign: campaign, theme: composer.theme, options: options)
        self.composer = maps
        var firstQuoted: [String: ReportEntry.QuotedAt] = [:]
        self.days = days.map { day in
            let state = campaign.timeline.state(at: .endOf(day))
            let previous = campaign.stateBefore(day)
            let changes = campaign.gazetteer.places.compactMap { place -> (Place, PlaceControl, PlaceControl)? in
                guard let a = previous[place.id], let b = state[place.id],
                    a.controller != b.controller || a.status != b.status
                else { return nil }
                return (place, a, b)
            }
            let numbers = ChangeNumbers.of(
                campaign, from: previous, to: state,
                drawnIn: maps.scene(for: state, previous: previous))
            let entries = campaign.timeline.events.filter { $0.day == day }.map { e in
                let quotedAt = firstQuoted[e.quote]
                if quotedAt == nil {
                    firstQuoted[e.quote] = .init(event: e, headline: Headline.of(e, in: campaign))
                }
                return ReportEntry(event: e, number: numbers[e.id], quotedAt: quotedAt)
            }
            return ReportDay(
                day: day, number: campaign.dayNumber(day), state: state, previous: previous, entries: entries,
                changes: changes, routeBefore: previous.route?.phase, routeAfter: state.route?.phase)
        }
        let first = days.first ?? campaign.info.start
        let last = days.last ?? campaign.info.end
        chart = ChartComposer(campaign: campaign, theme: theme, from: first, to: max(last, first.adding(days: 1)))
    }

    /// The report's days: every day from `from` to `to` when either is given, otherwise every day with an event.
    public static func days(of campaign: Campaign, from: Day?, to: Day?) -> [Day] {
        if from == nil, to == nil {
            return Array(Set(campaign.timeline.events.map(\.day))).sorted()
        }
        let a = from ?? campaign.info.start
        let b = to ?? campaign.info.end
        return (0...max(0, b.days(since: a))).map { a.adding(days: $0) }
    }

    public func mapScene(_ d: ReportDay) -> Scene { composer.scene(for: d.state, previous: d.previous) }

    /// The file name of a day's map in a report folder (`maps/khanasir-2016-02-23.png`).
    public func mapName(_ d: ReportDay) -> String { "maps/\(campaign.info.slug)-\(d.day).png" }

    /// A day's map as PNG.
    public func mapPNG(_ d: ReportDay) throws -> [UInt8] {
        try SceneEncoder.encode(mapScene(d), as: .png)
    }

    func name(_ faction: String) -> String { campaign.faction(faction)?.shortName ?? faction }

    /// What the map shows, in words: the alt text of the day's map.
    public func altText(_ d: ReportDay) -> String {
        var parts = [
            "Map of the \(campaign.info.title) area on \(d.day.longDescription), end of day (day \(d.number))."
        ]
        if let route = d.state.route, let info = campaign.info.supplyRoute {
            var cutPlaces = route.cutAt.compactMap { campaign.gazetteer.place($0)?.name }
            if route.unnamedCut > 0 {
                cutPlaces.append("\(route.unnamedCut) unnamed point\(route.unnamedCut == 1 ? "" : "s")")
            }
            switch route.phase {
            case .cut: parts.append("The \(info.name) is cut at \(cutPlaces.joined(separator: ", ")).")
            case .cleared: parts.append("The \(info.name) is cleared of enemy positions but not yet reported reopened.")
            case .open: parts.append("The \(info.name) is open.")
            case .unknown: parts.append("No recent source says whether the \(info.name) is open.")
            }
        }
        var held: [String: Int] = [:]
        for p in d.state.places where p.isKnown { held[p.controller, default: 0] += 1 }
        let counts = campaign.factions.compactMap { f in held[f.id].map { "\(f.shortName) holds \($0)" } }
        parts.append(counts.joined(separator: ", ") + " of \(d.state.places.count) named places.")
        let contested = d.state.places.filter { $0.status == .contested }.compactMap {
            campaign.gazetteer.place($0.placeID)?.name
        }
        if !contested.isEmpty { parts.append("Contested: \(contested.joined(separator: ", ")).") }
        if d.changes.isEmpty {
            parts.append("No place changed hands since the day before.")
        } else {
            let list = d.changes.map { "\($0.place.name) (\(describe($0.after)))" }
            parts.append("Changed since the day before: \(list.joined(separator: "; ")).")
        }
        return parts.joined(separator: " ")
    }

    /// "ISIL", "contested by Government".
    public func describe(_ c: PlaceControl) -> String {
        c.status == .held
            ? name(c.controller)
            : "\(name(c.controller)), \(c.status.rawValue) by \(c.contestedBy.map(name).joined(separator: ", "))"
    }

    /// "e12, stated, 2016 Khanasir offensive (Wikipedia)".
    public func citation(_ e: Event) -> String {
        let source =
            campaign.info.source(e.source).map { [$0.title, $0.publisher].compactMap { $0 }.joined(separator: ", ") }
            ?? e.source
        return "\(e.id), \(e.confidence.rawValue), \(source)"
    }

    /// "“by the end of the day” · Government takes 1 unnamed place": the source's time, when it gives one, and
    /// what the event did. A missing time is left unsaid rather than written on every line.
    public func line(_ e: Event) -> String {
        let what = Headline.of(e, in: campaign)
        return e.when != nil || e.time != nil ? "\(e.timeWords) · \(what)" : what
    }
}

extension Report {
    /// What stands in for a quote printed earlier: "The same sentence as “ISIL takes Rasm al-Nafal” above." on
    /// its own day, else the day and headline under which it was printed. Named by headline, not by number, as
    /// the numbers are the map's and a PDF page's map is not the HTML's.
    public func quoteReference(_ q: ReportEntry.QuotedAt, on day: Day) -> String {
        q.event.day == day
            ? "The same sentence as “\(q.headline)” above."
            : "The sentence quoted on \(q.event.day.longDescription) under “\(q.headline)”."
    }

    /// "21 February 2016 to 29 February 2016", or the one day.
    public var span: String {
        let first = days.first?.day.longDescription ?? ""
        let last = days.last?.day.longDescription ?? ""
        return first == last ? first : "\(first) to \(last)"
    }

    /// The editorial readings behind the report's events, in plain words, in report order.
    public var readings: [(event: Event, headline: String, text: String)] {
        let plain = PlainReading(campaign: campaign)
        return days.flatMap(\.events).compactMap { e in
            e.note.map { (e, Headline.of(e, in: campaign), plain.text($0)) }
        }
    }
}

extension Report {
    /// What the appendix of readings is, for its reader.
    public static let readingsIntro =
        "Where a source needed interpreting (a place it does not name, a time it does not give, a claim only one side makes), the people who keep the campaign's data wrote down how they read it. Their notes follow, event by event, with the data's own terms put in plain words."
}
