/// A road, with the places it passes through.
///
/// The road's status is never set by hand: it is derived from the control of the places in `via`.
public struct Road: Sendable, Hashable, Identifiable {
    public var info: FeatureInfo
    public var path: [Coordinate]
    /// Place ids along the road, in order.
    public var via: [String]

    public init(info: FeatureInfo, path: [Coordinate], via: [String]) {
        self.info = info
        self.path = path
        self.via = via
    }

    public var id: String { info.id }
    public var name: String { info.name }
}
