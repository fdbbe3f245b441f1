/// The inset locator map's data: country outlines around the campaign and a few reference cities.
///
/// Optional (`locator.geojson` in a campaign folder); shown for location only.
public struct Locator: Sendable {
    public struct Country: Sendable {
        public var id: String
        public var name: String
        /// `focus` (the campaign's country) or `context`.
        public var isFocus: Bool
        /// Polygons, each a list of rings.
        public var polygons: [[[Coordinate]]]
        public init(id: String, name: String, isFocus: Bool, polygons: [[[Coordinate]]]) {
            self.id = id
            self.name = name
            self.isFocus = isFocus
            self.polygons = polygons
        }
    }

    public struct City: Sendable {
        public var id: String
        public var name: String
        public var isCapital: Bool
        public var coordinate: Coordinate
        public init(id: String, name: String, isCapital: Bool, coordinate: Coordinate) {
            self.id = id
            self.name = name
            self.isCapital = isCapital
            self.coordinate = coordinate
        }
    }

    public var countries: [Country]
    public var cities: [City]

    /// The extent of all outlines.
    public var bounds: GeoBounds {
        let all = countries.flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }
        return GeoBounds(
            minLon: all.map(\.lon).min() ?? 0, minLat: all.map(\.lat).min() ?? 0, maxLon: all.map(\.lon).max() ?? 1,
            maxLat: all.map(\.lat).max() ?? 1)
    }
    public init(countries: [Country], cities: [City]) {
        self.countries = countries
        self.cities = cities
    }
}
