/// The real-world ground around a campaign: towns that are not part of it, rivers, lakes, borders, countries.
///
/// Read from a campaign's optional `context.geojson` (made by `Scripts/data/make-context.py` from Natural Earth
/// and GeoNames, and open to an author's own features). Frames draw it quietly under the control layer, and its
/// countries give any campaign an inset locator map without a hand-made `locator.geojson`. Every feature names
/// one of the file's `sources`, so the frame's attribution can say where what it shows comes from.
public struct Context: Sendable {
    /// Where context features come from, and how a frame credits them.
    public struct Source: Sendable, Hashable {
        public var id: String
        public var title: String
        public var url: String?
        public var licence: String?
        /// The short credit a frame prints ("Natural Earth", "GeoNames (CC BY 4.0)").
        public var attribution: String

        public init(id: String, title: String, url: String? = nil, licence: String? = nil, attribution: String) {
            self.id = id
            self.title = title
            self.url = url
            self.licence = licence
            self.attribution = attribution
        }
    }

    /// A named point, line or area of context, with its source.
    public struct Feature<Geometry: Sendable>: Sendable {
        public var name: String
        public var source: String
        public var geometry: Geometry

        public init(name: String, source: String, geometry: Geometry) {
            self.name = name
            self.source = source
            self.geometry = geometry
        }
    }

    public var sources: [Source]
    /// Country outlines (polygons of rings); the first flagged `focus` is the campaign's country.
    public var countries: [Feature<[[[Coordinate]]]>]
    public var focusCountry: String?
    public var borders: [Feature<[[Coordinate]]>]
    public var rivers: [Feature<[[Coordinate]]>]
    /// Roads by their real course, where a source gives it (drawn as context, not as the campaign's roads).
    public var roads: [Feature<[[Coordinate]]>] = []
    public var lakes: [Feature<[[[Coordinate]]]>]
    /// Populated places that are not part of the campaign, largest first.
    public var towns: [Feature<Coordinate>]
    /// The inset's reference cities; `capital` marks the country's capital.
    public var cities: [(feature: Feature<Coordinate>, capital: Bool)]

    public init(
        sources: [Source], countries: [Feature<[[[Coordinate]]]>] = [], focusCountry: String? = nil,
        borders: [Feature<[[Coordinate]]>] = [],
        rivers: [Feature<[[Coordinate]]>] = [], lakes: [Feature<[[[Coordinate]]]>] = [],
        towns: [Feature<Coordinate>] = [],
        cities: [(feature: Feature<Coordinate>, capital: Bool)] = []
    ) {
        self.sources = sources
        self.countries = countries
        self.focusCountry = focusCountry
        self.borders = borders
        self.rivers = rivers
        self.lakes = lakes
        self.towns = towns
        self.cities = cities
    }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// An inset locator map from the context's countries and cities, when it has countries.
    public var locator: Locator? {
        guard !countries.isEmpty else { return nil }
        return Locator(
            countries: countries.enumerated().map { i, c in
                Locator.Country(id: "context-\(i)", name: c.name, isFocus: c.name == focusCountry, polygons: c.geometry)
            },
            cities: cities.enumerated().map { i, c in
                Locator.City(
                    id: "context-\(i)", name: c.feature.name, isCapital: c.capital, coordinate: c.feature.geometry)
            })
    }
}
