import KMapCompose
import KMapModel

#if canImport(Glibc)
import Glibc
#endif

/// Derived zones of control for the export: each place's cell (the ground nearer to it than to any other place,
/// up to a radius), as a polygon in degrees.
///
/// The same construction as the map's `--zones` (`ZoneBuilder`), run in a kilometre plane around the campaign's
/// centre. A cell depends only on where the places are, never on who holds them, so it is built once and each
/// place stretch carries its cell: a zone's stretches are the place's. Derived, not sourced: every zone
/// feature says `"derived": true`.
public enum Zones {
    /// Each place's cell by place id, as a closed ring of coordinates.
    public static func cells(_ gazetteer: Gazetteer, radiusKm: Double) -> [String: [Coordinate]] {
        let places = gazetteer.places
        guard !places.isEmpty else { return [:] }
        let lat0 = places.map(\.coordinate.lat).reduce(0, +) / Double(places.count)
        let lon0 = places.map(\.coordinate.lon).reduce(0, +) / Double(places.count)
        let kmPerLon = 111.320 * cos(lat0 * Double.pi / 180), kmPerLat = 110.574
        let sites = places.map { p in
            ZoneBuilder.Site(
                id: p.id, point: Point(x: (p.coordinate.lon - lon0) * kmPerLon, y: (p.coordinate.lat - lat0) * kmPerLat), faction: "")
        }
        var out: [String: [Coordinate]] = [:]
        for cell in ZoneBuilder(sites: sites, radius: radiusKm).build().cells {
            var ring = cell.polygon.map { Coordinate(lon: rounded(lon0 + $0.x / kmPerLon), lat: rounded(lat0 + $0.y / kmPerLat)) }
            // GeoJSON's outer rings run counterclockwise (RFC 7946); close the ring.
            if signedArea(ring) < 0 { ring.reverse() }
            ring.append(ring[0])
            out[places[cell.site].id] = ring
        }
        return out
    }

    /// Six decimals: about 10 cm, and stable bytes.
    static func rounded(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }

    static func signedArea(_ ring: [Coordinate]) -> Double {
        zip(ring, ring.dropFirst() + ring.prefix(1)).reduce(0) { $0 + $1.0.lon * $1.1.lat - $1.1.lon * $1.0.lat } / 2
    }
}
