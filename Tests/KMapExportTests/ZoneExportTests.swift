import Foundation
import KMapCompose
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapExport

/// `kmap export --zones`: each side's derived ground as polygons per stretch of unchanged zone.
@Suite struct ZoneExportTests {
    static let campaign = try! CampaignLoader.builtin()
    static let zones = try! ZoneStretches(
        campaign: campaign, radiusKm: 5, plane: Equirectangular(center: campaign.info.area.center))

    /// Zones are derived in units of 10 m whatever the plane, so a disc is as round on the equirectangular
    /// plane (degrees) as on PROJ's (metres): ControlZones' tolerances are about one unit.
    @Test func zonesAreDerivedInTenMetreUnitsOnEveryPlane() {
        let degrees = ZonePlane(
            campaign: Self.campaign, radiusKm: 5, plane: Equirectangular(center: Self.campaign.info.area.center))
        #expect(abs(degrees.reach - 500) < 1e-9)
        let a = Self.campaign.gazetteer.places[0].coordinate
        let b = Self.campaign.gazetteer.places[1].coordinate
        let metres = Self.distanceKm(a, b) * 100
        let units = hypot(degrees.points[0].x - degrees.points[1].x, degrees.points[0].y - degrees.points[1].y)
        #expect(abs(units - metres) / metres < 0.01, "\(units) units for \(metres) tens of metres")
    }

    /// Great-circle kilometres on the mean-radius sphere.
    static func distanceKm(_ a: Coordinate, _ b: Coordinate) -> Double {
        let r = Double.pi / 180
        let h =
            pow(sin((b.lat - a.lat) * r / 2), 2) + cos(a.lat * r) * cos(b.lat * r)
            * pow(sin((b.lon - a.lon) * r / 2), 2)
        return 2 * 6371.0088 * asin(sqrt(h))
    }

    /// Even-odd point in polygon over every ring of a multi-polygon.
    static func inside(_ c: Coordinate, _ polygons: [[[Coordinate]]]) -> Bool {
        var n = false
        for ring in polygons.flatMap({ $0 }) {
            for (a, b) in zip(ring, ring.dropFirst()) where (a.lat > c.lat) != (b.lat > c.lat) {
                if c.lon < (b.lon - a.lon) * (c.lat - a.lat) / (b.lat - a.lat) + a.lon { n.toggle() }
            }
        }
        return n
    }

    /// The zone stretch of `side` in force at `instant` (ISO text compares in time order).
    static func zone(_ side: String, at instant: String) -> ZoneStretches.Zone? {
        zones.zones.first { $0.side == side && $0.start <= instant && ($0.end.map { instant < $0 } ?? true) }
    }

    @Test func khanasirIsInISILsZoneAfterItFalls() throws {
        let khanasir = try #require(Self.campaign.gazetteer.place("khanasir")).coordinate
        // ISIL holds Khanasir on 23 February (the town fell that day); the government's zone then leaves it out.
        let isil = try #require(Self.zone("isil", at: "2016-02-23T23:00:00"))
        #expect(Self.inside(khanasir, isil.polygons))
        let government = try #require(Self.zone("government", at: "2016-02-23T23:00:00"))
        #expect(!Self.inside(khanasir, government.polygons))
        // Before the offensive, it is the government's.
        let before = try #require(Self.zone("government", at: "2016-02-21"))
        #expect(Self.inside(khanasir, before.polygons))
    }

    @Test func eachSidesStretchesFollowOneAnotherAndDiffer() {
        for side in Set(Self.zones.zones.map(\.side)) {
            let runs = Self.zones.zones.filter { $0.side == side }
            #expect(runs.first?.start == Self.campaign.info.start.description || side != "government")
            for (a, b) in zip(runs, runs.dropFirst()) {
                #expect(a.end != nil && a.end! <= b.start, "\(side): \(a.start)–\(a.end ?? "") then \(b.start)")
                if a.end == b.start { #expect(a.polygons != b.polygons, "\(side) unchanged across \(b.start)") }
            }
        }
    }

    @Test func ringsAreClosedAndFollowTheRightHandRule() {
        for zone in Self.zones.zones {
            for polygon in zone.polygons {
                for (k, ring) in polygon.enumerated() {
                    #expect(ring.count >= 4 && ring.first == ring.last)
                    #expect((ZonePlane.signedArea(ring) > 0) == (k == 0), "outline counter-clockwise, holes clockwise")
                }
            }
        }
    }

    @Test func theGeoJSONMarksZonesDerived() {
        let text = GeoJSONExport.document(
            Stretches(campaign: Self.campaign), campaign: Self.campaign, zones: Self.zones)
        #expect(text.contains("\"type\": \"MultiPolygon\""))
        #expect(text.contains("\"feature\": \"zone\", \"id\": \"zone:isil\", \"kind\": \"derived-zone\""))
        #expect(text.contains("\"derived\": true, \"radiusKm\": 5"))
        let plain = GeoJSONExport.document(Stretches(campaign: Self.campaign), campaign: Self.campaign)
        #expect(!plain.contains("MultiPolygon"), "zones only when asked")
    }

    @Test func aSpanLimitsTheZonesToIt() throws {
        let day = try #require(Day("2016-02-24"))
        let z = try ZoneStretches(
            campaign: Self.campaign, radiusKm: 5, plane: Equirectangular(center: Self.campaign.info.area.center),
            first: day, last: day)
        #expect(!z.zones.isEmpty)
        #expect(z.zones.allSatisfy { $0.start >= "2016-02-24" && ($0.end.map { $0 <= "2016-02-25" } ?? true) })
    }
}
