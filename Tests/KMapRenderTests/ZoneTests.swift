import KMapGeometry
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// Derived zones: Voronoi cells of the places through GEOS, limited in reach, merged per side, never on water.
@Suite struct ZoneTests {
    static let frame = (-100.0, -100.0, 200.0, 200.0)

    func zones(_ sites: [ControlZones.Site], water: [PlanePolygon] = [], smoothing: Double = 0) throws -> ControlZones {
        try ControlZones(
            sites: sites, sides: ["red", "black"], reach: 8, water: water, frame: Self.frame, smoothing: smoothing,
            hatchSpacing: 2)
    }

    /// Even-odd point in polygon over every ring of every polygon.
    static func inside(_ p: PlanePoint, _ polygons: [PlanePolygon]) -> Bool {
        var n = false
        for ring in polygons.flatMap({ $0 }) {
            for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) where (a.y > p.y) != (b.y > p.y) {
                if p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { n.toggle() }
            }
        }
        return n
    }

    @Test func twoSidesMeetOnTheirBisector() throws {
        let z = try zones([
            .init(id: "a", point: PlanePoint(x: 0, y: 0), side: "red"),
            .init(id: "b", point: PlanePoint(x: 10, y: 0), side: "black"),
        ])
        #expect(z.zones.map(\.side) == ["red", "black"])
        #expect(!z.fronts.isEmpty)
        #expect(z.fronts.joined().allSatisfy { abs($0.x - 5) < 0.6 }, "the front is the perpendicular bisector x = 5")
        let red = try #require(z.zones.first { $0.side == "red" }).polygons
        #expect(
            red.joined().joined().allSatisfy {
                ($0.x * $0.x + $0.y * $0.y).squareRoot() <= 8 + 1e-6 && $0.x <= 5 + 1e-6
            })
        #expect(Self.inside(PlanePoint(x: -3, y: 0), red) && !Self.inside(PlanePoint(x: 7, y: 0), red))
    }

    @Test func sameSideNeighboursMergeWithoutAFront() throws {
        let z = try zones([
            .init(id: "a", point: PlanePoint(x: 0, y: 0), side: "red"),
            .init(id: "b", point: PlanePoint(x: 10, y: 0), side: "red"),
            .init(id: "c", point: PlanePoint(x: 100, y: 0), side: "black"),
        ])
        #expect(z.fronts.isEmpty)
        #expect(try #require(z.zones.first { $0.side == "red" }).polygons.count == 1, "one merged zone, no seam")
    }

    /// Issue 14: water is never shaded.
    @Test func waterIsNeverShaded() throws {
        let lake: PlanePolygon = [
            [PlanePoint(x: 2, y: -3), PlanePoint(x: 8, y: -3), PlanePoint(x: 8, y: 3), PlanePoint(x: 2, y: 3)]
        ]
        let z = try zones(
            [
                .init(id: "a", point: PlanePoint(x: 0, y: 0), side: "red"),
                .init(id: "b", point: PlanePoint(x: 10, y: 0), side: "black"),
            ], water: [lake],
            smoothing: 0.5)
        let all = z.zones.flatMap(\.polygons)
        for i in 0...10 {
            for j in 0...10 {
                let p = PlanePoint(x: 2.2 + Double(i) * 0.56, y: -2.8 + Double(j) * 0.56)
                #expect(!Self.inside(p, all), "\(p) is water")
            }
        }
        #expect(Self.inside(PlanePoint(x: -2, y: 0), all), "land beside the lake is shaded")
    }

    /// A self-crossing lake outline (a bow tie) is repaired, not a reason to lose the zones.
    @Test func aSelfCrossingLakeDoesNotLoseTheZones() throws {
        let bowTie: PlanePolygon = [
            [PlanePoint(x: 2, y: -3), PlanePoint(x: 8, y: 3), PlanePoint(x: 8, y: -3), PlanePoint(x: 2, y: 3)]
        ]
        let z = try zones(
            [
                .init(id: "a", point: PlanePoint(x: 0, y: 0), side: "red"),
                .init(id: "b", point: PlanePoint(x: 10, y: 0), side: "black"),
            ], water: [bowTie])
        #expect(z.zones.count == 2)
    }

    @Test func contestedPlacesAreHatchedInTheAttackersColourWithinTheirCell() throws {
        let z = try zones([
            .init(id: "a", point: PlanePoint(x: 0, y: 0), side: "red", attacker: "black"),
            .init(id: "b", point: PlanePoint(x: 10, y: 0), side: "black"),
        ])
        let hatch = try #require(z.hatches.first)
        #expect(hatch.site == "a" && hatch.attacker == "black" && hatch.lines.count > 3)
        #expect(
            hatch.lines.joined().allSatisfy { $0.x <= 5 + 1e-6 && ($0.x * $0.x + $0.y * $0.y).squareRoot() <= 8 + 1e-6 }
        )
    }

    @Test func zonesAppearOnlyWhenAskedAndAreLabelledDerived() throws {
        let campaign = try CampaignLoader.builtin()
        let day = try campaign.state(on: .init("2016-02-24")!)
        let plain = SceneComposer(campaign: campaign).scene(for: day)
        #expect(plain.items(in: .zones).isEmpty)
        let zoned = SceneComposer(campaign: campaign, options: FrameOptions(zoneRadiusKm: 5)).scene(for: day)
        #expect(zoned.item("zone:isil") != nil && zoned.item("zone:government") != nil)
        #expect(zoned.items(in: .zones).contains { $0.id.hasPrefix("front:") })
        #expect(
            zoned.items(in: .zones).contains { $0.id.hasPrefix("zone:hatch:khanasir:") },
            "Khanasir is contested on 24 Feb")
        #expect(zoned.item("legend:zones") != nil && zoned.item("legend:heading:Derived, not sourced") != nil)
    }

    /// Issue 14: the isw theme shades zones by default, the Wikipedia theme keeps dots, and 0 turns them off.
    @Test func theISWThemeShadesByDefault() throws {
        let campaign = try CampaignLoader.builtin()
        let day = try campaign.state(on: .init("2016-02-24")!)
        let isw = try ThemeLoader.resolve("isw")
        #expect(isw.zoneRadiusKm == 5)
        #expect(try ThemeLoader.resolve("wikipedia").zoneRadiusKm == nil)
        #expect(SceneComposer(campaign: campaign, theme: isw).scene(for: day).item("zone:isil") != nil)
        #expect(
            SceneComposer(campaign: campaign, theme: isw, options: FrameOptions(zoneRadiusKm: 0)).scene(for: day).items(
                in: .zones
            ).isEmpty)
    }

    /// Lake Jabbul, on the whole area's frame, is never under a zone.
    @Test func lakeJabbulIsNeverShaded() throws {
        let campaign = try CampaignLoader.builtin()
        let composer = SceneComposer(
            campaign: campaign, options: FrameOptions(view: campaign.info.area, zoneRadiusKm: 10))
        let scene = composer.scene(for: try campaign.state(on: .init("2016-03-10")!))
        let zones = scene.items(in: .zones).compactMap { item -> PlanePolygon? in
            guard item.id.hasPrefix("zone:"), !item.id.hasPrefix("zone:hatch:"),
                case .polygon(let rings, _, _) = item.symbol
            else { return nil }
            return rings.map { $0.map { PlanePoint(x: $0.x, y: $0.y) } }
        }
        #expect(!zones.isEmpty)
        let lake = try #require(campaign.gazetteer.area("lake-jabbul"))
        let ring = lake.rings[0].map(composer.projection.project)
        let xs = ring.map(\.x)
        let ys = ring.map(\.y)
        var checked = 0
        for i in 0...40 {
            for j in 0...40 {
                let p = PlanePoint(
                    x: xs.min()! + (xs.max()! - xs.min()!) * Double(i) / 40,
                    y: ys.min()! + (ys.max()! - ys.min()!) * Double(j) / 40)
                // Well inside the lake: a point 1.5 px from its shore may touch the zones' rounding.
                guard Self.inside(p, [[ring.map { PlanePoint(x: $0.x, y: $0.y) }]]),
                    ring.allSatisfy({ ($0.x - p.x) * ($0.x - p.x) + ($0.y - p.y) * ($0.y - p.y) > 2.25 })
                else { continue }
                checked += 1
                #expect(!zones.contains { Self.inside(p, [$0]) }, "\(p) in Lake Jabbul is shaded")
            }
        }
        #expect(checked > 100)
    }
}
