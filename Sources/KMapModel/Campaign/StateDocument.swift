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
        /// A faction id, or "unknown" when no evidence covers the day (none ever did, or it is older than the
        /// campaign's `staleAfter`).
        public var controller: String
        /// held, contested or besieged.
        public var status: String
        public var contestedBy: [String]
        /// The day the controller took it.
        public var since: String
        public var statusSince: String
        /// stated, reported or inferred: how sure the event (or initial control) is; "unknown" without one.
        public var confidence: String
        /// stated (its source names the place), reported or inferred: how sure the identification of a place a
        /// source only counts ("six other villages") with this one is.
        public var tie: String
        /// exact, approximate or estimate: how sure the position is (the same as `positionConfidence`).
        public var position: String
        /// stated, reported, inferred or unknown: the weakest of the event (aged by `staleAfter`), the tie and
        /// the position. This is what the map draws.
        public var combinedConfidence: String
        /// The day of the evidence the state rests on.
        public var evidenceDay: String
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
        /// open or cut from control along the road; cleared when clear of enemy points but not reported
        /// reopened; unknown when no source has spoken of it within `staleAfter`.
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
        /// connected or cut; cleared when clear but not reported reopened; unknown when stale.
        public var status: String
        public var phase: String
        public var cutAt: [String]
        public var unnamedCutPoints: Int
        public var cutSince: String?
    }

    /// "cut" while control cuts it, "cleared" until a source reports it reopened, "unknown" when stale,
    /// else `open`: a road is not called open before any source says so.
    static func status(_ r: LinkState, open: String) -> String {
        if r.phase == .unknown { return "unknown" }
        if r.isCut { return "cut" }
        return r.phase == .cleared ? "cleared" : open
    }

    public init(campaign c: Campaign, state: ControlState) {
        campaign = c.info.title
        day = state.instant.day.description
        asOf = state.instant.isEndOfDay ? "end of day" : state.instant.time.description
        factions = c.factions.map { FactionEntry(id: $0.id, name: $0.name, color: $0.color) }
        places = c.gazetteer.places.compactMap { place in
            guard let p = state[place.id] else { return nil }
            let known = p.basis.eventID != nil || !p.basis.source.isEmpty
            return PlaceEntry(
                id: place.id, name: place.name, kind: place.kind.rawValue, lat: place.coordinate.lat,
                lon: place.coordinate.lon,
                controller: p.controller, status: p.status.rawValue, contestedBy: p.contestedBy,
                since: p.since.description,
                statusSince: p.statusSince.description, confidence: known ? p.basis.confidence.rawValue : "unknown",
                tie: place.tie?.confidence ?? "stated", position: place.info.confidence.rawValue,
                combinedConfidence: p.confidence.rawValue,
                evidenceDay: p.basis.day.description, source: p.basis.source, quote: p.basis.quote,
                event: p.basis.eventID,
                positionConfidence: place.info.confidence.rawValue, positionSource: place.info.source)
        }
        roads = c.gazetteer.roads.compactMap { road in
            guard let r = state.road(road.id) else { return nil }
            return RoadEntry(
                id: road.id, name: road.name, faction: road.faction, status: Self.status(r, open: "open"),
                phase: r.phase.rawValue, cutAt: r.cutAt, unnamedCutPoints: r.unnamedCut)
        }
        if let info = c.info.supplyRoute, let r = state.route {
            supplyRoute = RouteEntry(
                name: info.name, from: info.from, to: info.to, status: Self.status(r, open: "connected"),
                phase: r.phase.rawValue,
                cutAt: r.cutAt, unnamedCutPoints: r.unnamedCut,
                cutSince: r.cutFromStart ? c.info.start.description : r.cutSince?.description)
        }
    }
}
