internal import CGEOS

/// Zones of control derived from places, as an analyst's map shades them: each place claims the ground nearest
/// to it (its Voronoi cell), no further than `reach`, never water; the cells of one side merge and are smoothed.
///
/// The places' control is sourced, the zones are not: they are a reading aid, and the composer labels them
/// "derived, not sourced". All geometry goes through GEOS with one context per call, so frames composed in
/// parallel share nothing.
public struct ControlZones: Sendable {
    public struct Site: Sendable, Hashable {
        public var id: String
        public var point: PlanePoint
        /// Who holds it.
        public var side: String
        /// For a contested place, the attacker: its cell is hatched in that side's colour.
        public var attacker: String?

        public init(id: String, point: PlanePoint, side: String, attacker: String? = nil) {
            self.id = id
            self.point = point
            self.side = side
            self.attacker = attacker
        }
    }

    /// Each side's merged zone, in the order of `sides`; sides with no ground are left out.
    public var zones: [(side: String, polygons: [PlanePolygon])]
    /// Lines where the zones of two sides meet.
    public var fronts: [[PlanePoint]]
    /// Hatch strokes over contested places' cells, in the attacker's colour.
    public var hatches: [(site: String, attacker: String, lines: [[PlanePoint]])]
    /// How many GEOS operations the zones took: work that grows about as n log n with the number of sites.
    public private(set) var operations = 0

    /// - Parameters:
    ///   - reach: how far a place's claim extends, in the plane's units.
    ///   - water: polygons never shaded (lakes).
    ///   - frame: the rectangle zones are cut to (minX, minY, maxX, maxY).
    ///   - smoothing: the radius by which the zones' corners are rounded (a morphological opening, so a zone only
    ///     ever loses ground and never overlaps another side's).
    ///   - hatchSpacing: the distance between hatch strokes.
    /// - Complexity: O(n log n) in the number of sites: GEOS's Voronoi diagram and cascaded union, and a constant
    ///   number of GEOS operations per site (`operations` counts them; `ZoneScaleTests` checks the growth).
    public init(
        sites: [Site], sides: [String], reach: Double, water: [PlanePolygon], frame: (Double, Double, Double, Double),
        smoothing: Double,
        hatchSpacing: Double
    ) throws(GeometryError) {
        zones = []
        fronts = []
        hatches = []
        guard !sites.isEmpty, reach > 0 else { return }
        let ctx = GEOSContext()
        let clip = try ctx.rectangle(minX: frame.0, minY: frame.1, maxX: frame.2, maxY: frame.3)
        let xs = sites.map(\.point.x)
        let ys = sites.map(\.point.y)
        let envelope = try ctx.rectangle(
            minX: xs.min()! - 2 * reach, minY: ys.min()! - 2 * reach, maxX: xs.max()! + 2 * reach,
            maxY: ys.max()! + 2 * reach)
        var points: [Geometry] = []
        for s in sites { points.append(try ctx.point(s.point)) }
        let cells =
            sites.count > 1
            ? try ctx.collection(GEOS_MULTIPOINT, try points.map { p throws(GeometryError) in try p.clone() }).voronoi(
                envelope: envelope
            ).parts() : [envelope]
        var lakes: [(shape: Geometry, box: Box)] = []
        // buffer(0) repairs a self-crossing outline (a hand-drawn lake), which would otherwise fail the overlay.
        for w in water where w.first.map({ $0.count >= 3 }) == true {
            let lake = try ctx.polygon(w).buffer(0)
            if !lake.isEmpty { lakes.append((lake, Box(lake.envelope))) }
        }
        let frameBox = Box(frame)

        // Each site's cell, found among the few sites near it (a grid), not by testing every site against every cell.
        var cellOf = [Int?](repeating: nil, count: sites.count)
        if sites.count > 1 {
            let grid = SiteGrid(sites.map(\.point))
            for (c, cell) in cells.enumerated() {
                let e = cell.envelope
                // Places at the same point share one cell, so every candidate is tried.
                for i in grid.candidates(minX: e.minX, minY: e.minY, maxX: e.maxX, maxY: e.maxY)
                where cellOf[i] == nil && cell.contains(points[i]) {
                    cellOf[i] = c
                }
            }
        }
        // A disc's quarter in as many segments as keep it within 0.1 of a circle (16 from a reach of about 90): a
        // small-scale frame of many places gets 5-segment quarters, a third of the vertices of every overlay after.
        let discSegments = Int32(
            min(16, max(4, (Double.pi / 4 / acos(max(-1, 1 - 0.1 / max(reach, 0.1)))).rounded(.up))))
        // Each site's ground: its cell within reach, cut to the frame and the lakes only where it reaches them,
        // so a site costs the same whatever the number of sites and lakes.
        var shapes: [Geometry] = []
        for i in sites.indices {
            let cell = cellOf[i].map { cells[$0] } ?? envelope
            var shape = try cell.intersection(try points[i].buffer(reach, segments: discSegments))
            let box = Box(shape.envelope)
            if !frameBox.contains(box) { shape = try shape.intersection(clip) }
            for lake in lakes where lake.box.intersects(box) { shape = try shape.difference(lake.shape) }
            shapes.append(shape)
        }

        var unions: [(String, Geometry)] = []
        for side in sides {
            let members = sites.indices.filter { sites[$0].side == side }
            guard !members.isEmpty else { continue }
            let merged = try ctx.collection(
                GEOS_GEOMETRYCOLLECTION, try members.map { i throws(GeometryError) in try shapes[i].clone() }
            ).unaryUnion()
            guard !merged.isEmpty else { continue }
            unions.append((side, merged))
            // Rounding corners by less than a unit (a pixel) shows nothing and costs two buffers of the whole zone.
            var smooth = smoothing >= 1 ? try merged.buffer(-smoothing).buffer(smoothing) : merged
            // GEOS's buffer can return rings that touch themselves; a GIS tool given the export would reject them.
            if !smooth.isValid { smooth = try smooth.madeValid() }
            zones.append((side, smooth.polygons))
        }
        // Each zone's outline and its half-unit widening once, not once per pair of sides.
        var outlines: [Geometry] = []
        var widened: [Geometry] = []
        for (_, union) in unions {
            outlines.append(try union.boundary())
            widened.append(try union.buffer(0.5, segments: 2))
        }
        for i in unions.indices {
            for j in unions.indices where j > i {
                // The part of one side's outline that runs along the other's zone: robust where an exact
                // intersection of two outlines would find only points (their vertices differ after the union).
                let shared = try outlines[i].intersection(widened[j])
                guard !shared.isEmpty else { continue }
                fronts += try shared.lineMerge().lines.filter { $0.count > 1 }
            }
        }
        for (i, site) in sites.enumerated() {
            guard let attacker = site.attacker, hatchSpacing > 0 else { continue }
            let p = site.point
            var strokes: [Geometry] = []
            var k = -2 * reach
            while k <= 2 * reach {
                strokes.append(
                    try ctx.line([
                        PlanePoint(x: p.x + k - reach, y: p.y + reach), PlanePoint(x: p.x + k + reach, y: p.y - reach),
                    ]))
                k += hatchSpacing
            }
            let lines = try ctx.collection(GEOS_MULTILINESTRING, strokes).intersection(shapes[i]).lines.filter {
                $0.count > 1
            }
            if !lines.isEmpty { hatches.append((site.id, attacker, lines)) }
        }
        operations = ctx.operations
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
