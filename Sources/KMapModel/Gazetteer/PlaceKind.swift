/// What a point place is; drives its symbol and its label priority.
///
/// Campaigns are fought over more than towns: an airbase, a citadel, a bridge or a dam can be the day's news,
/// and a reader must see at a glance that the marker is not a village.
public enum PlaceKind: String, Sendable, Hashable, CaseIterable, Codable {
    case city, town, village, hill, oilfield, checkpoint
    case airbase, base, citadel, landmark, bridge, dam, crossing, district, industrial

    /// Higher wins label space first: a city's name matters more than a hill's.
    public var labelPriority: Int {
        switch self {
        case .city: 6
        case .town: 5
        case .village: 3
        case .oilfield: 3
        case .airbase, .citadel: 4
        case .base, .district, .landmark: 3
        case .hill, .bridge, .dam, .industrial: 2
        case .checkpoint, .crossing: 1
        }
    }
}
