/// A position in WGS 84 degrees.
///
/// Longitude first, as in GeoJSON, so that data and code read the same way round.
public struct Coordinate: Sendable, Hashable, Codable {
    public var lon: Double
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    public func distanceKm(to other: Coordinate) -> Double {
        let r = 6371.0088
        let rad = Double.pi / 180
        let dLat = (other.lat - lat) * rad
        let dLon = (other.lon - lon) * rad
        let a =
            sin(dLat / 2) * sin(dLat / 2)
            + cos(lat * rad) * cos(other.lat * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, a.squareRoot()))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
