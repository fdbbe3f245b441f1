import KMapModel

/// A campaign's history within `--from/--to` as flat records with ISO 8601 times: what every export format writes.
///
/// The formats differ only in syntax; what a stretch is, when it starts and ends and what it rests on is decided
/// here once, so GeoJSON, KML and CSV always agree.
public struct Stretches: Sendable {
    /// One place's unchanged state.
    public struct Place: Sendable, Hashable {
        public var id: String
        public var name: String
        public var kind: String
        public var coordinate: Coordinate
        public var start: String
        /// Exclusive: the next change. nil when nothing changes it within the export.
        public var end: String?
        public var controller: String
        public var status: String
        /// Attackers (contested) or besiegers (besieged), joined by ", "; nil when held.
        public var attacker: String?
        public var confidence: String
        public var source: String
        public var url: String?
        public var quote: String
        /// The event that set it (`e12`); nil for initial control.
        public var event: String?
    }

    /// One road's unchanged status.
    public struct Road: Sendable, Hashable {
        public var id: String
        public var name: String
        public var path: [Coordinate]
        public var start: String
        public var end: String?
        /// open or cut.
        public var status: String
        /// open, cut or cleared.
        public var phase: String
        /// Place ids where it is cut, joined by ", ".
        public var cutAt: String
        public var unnamedCutPoints: Int
    }

    public var places: [Place]
    public var roads: [Road]

    /// The stretches that overlap the days `first...last` (the whole campaign when nil).
    ///
    /// A stretch begun before `first` starts at `first`; one that ends after `last` is left open (`end` nil):
    /// the export says nothing about what came after.
    public init(campaign: Campaign, history: History? = nil, first: Day? = nil, last: Day? = nil) {
        let history = history ?? campaign.timeline.history(through: campaign.info.end)
        let from = first ?? campaign.info.start
        let lowest = Instant.endOf(from.adding(days: -1))
        let highest = last.map { Instant.endOf($0) }
        let window = Window(from: from, lowest: lowest, highest: highest)
        let sources = Dictionary(campaign.info.sources.map { ($0.id, $0.url) }, uniquingKeysWith: { a, _ in a })

        var places: [Place] = []
        var previousID: String?
        var previousStart: String?
        for s in history.places {
            guard let place = campaign.gazetteer.place(s.placeID), let (start, end) = window.clip(s.start, s.end) else {
                continue
            }
            if s.placeID != previousID { previousStart = nil }
            let startText = ISOTime.format(start, from: from, after: previousStart)
            let c = s.control
            places.append(
                Place(
                    id: place.id, name: place.name, kind: place.kind.rawValue, coordinate: place.coordinate,
                    start: startText,
                    end: end.map { ISOTime.format($0, from: from, after: startText) }, controller: c.controller,
                    status: c.status.rawValue,
                    attacker: c.contestedBy.isEmpty ? nil : c.contestedBy.joined(separator: ", "),
                    confidence: c.basis.confidence.rawValue, source: c.basis.source,
                    url: sources[c.basis.source] ?? nil,
                    quote: c.basis.quote, event: c.basis.eventID))
            previousID = s.placeID
            previousStart = startText
        }
        self.places = places

        var roads: [Road] = []
        previousID = nil
        for s in history.roads {
            guard let road = campaign.gazetteer.road(s.roadID), let (start, end) = window.clip(s.start, s.end) else {
                continue
            }
            if s.roadID != previousID { previousStart = nil }
            let startText = ISOTime.format(start, from: from, after: previousStart)
            roads.append(
                Road(
                    id: road.id, name: road.name, path: road.path, start: startText,
                    end: end.map { ISOTime.format($0, from: from, after: startText) },
                    status: s.state.isCut ? "cut" : "open",
                    phase: s.state.phase.rawValue, cutAt: s.state.cutAt.joined(separator: ", "),
                    unnamedCutPoints: s.state.unnamedCut))
            previousID = s.roadID
            previousStart = startText
        }
        self.roads = roads
    }

    /// The export's span as instants.
    struct Window {
        var from: Day
        /// Stretches that end at or before this (the end of the day before `from`) are not shown.
        var lowest: Instant
        /// Stretches that start after this are not shown; ends after it are left open.
        var highest: Instant?

        /// The stretch's start (nil: the window's start) and end within the window, or nil when it lies outside.
        func clip(_ start: Instant?, _ end: Instant?) -> (Instant?, Instant?)? {
            if let end, end <= lowest { return nil }
            if let highest, let start, start > highest { return nil }
            let clippedStart = start.flatMap { $0 <= lowest ? nil : $0 }
            let clippedEnd = end.flatMap { e in highest.map { e > $0 } == true ? nil : e }
            return (clippedStart, clippedEnd)
        }
    }
}
