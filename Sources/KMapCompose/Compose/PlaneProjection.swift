import KMapModel

/// Longitude/latitude to a flat plane and back: the map projection proper, before it is fitted to a frame.
///
/// Injected into the composer like the `TextMeasurer`, so that KMapCompose stays free of C: it has its own
/// `Equirectangular` plane, and the command line passes PROJ's conformal one (`KMapProjection`) where the area is
/// wide enough for the simple one to distort. Plane y grows northwards; the unit is the plane's own (metres for
/// PROJ, degrees of latitude for `Equirectangular`), and `unitsPerMetre` relates it to the ground.
public protocol PlaneProjection: Sendable {
    /// Where `c` falls on the plane; non-finite where the projection has no value there.
    func forward(_ c: Coordinate) -> Point
    /// The position at plane point `p`.
    func inverse(_ p: Point) -> Coordinate
    /// Plane units per metre on the ground at `c`, along a parallel (equal in every direction when conformal).
    func unitsPerMetre(at c: Coordinate) -> Double
    /// Names the projection, for messages and documentation ("equirectangular", a PROJ string).
    var name: String { get }
}
