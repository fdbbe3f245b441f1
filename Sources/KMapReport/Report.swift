import KMapCompose
import KMapModel
import KMapRender

/// What a report covers: its days, each with its state, events, changes and map, and the campaign chart.
///
/// Built once and written as HTML, Markdown or PDF, so every format tells the same story.
public struct Report: Sendable {
    public let campaign: Campaign
    public let days: [ReportDay]
    public let composer: SceneComposer
    public let chart: ChartComposer

    /// One day of the report.
    public struct ReportDay: Sendable {
        public let day: Day
        public let number: Int
        public let state: ControlState
        public let previous: ControlState
        /// Every event dated that day, in the order they apply (narrative ones included).
        public let events: [Event]
        /// Places whose control or status changed since the day before.
        public let changes: [(place: Place, before: PlaceControl, after: PlaceControl)]
        public let routeBefore: LinkPhase?
        public let routeAfter: LinkPhase?
    }

    public init(campaign: Campaign, days: [Day], composer: SceneComposer, theme: Theme) {
        self.campaign = campaign
        self.composer = composer
        self.days = days.map { day in
            let state = campaign.timeline.state(at: .endOf(day))
            let previous = campaign.stateBefore(day)
            let changes = campaign.gazetteer.places.compactMap { place -> (Place, PlaceControl, PlaceControl)? in
                guard let a = previous[place.id], let b = state[place.id],
                    a.controller != b.controller || a.status != b.status
                else { return nil }
                return (place, a, b)
            }
            return ReportDay(
                day: day, number: campaign.dayNumber(day), state: state, previous: previous,
                events: campaign.timeline.events.filter { $0.day == day }, changes: changes,
                routeBefore: previous.route?.phase,
                routeAfter: state.route?.phase)
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

    public func when(_ e: Event) -> String { e.timeWords }
}
