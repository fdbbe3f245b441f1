import Foundation
import KMapCompose
import KMapLoader
import KMapModel
import KMapRender
import KMapTestSupport
import Testing

@testable import KMapProjection

/// The projection chosen from the area: equirectangular for a small one, PROJ's conformal one for a wide one, where
/// local right angles stay right, shapes keep their proportions and the scale bar is true.
@Suite struct ConformalProjectionTests {
    /// A synthetic campaign over about 680 × 670 km (8 × 6 degrees at 40–46° N).
    static let wide: Campaign = {
        let folder = try! syntheticCampaign(places: 200)
        return try! CampaignLoader.load(folder: folder)
    }()

    /// The views tried: the synthetic campaign's own (about as tall as wide: transverse Mercator), and eastern
    /// Ukraine from Kherson to Luhansk, 590 × 330 km (wider than tall: Lambert conformal conic).
    static let views = [
        "synthetic": SceneComposer.view(of: wide, options: FrameOptions()),
        "ukraine": GeoBounds(minLon: 33.5, minLat: 47, maxLon: 41.5, maxLat: 50),
    ]

    static func composer(_ view: String, plane: (any PlaneProjection)?) -> SceneComposer {
        SceneComposer(
            campaign: wide, options: FrameOptions(width: 1600, height: 1200, view: views[view]!), plane: plane)
    }

    static func plane(_ view: String) throws -> any PlaneProjection { try ProjectionChoice.plane(for: views[view]!) }

    /// A grid of positions over a view, its corners included.
    static func grid(_ view: String) -> [Coordinate] {
        let v = views[view]!
        return (0...4).flatMap { i in
            (0...4).map { j in
                Coordinate(
                    lon: v.minLon + (v.maxLon - v.minLon) * Double(i) / 4,
                    lat: v.minLat + (v.maxLat - v.minLat) * Double(j) / 4)
            }
        }
    }

    /// At `c`: the angle in degrees between local north and local east as drawn, and the drawn length of 1 km east
    /// over that of 1 km north (1 where shapes keep their proportions).
    static func localAxes(_ p: Projection, at c: Coordinate) -> (angle: Double, ratio: Double) {
        let d = 0.01  // degrees of latitude, about 1.1 km
        let north = Coordinate(lon: c.lon, lat: c.lat + d)
        let east = Coordinate(lon: c.lon + d, lat: c.lat)
        let o = p.project(c)
        let n = p.project(north)
        let e = p.project(east)
        let (nx, ny) = (n.x - o.x, n.y - o.y)
        let (ex, ey) = (e.x - o.x, e.y - o.y)
        let lengthNorth: Double = (nx * nx + ny * ny).squareRoot()
        let lengthEast: Double = (ex * ex + ey * ey).squareRoot()
        let dot: Double = nx * ex + ny * ey
        let angle = acos(dot / (lengthNorth * lengthEast))
        let pxPerKmNorth = lengthNorth / c.distanceKm(to: north)
        let pxPerKmEast = lengthEast / c.distanceKm(to: east)
        return (angle * 180 / Double.pi, pxPerKmEast / pxPerKmNorth)
    }

    @Test func aWideAreaGetsLambertConformalConicThroughPROJ() throws {
        let plane = try Self.plane("ukraine")
        let proj = try #require(plane as? PROJPlane, "a 590 km view keeps \(plane.name)")
        #expect(proj.name.hasPrefix("+proj=lcc"))
        // Standard parallels at 1/6 and 5/6 of the latitude span.
        let v = Self.views["ukraine"]!
        #expect(proj.name.contains("+lat_1=\(ProjectionChoice.fmt(v.minLat + (v.maxLat - v.minLat) / 6))"))
        #expect(proj.name.contains("+lat_2=\(ProjectionChoice.fmt(v.minLat + (v.maxLat - v.minLat) * 5 / 6))"))
    }

    @Test func theBuiltInCampaignKeepsItsEquirectangularPlane() throws {
        let khanasir = try CampaignLoader.builtin()
        let plane = try ProjectionChoice.plane(for: SceneComposer.view(of: khanasir, options: FrameOptions()))
        #expect(plane is Equirectangular, "a campaign-sized view is drawn as before PROJ")
    }

    /// PROJ's own factors agree: equal scale along meridian and parallel, no angular distortion (PROJ derives it
    /// numerically: a thousandth of a degree), within 0.5 % of true everywhere (transverse Mercator 340 km from its
    /// meridian: 0.26 %).
    @Test(arguments: ["synthetic", "ukraine"]) func projsFactorsSayConformal(view: String) throws {
        let plane = try #require(try Self.plane(view) as? PROJPlane)
        for c in Self.grid(view) {
            let f = try plane.factors(at: c)
            #expect(abs(f.meridian - f.parallel) < 1e-9 && f.angle < 1e-3, "\(f) at \(c)")
            #expect(abs(f.parallel - 1) < 0.005, "scale \(f.parallel) at \(c)")
        }
    }

