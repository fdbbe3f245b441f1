import KMapCompose
import KMapGeometry
import KMapModel

/// A campaign's places and water on a projected plane, where `ControlZones` derives the zones for an export.
///
/// `ControlZones` measures its tolerances in units of about a pixel (circles within 0.1 unit, no smoothing under
/// one), so the plane (PROJ's metres, or the equirectangular plane's degrees) is rescaled at the campaign's
/// centre to units of 10 m: an exported disc is as round and as smoothed as the map's. Results go back to
/// longitude/latitude rounded to 6 decimals (about 10 cm), so an export's bytes are the same on every run.
struct ZonePlane {
    /// Metres in one working unit.
    static let metresPerUnit = 10.0

    let plane: any PlaneProjection
    /// Plane units in one working unit.
    let unit: Double
    let campaign: Campaign
    let points: [PlanePoint]
    let water: [PlanePolygon]
    let reach: Double
    let frame: (Double, Double, Double, Double)

    init(campaign: Campaign, radiusKm: Double, plane: any PlaneProjection) {
        self.plane = plane
        self.campaign = campaign
        let unit = Self.metresPerUnit * plane.unitsPerMetre(at: campaign.info.area.center)
        self.unit = unit
        func planar(_ c: Coordinate) -> PlanePoint {
            let p = plane.forward(c)
            return PlanePoint(x: p.x / unit, y: p.y / unit)
        }
        points = campaign.gazetteer.places.map { planar($0.coordinate) }
        let lakes = campaign.gazetteer.areas.map(\.rings) + (campaign.context?.lakes ?? []).flatMap(\.geometry)
        water = lakes.map { $0.map { $0.map(planar) } }
        reach = radiusKm * 1000 / Self.metresPerUnit
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        frame = (
            (xs.min() ?? 0) - 2 * reach, (ys.min() ?? 0) - 2 * reach, (xs.max() ?? 0) + 2 * reach,
            (ys.max() ?? 0) + 2 * reach
        )
    }

    /// Each side's polygons when place `i` counts for `keys[i]` (nil: claims no ground).
    func zones(keys: [String?]) throws(GeometryError) -> [String: [PlanePolygon]] {
        var sites: [ControlZones.Site] = []
        for (i, place) in campaign.gazetteer.places.enumerated() {
            guard let side = keys[i] else { continue }
            sites.append(ControlZones.Site(id: place.id, point: points[i], side: side))
        }
        let zones = try ControlZones(
            sites: sites, sides: campaign.factions.map(\.id), reach: reach, water: water, frame: frame,
            smoothing: 0.08 * reach, hatchSpacing: 0)
        var out: [String: [PlanePolygon]] = [:]
        for zone in zones.zones where !zone.polygons.isEmpty { out[zone.side] = zone.polygons }
        return out
    }

    /// Polygons in longitude/latitude on a grid of 1e-6° (valid after the rounding: GEOS snaps them), each outline
    /// counter-clockwise and its holes clockwise (RFC 7946's right-hand rule).
    func coordinates(_ polygons: [PlanePolygon]) throws(GeometryError) -> [[[Coordinate]]] {
        let geographic = polygons.map { polygon in
            polygon.map { ring in
                ring.map { p -> PlanePoint in
                    let c = plane.inverse(Point(x: p.x * unit, y: p.y * unit))
                    return PlanePoint(x: c.lon, y: c.lat)
                }
            }
        }
        return try PrecisionGrid.snap(geographic, size: 1e-6).map { polygon in
            polygon.enumerated().map { k, ring in
                var out = ring.map { Coordinate(lon: Self.round($0.x), lat: Self.round($0.y)) }
                if let first = out.first, first != out.last { out.append(first) }
                if (Self.signedArea(out) > 0) != (k == 0) { out.reverse() }
                return out
            }
        }
    }

    static func round(_ v: Double) -> Double { (v * 1_000_000).rounded() / 1_000_000 }

    /// Twice the signed area (shoelace); positive when counter-clockwise with longitude east and latitude north.
    static func signedArea(_ ring: [Coordinate]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0.lon * $1.1.lat - $1.1.lon * $1.0.lat }
    }
}
