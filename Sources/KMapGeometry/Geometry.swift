internal import CGEOS

/// One GEOS geometry, owned: destroyed on deinit unless handed over to a collection (`release`).
///
/// Keeps its context alive, so a geometry never outlives the handle it was made with. Only this file and
/// `GEOSContext` call GEOS.
final class Geometry {
    let context: GEOSContext
    private var pointer: OpaquePointer?

    init(context: GEOSContext, pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    deinit {
        if let pointer { GEOSGeom_destroy_r(context.handle, pointer) }
    }

    /// The GEOS pointer, for a call that takes ownership; this value no longer destroys it.
    func release() -> OpaquePointer? {
        defer { pointer = nil }
        return pointer
    }

    private var raw: OpaquePointer { pointer! }
    private var h: GEOSContextHandle_t { context.handle }

    func clone() throws(GeometryError) -> Geometry {
        try context.own(GEOSGeom_clone_r(h, raw), "a copy")
    }
    func buffer(_ distance: Double, segments: Int32 = 12) throws(GeometryError) -> Geometry {
        try context.own(GEOSBuffer_r(h, raw, distance, segments), "a buffer")
    }
    func intersection(_ other: Geometry) throws(GeometryError) -> Geometry {
        try context.own(GEOSIntersection_r(h, raw, other.raw), "an intersection")
    }
    func difference(_ other: Geometry) throws(GeometryError) -> Geometry {
        try context.own(GEOSDifference_r(h, raw, other.raw), "a difference")
    }
    func unaryUnion() throws(GeometryError) -> Geometry {
        try context.own(GEOSUnaryUnion_r(h, raw), "a union")
    }
    /// A valid geometry covering the same points (GEOS's MakeValid), for input that crosses itself.
    func madeValid() throws(GeometryError) -> Geometry {
        try context.own(GEOSMakeValid_r(h, raw), "a valid geometry")
    }
    var isValid: Bool { GEOSisValid_r(h, raw) == 1 }
    /// Snap-rounded to a grid of `size`, kept valid (GEOS's precision model).
    func snapped(to size: Double) throws(GeometryError) -> Geometry {
        try context.own(GEOSGeom_setPrecision_r(h, raw, size, 0), "a snapped geometry")
    }
    func boundary() throws(GeometryError) -> Geometry {
        try context.own(GEOSBoundary_r(h, raw), "a boundary")
    }
    func lineMerge() throws(GeometryError) -> Geometry {
        try context.own(GEOSLineMerge_r(h, raw), "merged lines")
    }
    /// The Voronoi cells of this geometry's points, over at least `envelope`.
    func voronoi(envelope: Geometry) throws(GeometryError) -> Geometry {
        try context.own(GEOSVoronoiDiagram_r(h, raw, envelope.raw, 0, 0), "a Voronoi diagram")
    }
    func contains(_ other: Geometry) -> Bool {
        context.operations += 1
        return GEOSContains_r(h, raw, other.raw) == 1
    }
    /// Its bounding box; all zeros for an empty geometry.
    var envelope: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        var e = (0.0, 0.0, 0.0, 0.0)
        guard !isEmpty else { return e }
        GEOSGeom_getXMin_r(h, raw, &e.0)
        GEOSGeom_getYMin_r(h, raw, &e.1)
        GEOSGeom_getXMax_r(h, raw, &e.2)
        GEOSGeom_getYMax_r(h, raw, &e.3)
        return e
    }
    var isEmpty: Bool { GEOSisEmpty_r(h, raw) == 1 }
    var area: Double {
        var a = 0.0
        GEOSArea_r(h, raw, &a)
        return a
    }

    /// The parts of a collection (or the geometry itself), copied out so each is owned.
    func parts() throws(GeometryError) -> [Geometry] {
        let n = GEOSGetNumGeometries_r(h, raw)
        var out: [Geometry] = []
        for i in 0..<max(0, n) {
            guard let part = GEOSGetGeometryN_r(h, raw, i) else { continue }
            out.append(try context.own(GEOSGeom_clone_r(h, part), "a copy"))
        }
        return out
    }

    /// Its polygons as rings of points (outline first, then holes), from collections at any depth; lines and points
    /// are left out.
    var polygons: [PlanePolygon] { polygons(of: raw) }

    private func polygons(of g: OpaquePointer) -> [PlanePolygon] {
        let type = GEOSGeomTypeId_r(h, g)
        if type == Int32(GEOS_POLYGON.rawValue) {
            guard GEOSisEmpty_r(h, g) == 0, let shell = GEOSGetExteriorRing_r(h, g) else { return [] }
            var rings = [coordinates(shell)]
            for j in 0..<max(0, GEOSGetNumInteriorRings_r(h, g)) {
                if let hole = GEOSGetInteriorRingN_r(h, g, j) { rings.append(coordinates(hole)) }
            }
            return [rings]
        }
        guard type == Int32(GEOS_MULTIPOLYGON.rawValue) || type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) else {
            return []
        }
        return (0..<max(0, GEOSGetNumGeometries_r(h, g))).flatMap { i -> [PlanePolygon] in
            GEOSGetGeometryN_r(h, g, i).map { polygons(of: $0) } ?? []
        }
    }

    /// Its line strings as point lists (from a line, a multi-line or a mixed collection).
    var lines: [[PlanePoint]] {
        var out: [[PlanePoint]] = []
        let n = GEOSGetNumGeometries_r(h, raw)
        for i in 0..<max(0, n) {
            guard let part = GEOSGetGeometryN_r(h, raw, i) else { continue }
            let type = GEOSGeomTypeId_r(h, part)
            if type == Int32(GEOS_LINESTRING.rawValue) {
                out.append(coordinates(part))
            } else if type == Int32(GEOS_MULTILINESTRING.rawValue) || type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) {
                for j in 0..<max(0, GEOSGetNumGeometries_r(h, part)) {
                    if let line = GEOSGetGeometryN_r(h, part, j),
                        GEOSGeomTypeId_r(h, line) == Int32(GEOS_LINESTRING.rawValue)
                    {
                        out.append(coordinates(line))
                    }
                }
            }
        }
        return out
    }

    private func coordinates(_ g: OpaquePointer) -> [PlanePoint] {
        guard let seq = GEOSGeom_getCoordSeq_r(h, g) else { return [] }
        var size: UInt32 = 0
        GEOSCoordSeq_getSize_r(h, seq, &size)
        var out: [PlanePoint] = []
        out.reserveCapacity(Int(size))
        for i in 0..<size {
            var x = 0.0
            var y = 0.0
            GEOSCoordSeq_getXY_r(h, seq, i, &x, &y)
            out.append(PlanePoint(x: x, y: y))
        }
        return out
    }
}
