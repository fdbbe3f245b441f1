/// A point in a plane (frame pixels), the only coordinate type `KMapGeometry` speaks.
///
/// The geometry module does not know scenes or drawing; the composer converts to and from its own `Point`.
public struct PlanePoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A polygon: its outline first, then its holes.
public typealias PlanePolygon = [[PlanePoint]]
