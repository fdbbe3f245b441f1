import KMapModel

/// What a user chooses about a frame, independent of the day.
public struct FrameOptions: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var transparent: Bool
    /// The extent to show; nil for the campaign's `view`.
    public var view: GeoBounds?
    /// Which names label the places.
    public var labels: LabelLanguage
    /// Derived zones of control reaching this many kilometres from each place; nil for the theme's choice, 0 for none.
    public var zoneRadiusKm: Double?
    /// Whether the frame carries its own changes panel; a report page lists the day's events beside the map instead.
    public var changesPanel: Bool

    public init(
        width: Int = 1600, height: Int = 1200, transparent: Bool = false, view: GeoBounds? = nil,
        labels: LabelLanguage = .english, zoneRadiusKm: Double? = nil, changesPanel: Bool = true
    ) {
        self.zoneRadiusKm = zoneRadiusKm
        self.changesPanel = changesPanel
        self.width = width
        self.height = height
        self.transparent = transparent
        self.view = view
        self.labels = labels
    }

    /// The frame sizes kmap accepts: big enough for the furniture, small enough for memory.
    public static let widthRange = 400...8000
    public static let heightRange = 300...8000
}

/// The names on the map: English, Arabic (where the gazetteer has it), or both on two lines.
public enum LabelLanguage: String, Sendable, Hashable, CaseIterable {
    case english = "en"
    case arabic = "ar"
    case both

    /// The label of a place: Arabic falls back to the English name where no Arabic name is recorded.
    public func text(name: String, arabic: String?) -> String {
        switch self {
        case .english: name
        case .arabic: arabic ?? name
        case .both: arabic.map { "\(name)\n\($0)" } ?? name
        }
    }
}
