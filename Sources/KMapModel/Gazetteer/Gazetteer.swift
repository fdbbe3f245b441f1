/// Everything that is somewhere: places, areas and roads, looked up by id or by name.
///
/// Order is the data file's order, so everything drawn from a gazetteer is deterministic.
public struct Gazetteer: Sendable {
    public let places: [Place]
    public let areas: [Area]
    public let roads: [Road]
    private let placeIndex: [String: Int]

    public init(places: [Place], areas: [Area], roads: [Road]) {
        self.places = places
        self.areas = areas
        self.roads = roads
        var index: [String: Int] = [:]
        for (i, place) in places.enumerated() where index[place.id] == nil { index[place.id] = i }
        self.placeIndex = index
    }

    public func place(_ id: String) -> Place? { placeIndex[id].map { places[$0] } }
    /// The position of place `id` in `places`, for keeping the file's order.
    public func index(ofPlace id: String) -> Int? { placeIndex[id] }
    public func road(_ id: String) -> Road? { roads.first { $0.id == id } }
    public func area(_ id: String) -> Area? { areas.first { $0.id == id } }

    /// Ids of every feature, of any type.
    public var allIDs: [String] { places.map(\.id) + areas.map(\.id) + roads.map(\.id) }

    /// Features whose id, name or alias matches `query`, ignoring case, accents, punctuation and
    /// (failing that) vowels.
    ///
    /// "khanaser", "Rasm al-Nafl" and "Tal Za'rour" find their places; only the best kind of match is returned.
    public func search(_ query: String) -> [FeatureInfo] {
        let key = NameKey(query)
        let all = places.map(\.info) + areas.map(\.info) + roads.map(\.info)
        let scored = all.map { info in (info, info.allNames.map { key.score(against: NameKey($0)) }.max() ?? 0) }
        guard let best = scored.map(\.1).max(), best > 0 else { return [] }
        return scored.filter { $0.1 == best }.map(\.0)
    }
}
