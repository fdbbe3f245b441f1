/// A longitude/latitude rectangle: a campaign's area, or the extent a frame shows.
public struct GeoBounds: Sendable, Hashable, Codable {
    public var minLon: Double
    public var minLat: Double
    public var maxLon: Double
    public var maxLat: Double

    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    public var center: Coordinate { Coordinate(lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2) }

    public func contains(_ c: Coordinate) -> Bool {
        c.lon >= minLon && c.lon <= maxLon && c.lat >= minLat && c.lat <= maxLat
    }
}
