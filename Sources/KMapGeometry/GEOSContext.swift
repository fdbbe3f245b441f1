internal import CGEOS

/// One GEOS context handle, owned: created on init, finished on deinit.
///
/// GEOS's reentrant API takes a context per call; one per computation (never a process-wide one) keeps parallel
/// frames independent. Not `Sendable`: a context and its geometries stay on the task that made them.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// GEOS operations made through this context (geometries built or computed, predicates tested): work counted,
    /// not timed, so a test can tell n log n from n² (`ControlZones.operations`).
    var operations = 0

    init() {
        handle = GEOS_init_r()
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// Wraps a geometry GEOS returned (owned by the caller), or throws when it returned NULL.
    func own(_ pointer: OpaquePointer?, _ operation: String) throws(GeometryError) -> Geometry {
        operations += 1
        guard let pointer else { throw GeometryError(operation: operation) }
        return Geometry(context: self, pointer: pointer)
    }

    func point(_ p: PlanePoint) throws(GeometryError) -> Geometry {
        try own(GEOSGeom_createPointFromXY_r(handle, p.x, p.y), "a point")
    }

    func rectangle(minX: Double, minY: Double, maxX: Double, maxY: Double) throws(GeometryError) -> Geometry {
        try own(GEOSGeom_createRectangle_r(handle, minX, minY, maxX, maxY), "a rectangle")
    }

    func ring(_ points: [PlanePoint]) throws(GeometryError) -> OpaquePointer {
        var pts = points
        if let first = pts.first, first != pts.last { pts.append(first) }
        guard pts.count >= 4, let seq = GEOSCoordSeq_create_r(handle, UInt32(pts.count), 2) else {
            throw GeometryError(operation: "a ring")
        }
        for (i, p) in pts.enumerated() { GEOSCoordSeq_setXY_r(handle, seq, UInt32(i), p.x, p.y) }
        guard let ring = GEOSGeom_createLinearRing_r(handle, seq) else { throw GeometryError(operation: "a ring") }
        return ring
    }

    func polygon(_ rings: PlanePolygon) throws(GeometryError) -> Geometry {
        guard let outer = rings.first else { throw GeometryError(operation: "an empty polygon") }
        let shell = try ring(outer)
        var holes: [OpaquePointer?] = []
        for r in rings.dropFirst() where r.count >= 3 { holes.append(try ring(r)) }
        let made = holes.withUnsafeMutableBufferPointer {
            GEOSGeom_createPolygon_r(handle, shell, $0.baseAddress, UInt32($0.count))
        }
        return try own(made, "a polygon")
    }

    func line(_ points: [PlanePoint]) throws(GeometryError) -> Geometry {
        guard points.count >= 2, let seq = GEOSCoordSeq_create_r(handle, UInt32(points.count), 2) else {
            throw GeometryError(operation: "a line")
        }
        for (i, p) in points.enumerated() { GEOSCoordSeq_setXY_r(handle, seq, UInt32(i), p.x, p.y) }
        return try own(GEOSGeom_createLineString_r(handle, seq), "a line")
    }

    /// A collection of `type` (GEOS_MULTIPOINT, GEOS_GEOMETRYCOLLECTION, …) taking over `parts`.
    func collection(_ type: GEOSGeomTypes, _ parts: [Geometry]) throws(GeometryError) -> Geometry {
        var pointers: [OpaquePointer?] = parts.map { $0.release() }
        let made = pointers.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), $0.baseAddress, UInt32($0.count))
        }
        return try own(made, "a collection")
    }
}
