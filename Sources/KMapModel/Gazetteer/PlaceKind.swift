/// What a point place is; drives its symbol and its label priority.
public enum PlaceKind: String, Sendable, Hashable, CaseIterable, Codable {
    case city, town, village, hill, oilfield, checkpoint

    /// Higher wins label space first: a city's name matters more than a hill's.
    public var labelPriority: Int {
        switch self {
        case .city: 6
        case .town: 5
        case .village: 3
        case .oilfield: 3
        case .hill: 2
        case .checkpoint: 1
        }
    }
}
