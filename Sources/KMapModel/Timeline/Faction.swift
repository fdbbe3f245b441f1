/// A side in the campaign.
///
/// The colour here is the campaign's: it wins over a theme's unless the user asks the theme to recolour
/// (`--recolor`); a faction without one takes the theme's. Never changed within a sequence, so a colour keeps its
/// meaning from the first frame to the last.
public struct Faction: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// `#rrggbb`; nil when the campaign leaves the colour to the theme.
    public var color: String?
    /// A short name for tight spaces ("ISIL"); the full name when none is given.
    public var shortName: String
    /// The line of the faction in campaign.yaml, for messages (0 when not from a file).
    public var line: Int

    public init(id: String, name: String, color: String?, shortName: String? = nil, line: Int = 0) {
        self.id = id
        self.name = name
        self.color = color
        self.shortName = shortName ?? name
        self.line = line
    }

    /// Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies: the colour of the
    /// n-th faction when neither the campaign nor a theme gives one.
    public static let palette = [
        "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442",
    ]
}
