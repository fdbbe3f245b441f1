internal import CGEOS

/// Polygons snapped to a grid by GEOS, valid after the snapping.
///
/// Rounding each vertex alone (an export's 6 decimals of a degree) can make two parts that nearly touch cross each
/// other, which GIS tools reject as self-intersections; GEOS's snap-rounding (`GEOSGeom_setPrecision`) rounds and
/// repairs together.
public enum PrecisionGrid {
    /// `polygons` as one multi-polygon, every vertex on multiples of `size`, parts merged where they now overlap.
    public static func snap(_ polygons: [PlanePolygon], size: Double) throws(GeometryError) -> [PlanePolygon] {
        let ctx = GEOSContext()
        var parts: [Geometry] = []
        for p in polygons where (p.first?.count ?? 0) >= 3 { parts.append(try ctx.polygon(p)) }
        guard !parts.isEmpty else { return [] }
        let multi = try ctx.collection(GEOS_MULTIPOLYGON, parts)
        return try (multi.isValid ? multi : try multi.madeValid()).snapped(to: size).polygons
    }
}
