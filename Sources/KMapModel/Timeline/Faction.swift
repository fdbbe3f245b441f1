/// A side in the campaign.
///
/// The colour here is the campaign's default; a theme may override it (by faction id), but never within a
/// sequence, so a colour keeps its meaning from the first frame to the last.
public struct Faction: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// `#rrggbb`.
    public var color: String
    /// A short name for tight spaces ("ISIL"); the full name when none is given.
    public var shortName: String

    public init(id: String, name: String, color: String, shortName: String? = nil) {
        self.id = id
        self.name = name
        self.color = color
        self.shortName = shortName ?? name
    }
}
