import KMapModel

/// The plate carrée scaled by cos(latitude) at a centre: x = Δlon·cos φ₀, y = Δlat, in degrees of latitude.
///
/// Over a campaign-sized area (about 100 km) distances stay true to well under 1 % in every direction and it is
/// simple to reproduce in any other tool, so it is the composer's own plane and the one small areas keep (pixel for
/// pixel what kmap drew before PROJ); wider areas get a conformal one (docs/ARCHITECTURE.md, "Projection").
public struct Equirectangular: PlaneProjection, Hashable {
    public let origin: Coordinate
    public let cosLat: Double

    /// Kilometres per degree of latitude on the mean-radius sphere.
    public static let kmPerDegree = 6371.0088 * Double.pi / 180

    public init(center: Coordinate) {
        origin = center
        cosLat = cos(center.lat * Double.pi / 180)
    }

    public func forward(_ c: Coordinate) -> Point {
        Point(x: (c.lon - origin.lon) * cosLat, y: c.lat - origin.lat)
    }

    public func inverse(_ p: Point) -> Coordinate {
        Coordinate(lon: origin.lon + p.x / cosLat, lat: origin.lat + p.y)
    }

    /// True at the centre's latitude only; elsewhere along a parallel it is off by cos φ₀ / cos φ.
    public func unitsPerMetre(at c: Coordinate) -> Double {
        1 / (Self.kmPerDegree * 1000) * cosLat / max(1e-12, cos(c.lat * Double.pi / 180))
    }

    public var name: String { "equirectangular (plate carrée scaled at \(origin.lat)°)" }

    /// The largest relative scale error over `view` of this plane centred on it: |cos φ₀ / cos φ − 1| at its
    /// northern and southern edges (meridians are true).
    public static func worstScaleError(over view: GeoBounds) -> Double {
        let c0 = cos(view.center.lat * Double.pi / 180)
        return [view.minLat, view.maxLat].map { abs(c0 / max(1e-12, cos($0 * Double.pi / 180)) - 1) }.max() ?? 0
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
