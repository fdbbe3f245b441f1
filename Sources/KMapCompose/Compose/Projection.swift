import KMapModel

/// Longitude/latitude to frame pixels: a `PlaneProjection`, scaled and centred so a view fills a frame.
///
/// The plane decides the shapes (equirectangular by default, PROJ's conformal one when injected); this only fits it:
/// the view's centre at the frame's centre, the largest scale at which the whole view fits, north up at the centre.
/// `pixelsPerKm` is the true scale at the centre, which the scale bar draws.
public struct Projection: Sendable {
    public let plane: any PlaneProjection
    /// The view's centre, drawn at `center`.
    public let origin: Coordinate
    public let center: Point
    /// Frame pixels per plane unit.
    public let pixelsPerUnit: Double
    let planeOrigin: Point

    /// Kilometres per degree of latitude on the mean-radius sphere.
    public static let kmPerDegree = Equirectangular.kmPerDegree

    /// The largest scale at which `view` (its outline, as `plane` draws it) fits inside `frame`, centred in it.
    public init(fitting view: GeoBounds, into frame: Rect, plane: (any PlaneProjection)? = nil) {
        let plane = plane ?? Equirectangular(center: view.center)
        self.plane = plane
        origin = view.center
        planeOrigin = plane.forward(view.center)
        var halfWidth = 1e-9
        var halfHeight = 1e-9
        for c in Self.outline(of: view) {
            let p = plane.forward(c)
            guard p.x.isFinite, p.y.isFinite else { continue }
            halfWidth = max(halfWidth, abs(p.x - planeOrigin.x))
            halfHeight = max(halfHeight, abs(p.y - planeOrigin.y))
        }
        pixelsPerUnit = min(frame.width / (2 * halfWidth), frame.height / (2 * halfHeight))
        center = frame.center
    }

    /// Points along the view's edges: a conformal plane bends parallels, so the corners alone may not bound it.
    static func outline(of view: GeoBounds, steps: Int = 16) -> [Coordinate] {
        (0...steps).flatMap { i -> [Coordinate] in
            let t = Double(i) / Double(steps)
            let lon = view.minLon + (view.maxLon - view.minLon) * t
            let lat = view.minLat + (view.maxLat - view.minLat) * t
            return [
                Coordinate(lon: lon, lat: view.minLat), Coordinate(lon: lon, lat: view.maxLat),
                Coordinate(lon: view.minLon, lat: lat), Coordinate(lon: view.maxLon, lat: lat),
            ]
        }
    }

    /// Where `c` is drawn; a position the plane cannot project lands far outside any frame.
    public func project(_ c: Coordinate) -> Point {
        let p = plane.forward(c)
        guard p.x.isFinite, p.y.isFinite else { return Point(x: -1e7, y: -1e7) }
        return Point(
            x: center.x + (p.x - planeOrigin.x) * pixelsPerUnit, y: center.y - (p.y - planeOrigin.y) * pixelsPerUnit)
    }

    public func unproject(_ p: Point) -> Coordinate {
        plane.inverse(
            Point(
                x: planeOrigin.x + (p.x - center.x) / pixelsPerUnit, y: planeOrigin.y - (p.y - center.y) / pixelsPerUnit
            ))
    }

    /// The direction of true north at frame point `p`, in radians clockwise from straight up.
    ///
    /// Zero everywhere on the equirectangular plane; on a conic one the meridians converge, so north leans towards
    /// the central meridian away from it (about 3° at the edge of a 600 km view of eastern Ukraine).
    public func northAngle(at p: Point) -> Double {
        let c = unproject(p)
        let a = project(c)
        let b = project(Coordinate(lon: c.lon, lat: c.lat + 0.01))
        return atan2(b.x - a.x, a.y - b.y)
    }

    /// Pixels per kilometre on the ground at the view's centre (the plane's scale factor there included).
    public var pixelsPerKm: Double { pixelsPerUnit * plane.unitsPerMetre(at: origin) * 1000 }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
