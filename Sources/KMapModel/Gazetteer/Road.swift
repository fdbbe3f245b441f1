/// A road, with the places it passes through.
///
/// The road's status is never set by hand: it is derived from the control of the places in `via`.
public struct Road: Sendable, Hashable, Identifiable {
    public var info: FeatureInfo
    public var path: [Coordinate]
    /// Place ids along the road, in order.
    public var via: [String]
    /// Whose road it is: it is cut wherever this faction does not hold a place along it. A road with no
    /// faction (a road every side uses, or one no source assigns) is drawn but never cut.
    public var faction: String?

    public init(info: FeatureInfo, path: [Coordinate], via: [String], faction: String? = nil) {
        self.info = info
        self.path = path
        self.via = via
        self.faction = faction
    }

    public var id: String { info.id }
    public var name: String { info.name }
}
