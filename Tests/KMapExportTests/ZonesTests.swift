import Foundation
import KMapLoader
import KMapModel
import Testing

@testable import KMapExport

/// Derived zones in the export: a closed, counterclockwise cell around each place, within the radius.
@Suite struct ZonesTests {
    @Test func everyPlaceHasAClosedCellAroundItWithinTheRadius() throws {
        let campaign = try CampaignLoader.builtin()
        let cells = Zones.cells(campaign.gazetteer, radiusKm: 5)
        #expect(cells.count == campaign.gazetteer.places.count)
        for place in campaign.gazetteer.places {
            let ring = try #require(cells[place.id])
            #expect(ring.count >= 4 && ring.first == ring.last, "\(place.id): a closed ring")
            #expect(Zones.signedArea(Array(ring.dropLast())) > 0, "\(place.id): counterclockwise")
            #expect(ring.allSatisfy { $0.distanceKm(to: place.coordinate) <= 5.05 }, "\(place.id): within 5 km")
            #expect(contains(ring, place.coordinate), "\(place.id): its cell holds it")
        }
    }

    @Test func zonesFollowThePlacesStretches() throws {
        let campaign = try CampaignLoader.builtin()
        let stretches = Stretches(campaign: campaign)
        let text = GeoJSONExport.document(stretches, campaign: campaign, zones: Zones.cells(campaign.gazetteer, radiusKm: 5))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        let zones = features.compactMap { $0["properties"] as? [String: Any] }.filter { $0["feature"] as? String == "zone" }
        #expect(zones.count == stretches.places.count)
        #expect(zones.allSatisfy { $0["derived"] as? Bool == true && $0["start"] is String })
    }

    /// Ray casting.
    func contains(_ ring: [Coordinate], _ p: Coordinate) -> Bool {
        var inside = false
        for (a, b) in zip(ring, ring.dropFirst()) where (a.lat > p.lat) != (b.lat > p.lat) {
            if p.lon < a.lon + (p.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon) { inside.toggle() }
        }
        return inside
    }
}
