import KMapModel

/// Longitude/latitude to frame pixels: equirectangular, scaled by cos(latitude) at the view's centre.
///
/// Over a campaign-sized area (about 100 km) this keeps distances true to well under 1 % in every
/// direction, which the scale bar relies on, and is simple enough to reproduce in any other tool.
public struct Projection: Sendable, Hashable {
    /// Pixels per degree of latitude.
    public let pixelsPerDegree: Double
    public let origin: Coordinate
    public let center: Point
    public let cosLat: Double

    /// Kilometres per degree of latitude on the mean-radius sphere.
    public static let kmPerDegree = 6371.0088 * Double.pi / 180

    /// The largest scale at which `view` fits inside `frame`, centred in it.
    public init(fitting view: GeoBounds, into frame: Rect) {
        origin = view.center
        cosLat = cos(origin.lat * Double.pi / 180)
        let kx = frame.width / max(1e-9, (view.maxLon - view.minLon) * cosLat)
        let ky = frame.height / max(1e-9, view.maxLat - view.minLat)
        pixelsPerDegree = min(kx, ky)
        center = frame.center
    }

    public func project(_ c: Coordinate) -> Point {
        Point(
            x: center.x + (c.lon - origin.lon) * pixelsPerDegree * cosLat,
            y: center.y - (c.lat - origin.lat) * pixelsPerDegree)
    }

    public func unproject(_ p: Point) -> Coordinate {
        Coordinate(
            lon: origin.lon + (p.x - center.x) / (pixelsPerDegree * cosLat),
            lat: origin.lat - (p.y - center.y) / pixelsPerDegree)
    }

    /// Pixels per kilometre at the view's centre.
    public var pixelsPerKm: Double { pixelsPerDegree / Projection.kmPerDegree }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
