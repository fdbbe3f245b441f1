import Foundation
import KMapGeometry
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose

/// Issue 19, item 13: zones for many places stay sub-quadratic. Counted in GEOS operations, not timed, so the test
/// says the same on a loaded machine; docs/PERFORMANCE.md has the times.
@Suite struct ZoneScaleTests {
    /// The zones of a synthetic campaign of `places` places on its first day, as a 1600 × 1200 frame draws them.
    static func zones(places: Int) throws -> ControlZones {
        let campaign = try CampaignLoader.load(folder: try syntheticCampaign(places: places, events: 10, days: 2))
        let frame = Rect(x: 0, y: 0, width: 1600, height: 1200)
        let projection = Projection(fitting: campaign.defaultView, into: frame)
        let state = try campaign.state(on: campaign.info.start)
        let sites = campaign.gazetteer.places.compactMap { place -> ControlZones.Site? in
            guard let c = state[place.id], c.isKnown else { return nil }
            let p = projection.project(place.coordinate)
            return .init(
                id: place.id, point: PlanePoint(x: p.x, y: p.y), side: c.controller,
                attacker: c.status == .contested ? c.contestedBy.first : nil)
        }
        let water = campaign.gazetteer.areas.map { $0.rings.map { $0.map(projection.project) } }.map {
            $0.map { $0.map { PlanePoint(x: $0.x, y: $0.y) } }
        }
        let km = 5.0
        return try ControlZones(
            sites: sites, sides: campaign.factions.map(\.id), reach: km * projection.pixelsPerKm, water: water,
            frame: (0, 0, 1600, 1200), smoothing: min(6, 0.08 * km * projection.pixelsPerKm), hatchSpacing: 7)
    }

    @Test func geosWorkGrowsAboutAsNLogNWithThePlaces() throws {
        let small = try Self.zones(places: 1000)
        let large = try Self.zones(places: 8000)
        #expect(!small.zones.isEmpty && !large.zones.isEmpty)
        // 8 times the places: n log n gives about 8 × 1.3 = 10.4 times the work, n² 64 times (matching every
        // place against every cell, as before, was 32 million containment tests here).
        let ratio = Double(large.operations) / Double(small.operations)
        #expect(ratio < 12, "GEOS operations: \(small.operations) for 1,000 places, \(large.operations) for 8,000")
        #expect(ratio > 6, "the count follows the places: \(small.operations), \(large.operations)")
        #expect(Double(large.operations) / 8000 < 20, "\(large.operations) operations for 8,000 places")
    }
}
