/// A surface feature such as a lake: an outer ring and optional holes.
public struct Area: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable, CaseIterable { case lake }

    public var info: FeatureInfo
    public var kind: Kind
    /// GeoJSON polygon rings: the first is the outline, the rest are holes.
    public var rings: [[Coordinate]]

    public init(info: FeatureInfo, kind: Kind, rings: [[Coordinate]]) {
        self.info = info
        self.kind = kind
        self.rings = rings
    }

    public var id: String { info.id }
    public var name: String { info.name }
}
