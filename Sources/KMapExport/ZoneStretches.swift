import KMapCompose
import KMapGeometry
import KMapModel

/// The derived zones of control over a campaign's history: each side's ground as polygons, per stretch in which it
/// does not change, for `kmap export --zones`.
///
/// The same geometry as the maps' shading (`ControlZones`: each known place claims its Voronoi cell up to the
/// radius, never water, merged and smoothed per side), computed on a projected plane and written back in
/// longitude/latitude. A zone changes only when some place's controller changes or it becomes known or unknown,
/// so zones are recomputed at those instants only, and a side whose ground came out the same keeps its stretch.
public struct ZoneStretches: Sendable {
    public struct Zone: Sendable, Hashable {
        public var side: String
        /// Polygons, each an outline (counter-clockwise) then holes (clockwise), rings closed, as RFC 7946 asks.
        public var polygons: [[[Coordinate]]]
        public var start: String
        /// Exclusive, as for places; nil when nothing changes it within the export.
        public var end: String?
    }

    public var zones: [Zone]
    public let radiusKm: Double

    /// Zone recomputations × places above which the export refuses (about a minute of GEOS work): issue 19's rule
    /// that no input makes kmap work without bound.
    public static let workLimit = 3_000_000

    /// Refuses before any replay when the span could need more than `workLimit` zone-site computations: the
    /// instants at which events count within it (and its days' ends, when evidence ages), plus one, times the places.
    public static func checkWork(campaign: Campaign, first: Day? = nil, last: Day? = nil) throws(ZoneExportError) {
        let timeline = campaign.timeline
        let lowest = Instant.endOf((first ?? campaign.info.start).adding(days: -1))
        let highest = Instant.endOf(last ?? campaign.info.end)
        var instants = Set<Instant>()
        for t in timeline.instants where t > lowest && t <= highest { instants.insert(t) }
        let days = timeline.staleness == nil ? 0 : highest.day.days(since: lowest.day)
        let changes = instants.count + days
        guard (changes + 1) * campaign.gazetteer.places.count <= workLimit else {
            throw .tooMuchWork(changes: changes, places: campaign.gazetteer.places.count, limit: workLimit)
        }
    }

    /// - Parameters:
    ///   - plane: the plane the geometry is computed on (`ProjectionChoice.plane(for: campaign.info.area)` on the
    ///     command line), so that reach and smoothing are true distances.
    /// - Throws: `ZoneExportError.tooMuchWork` (`checkWork`) before any geometry; `.geometry` when GEOS fails.
    public init(
        campaign: Campaign, radiusKm: Double, plane: any PlaneProjection, history: History? = nil, first: Day? = nil,
        last: Day? = nil
    ) throws(ZoneExportError) {
        self.radiusKm = radiusKm
        try Self.checkWork(campaign: campaign, first: first, last: last)
        let history = history ?? campaign.timeline.history(through: campaign.info.end)
        let from = first ?? campaign.info.start
        let window = Stretches.Window(
            from: from, lowest: Instant.endOf(from.adding(days: -1)), highest: last.map { Instant.endOf($0) })
        let places = campaign.gazetteer.places
        let index = Dictionary(places.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Who each place counts for: its controller when known, nil when no source speaks for it.
        var keys = [String?](repeating: nil, count: places.count)
        var changes: [(instant: Instant, place: Int, key: String?)] = []
        for s in history.places {
            guard let i = index[s.placeID] else { continue }
            let key = s.control.isKnown ? s.control.controller : nil
            if let start = s.start { changes.append((start, i, key)) } else { keys[i] = key }
        }
        changes.sort { $0.instant < $1.instant }
        let geometry = ZonePlane(campaign: campaign, radiusKm: radiusKm, plane: plane)

        // The instants within the window at which some place's key changes, applied in order.
        var firstInside = changes.firstIndex { $0.instant > window.lowest } ?? changes.count
        for c in changes[..<firstInside] { keys[c.place] = c.key }
        var steps: [(Instant, [(Int, String?)])] = []
        while firstInside < changes.count {
            let t = changes[firstInside].instant
            if let highest = window.highest, t > highest { break }
            var group: [(Int, String?)] = []
            while firstInside < changes.count, changes[firstInside].instant == t {
                group.append((changes[firstInside].place, changes[firstInside].key))
                firstInside += 1
            }
            steps.append((t, group))
        }

        var open: [String: (polygons: [PlanePolygon], start: Instant?)] = [:]
        var closed: [(side: String, polygons: [PlanePolygon], start: Instant?, end: Instant?)] = []
        func update(_ zones: [String: [PlanePolygon]], at t: Instant?) {
            for side in Set(open.keys).union(zones.keys).sorted() where open[side]?.polygons != zones[side] {
                if let was = open[side] { closed.append((side, was.polygons, was.start, t)) }
                open[side] = zones[side].map { ($0, t) }
            }
        }
        do {
            update(try geometry.zones(keys: keys), at: nil)
            for (t, group) in steps {
                var changed = false
                for (i, key) in group where keys[i] != key {
                    keys[i] = key
                    changed = true
                }
                if changed { update(try geometry.zones(keys: keys), at: t) }
            }
        } catch {
            throw .geometry(error.description)
        }
        for (side, was) in open { closed.append((side, was.polygons, was.start, nil)) }

        // Grouped by side in the campaign's faction order, each side's stretches in time order.
        let order = Dictionary(campaign.factions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        closed.sort {
            (order[$0.side] ?? .max, $0.side, $0.start ?? window.lowest)
                < (order[$1.side] ?? .max, $1.side, $1.start ?? window.lowest)
        }
        var zones: [Zone] = []
        var previous: (side: String, start: String)?
        for z in closed {
            guard let (start, end) = window.clip(z.start, z.end) else { continue }
            let after = previous?.side == z.side ? previous?.start : nil
            let startText = ISOTime.format(start, from: from, after: after)
            let polygons: [[[Coordinate]]]
            do { polygons = try geometry.coordinates(z.polygons) } catch { throw .geometry(error.description) }
            // GEOS may move a vertex by far less than the 1e-6° written when another side's places change: the
            // same zone as written continues its stretch.
            if let last = zones.last, last.side == z.side, last.end == startText, last.polygons == polygons {
                zones[zones.count - 1].end = end.map { ISOTime.format($0, from: from, after: last.start) }
                continue
            }
            zones.append(
                Zone(
                    side: z.side, polygons: polygons, start: startText,
                    end: end.map { ISOTime.format($0, from: from, after: startText) }))
            previous = (z.side, startText)
        }
        self.zones = zones
    }
}
