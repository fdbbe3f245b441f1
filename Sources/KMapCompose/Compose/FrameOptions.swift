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
    /// Whether items carry hover text (`SceneItem.title`), which only SVG shows: PNG and PDF frames leave it
    /// out, and a frame of 10,000 places then does not write 10,000 tooltips nobody can read.
    public var hoverText: Bool

    public init(
        width: Int = 1600, height: Int = 1200, transparent: Bool = false, view: GeoBounds? = nil,
        labels: LabelLanguage = .english, zoneRadiusKm: Double? = nil, changesPanel: Bool = true,
        hoverText: Bool = true
    ) {
        self.zoneRadiusKm = zoneRadiusKm
        self.changesPanel = changesPanel
        self.hoverText = hoverText
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

/// The names on the map: English, the names in one other language (where the gazetteer has them), or both.
///
/// `--labels en|LANG|both`: LANG is any language code the campaign's gazetteer names places in (`ar`, `uk`,
/// `ru`…); `both` is English with the campaign's local-script names (`Campaign.localLanguage`) on a second line.
public enum LabelLanguage: Sendable, Hashable, CaseIterable {
    case english
    /// The names in this language; a place without one keeps its English name.
    case local(String)
    /// English, and under it the name in the campaign's local language where the place has one.
    case both

    /// Arabic, as `--labels ar` has always meant.
    public static let arabic = LabelLanguage.local("ar")

    public static var allCases: [LabelLanguage] { [.english, .arabic, .both] }

    /// `en`, `both`, or a language code of two or three lowercase letters; nil for anything else.
    public init?(rawValue: String) {
        switch rawValue {
        case "en": self = .english
        case "both": self = .both
        default:
            guard (2...3).contains(rawValue.utf8.count),
                rawValue.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) })
            else { return nil }
            self = .local(rawValue)
        }
    }

    /// What `--labels` takes for this choice.
    public var rawValue: String {
        switch self {
        case .english: "en"
        case .local(let language): language
        case .both: "both"
        }
    }

    /// The label of a place named `name` in English and `names` in other languages; `localLanguage` is the
    /// campaign's language for `both`. A missing name falls back to English.
    public func text(name: String, names: [String: String], localLanguage: String?) -> String {
        switch self {
        case .english: name
        case .local(let language): names[language] ?? name
        case .both: localLanguage.flatMap { names[$0] }.map { "\(name)\n\($0)" } ?? name
        }
    }

    /// The name on one line, for a key of places whose labels did not fit: `both` joins the two names with " / ".
    public func singleLine(name: String, names: [String: String], localLanguage: String?) -> String {
        text(name: name, names: names, localLanguage: localLanguage).replacingOccurrences(of: "\n", with: " / ")
    }

    /// The label with only an Arabic name known, as before names per language.
    public func text(name: String, arabic: String?) -> String {
        text(name: name, names: arabic.map { ["ar": $0] } ?? [:], localLanguage: "ar")
    }
}
