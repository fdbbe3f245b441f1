
/// The state on a day as a stable JSON document for scripts and web overlays (`kmap state --format json`).
///
/// Field names and meanings are a promise: add fields, never rename or remove them.
public struct StateDocument: Codable, Sendable {
    public var campaign: String
    public var day: String
    /// "end of day", or `HH:MM`.
    public var asOf: String
    public var factions: [FactionEntry]
    public var places: [PlaceEntry]
    public var roads: [RoadEntry]
    public var supplyRoute: RouteEntry?

    public struct FactionEntry: Codable, Sendable {
        public var id: String
        public var name: String
        /// The campaign's colour; absent when the campaign leaves it to the theme.
        public var color: String?
    }

    public struct PlaceEntry: Codable, Sendable {
        public var id: String
        public var name: String
        public var kind: String
        public var lat: Double
        public var lon: Double
        public var controller: String
        /// held, contested or besieged.
        public var status: String
        public var contestedBy: [String]
        /// The day the controller took it.
        public var since: String
        public var statusSince: String
        /// stated, reported or inferred: how sure the state is.
        public var confidence: String
        /// The source id the state rests on.
        public var source: String
        public var quote: String
        /// The event that set it (`e12`), or nil for initial control.
        public var event: String?
        /// exact, approximate or estimate: how sure the position is.
        public var positionConfidence: String
        public var positionSource: String
    }

    public struct RoadEntry: Codable, Sendable {
        public var id: String
        public var name: String
        /// Whose road it is; absent for a road of no side, which is never cut.
        public var faction: String?
        /// open or cut, from control along the road.
        public var status: String
        /// open, cut or cleared (clear of enemy points but not yet reported reopened).
        public var phase: String
        public var cutAt: [String]
        /// Unnamed positions along it held against it ("two other points along the road").
        public var unnamedCutPoints: Int
    }

    public struct RouteEntry: Codable, Sendable {
        public var name: String
        public var from: String
        public var to: String
        /// connected or cut.
        public var status: String
        public var phase: String
        public var cutAt: [String]
        public var unnamedCutPoints: Int
        public var cutSince: String?
    }

    public init(campaign c: Campaign, state: ControlState) {
        campaign = c.info.title
        day = state.instant.day.description
        asOf = state.instant.isEndOfDay ? "end of day" : state.instant.time.description
        factions = c.factions.map { FactionEntry(id: $0.id, name: $0.name, color: $0.color) }
        places = c.gazetteer.places.compactMap { place in
            guard let p = state[place.id] else { return nil }
            return PlaceEntry(
                id: place.id, name: place.name, kind: place.kind.rawValue, lat: place.coordinate.lat, lon: place.coordinate.lon,
                controller: p.controller, status: p.status.rawValue, contestedBy: p.contestedBy, since: p.since.description,
                statusSince: p.statusSince.description, confidence: p.basis.confidence.rawValue, source: p.basis.source,
                quote: p.basis.quote, event: p.basis.eventID, positionConfidence: place.info.confidence.rawValue,
                positionSource: place.info.source)
        }
        roads = c.gazetteer.roads.compactMap { road in
            guard let r = state.road(road.id) else { return nil }
            return RoadEntry(id: road.id, name: road.name, faction: road.faction, status: r.isCut ? "cut" : "open", phase: r.phase.rawValue, cutAt: r.cutAt, unnamedCutPoints: r.unnamedCut)
        }
        if let info = c.info.supplyRoute, let r = state.route {
            supplyRoute = RouteEntry(
                name: info.name, from: info.from, to: info.to, status: r.isCut ? "cut" : "connected", phase: r.phase.rawValue,
                cutAt: r.cutAt, unnamedCutPoints: r.unnamedCut,
                cutSince: r.cutFromStart ? c.info.start.description : r.cutSince?.description)
        }
    }
}
