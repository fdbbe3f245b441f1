import KMapLoader
import KMapModel
import Testing
@testable import KMapCompose
@testable import KMapRender

/// Derived zones: distance-limited Voronoi cells and the fronts between sides.
@Suite struct ZoneTests {
    @Test func twoSidesMeetOnTheirBisector() {
        let sites = [
            ZoneBuilder.Site(id: "a", point: Point(x: 0, y: 0), faction: "red"),
            ZoneBuilder.Site(id: "b", point: Point(x: 10, y: 0), faction: "black"),
        ]
        let (cells, fronts) = ZoneBuilder(sites: sites, radius: 8).build()
        #expect(cells.count == 2)
        #expect(fronts.count == 1)
        let front = fronts[0]
        #expect(front.allSatisfy { abs($0.x - 5) < 1e-9 }, "the front is the perpendicular bisector x = 5")
        // Each cell stays within the radius of its place and on its side of the bisector.
        for cell in cells {
            let site = sites[cell.site].point
            #expect(cell.polygon.allSatisfy { (($0.x - site.x) * ($0.x - site.x) + ($0.y - site.y) * ($0.y - site.y)).squareRoot() <= 8 + 1e-9 })
            #expect(cell.polygon.allSatisfy { site.x < 5 ? $0.x <= 5 + 1e-9 : $0.x >= 5 - 1e-9 })
        }
    }

    @Test func sameSideNeighboursHaveNoFrontAndFarPlacesAreDiscs() {
        let sites = [
            ZoneBuilder.Site(id: "a", point: Point(x: 0, y: 0), faction: "red"),
            ZoneBuilder.Site(id: "b", point: Point(x: 10, y: 0), faction: "red"),
            ZoneBuilder.Site(id: "c", point: Point(x: 100, y: 0), faction: "black"),
        ]
        let (cells, fronts) = ZoneBuilder(sites: sites, radius: 8).build()
        #expect(fronts.isEmpty)
        #expect(cells.first { $0.site == 2 }?.polygon.count == 64, "an isolated place keeps its whole disc")
    }

    @Test func zonesAppearOnlyWhenAskedAndAreLabelledDerived() throws {
        let campaign = try CampaignLoader.builtin()
        let plain = SceneComposer(campaign: campaign).scene(for: try campaign.state(on: .init("2016-02-24")!))
        #expect(plain.items(in: .zones).isEmpty)
        let zoned = SceneComposer(campaign: campaign, options: FrameOptions(zoneRadiusKm: 5)).scene(for: try campaign.state(on: .init("2016-02-24")!))
        #expect(zoned.item("zone:isil") != nil && zoned.item("zone:government") != nil)
        #expect(zoned.items(in: .zones).contains { $0.id.hasPrefix("front:") })
        #expect(zoned.item("legend:zones") != nil && zoned.item("legend:heading:Derived, not sourced") != nil)
    }
}