    @Test func aTallAreaGetsTransverseMercator() throws {
        let tall = GeoBounds(minLon: 35, minLat: 30, maxLon: 37, maxLat: 37)
        #expect(ProjectionChoice.conformalDefinition(for: tall).hasPrefix("+proj=tmerc"))
        #expect(try Self.plane("synthetic").name.hasPrefix("+proj=tmerc"), "8° × 6° at 43° N is taller than wide")
    }

    @Test(arguments: ["synthetic", "ukraine"]) func localRightAnglesAndProportionsHoldAcrossAWideView(view: String)
        throws
    {
        let projection = Self.composer(view, plane: try Self.plane(view)).projection
        for c in Self.grid(view) {
            let axes = Self.localAxes(projection, at: c)
            #expect(abs(axes.angle - 90) < 0.05, "north–east angle \(axes.angle)° at \(c)")
            // The sphere of distanceKm against PROJ's ellipsoid differs by up to 0.3 % between the two directions.
            #expect(abs(axes.ratio - 1) < 0.005, "east and north scales differ by \(axes.ratio) at \(c)")
        }
    }

    /// The same check fails on the equirectangular plane, so the test above can tell the projections apart.
    @Test(arguments: ["synthetic", "ukraine"]) func theEquirectangularPlaneDistortsTheSameView(view: String) {
        let projection = Self.composer(view, plane: nil).projection
        let worst = Self.grid(view).map { abs(Self.localAxes(projection, at: $0).ratio - 1) }.max() ?? 0
        #expect(worst > 0.02, "equirectangular over \(view): worst east/north scale ratio off by \(worst)")
    }

    @Test(arguments: ["synthetic", "ukraine"]) func theScaleBarMatchesTheGeodesicDistance(view: String) throws {
        let plane = try #require(try Self.plane(view) as? PROJPlane)
        let composer = Self.composer(view, plane: plane)
        let bar = try #require(composer.scaleBarLength)
        #expect(bar.km >= 50, "a \(view) view has a bar of \(bar.km) km")
        let p = composer.projection
        // Along the bar's length at the centre of the frame, and eastward and northward from other points of it.
        for start in [p.center, Point(x: p.center.x - 500, y: p.center.y + 350), Point(x: 200, y: 200)] {
            let a = p.unproject(start)
            for end in [Point(x: start.x + bar.pixels, y: start.y), Point(x: start.x, y: start.y - bar.pixels)] {
                let km = plane.geodesicKm(a, p.unproject(end))
                #expect(abs(km - bar.km) / bar.km < 0.01, "bar says \(bar.km) km, geodesic \(km) km from \(start)")
            }
        }
    }

    @Test func framesDrawnWithTheConformalPlaneAreDeterministic() throws {
        let a = Self.composer("ukraine", plane: try Self.plane("ukraine"))
        let b = Self.composer("ukraine", plane: try Self.plane("ukraine"))
        let state = try Self.wide.state(on: Self.wide.info.start)
        #expect(a.scene(for: state) == b.scene(for: state))
    }

    /// On a conic projection meridians converge: the north arrow, near the frame's top right, leans to true north.
    @Test func theNorthArrowPointsToTrueNorthWhereItStands() throws {
        let composer = Self.composer("ukraine", plane: try Self.plane("ukraine"))
        let scene = composer.scene(for: try Self.wide.state(on: Self.wide.info.start))
        guard case .polygon(let rings, _, _) = try #require(scene.item("north:left")).symbol else {
            Issue.record("no north arrow")
            return
        }
        let tip = rings[0][0]
        let tail = rings[0][2]  // the notch at the back, on the arrow's axis
        let drawn = atan2(tip.x - tail.x, tail.y - tip.y) * 180 / Double.pi
        let north = composer.projection.northAngle(at: tip) * 180 / Double.pi
        #expect(abs(north) > 1, "north leans by \(north)° at the top right of a 590 km conic view")
        #expect(abs(drawn - north) < 0.5, "arrow at \(drawn)°, true north at \(north)°")
    }

    @Test func aPROJFailureNamesTheDefinitionAndPROJsReason() {
        #expect {
            _ = try PROJPlane(definition: "+proj=no-such-projection +ellps=WGS84")
        } throws: { error in
            let text = "\(error)"
            return text.contains("+proj=no-such-projection") && text.contains("PROJ failed creating the projection")
                && !text.hasSuffix(": .")
        }
    }

    @Test(arguments: ["synthetic", "ukraine"]) func unprojectInvertsProject(view: String) throws {
        let p = Self.composer(view, plane: try Self.plane(view)).projection
        for c in Self.grid(view) {
            let back = p.unproject(p.project(c))
            #expect(abs(back.lon - c.lon) < 1e-7 && abs(back.lat - c.lat) < 1e-7)
        }
    }
}
