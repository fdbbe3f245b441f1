import Foundation
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapLoader

/// Roads with sides (issue 16): each road is judged against its own faction, a road of no faction is never cut,
/// and the supply route against the faction it names.
@Suite struct RoadSidesTests {
    /// Testland with its one road's `faction` property replaced (nil: removed).
    func testland(roadFaction: String?) throws -> Campaign {
        let folder = try testlandCopy(editing: "gazetteer.geojson") {
            $0.replacingOccurrences(
                of: "\"faction\": \"government\", ", with: roadFaction.map { "\"faction\": \"\($0)\", " } ?? "")
        }
        return try CampaignLoader.load(folder: folder)
    }

    func state(_ c: Campaign, _ day: String) throws -> ControlState {
        c.timeline.state(at: .endOf(try #require(Day(day))))
    }

    @Test func aRoadIsJudgedAgainstItsOwnFaction() throws {
        let government = try testland(roadFaction: "government")
        let isil = try testland(roadFaction: "isil")
        // Bravo (on the road) falls to isil on 2 January.
        #expect(try state(government, "2020-01-02").road("main-road")?.cutAt == ["bravo"])
        #expect(
            try state(isil, "2020-01-02").road("main-road")?.cutAt == ["alpha", "delta"],
            "an isil road is cut at the government's towns")
        #expect(try state(isil, "2020-01-02").road("main-road")?.cutAt.contains("bravo") == false, "never at its own")
        #expect(government.gazetteer.road("main-road")?.faction == "government")
    }

    @Test func theSupplyRouteNamesItsOwnFaction() throws {
        // The route stays the government's whatever side its road is on.
        let isil = try testland(roadFaction: "isil")
        let route = try #require(try state(isil, "2020-01-02").route)
        #expect(route.isCut && route.cutAt == ["bravo"])
        #expect(isil.timeline.network.route?.faction == "government")
    }

    @Test func aRoadOfNoFactionIsNeverCut() throws {
        let nobody = try testland(roadFaction: nil)
        #expect(nobody.gazetteer.road("main-road")?.faction == nil)
        for day in ["2020-01-01", "2020-01-02", "2020-01-03", "2020-01-05", "2020-01-10"] {
            let road = try #require(try state(nobody, day).road("main-road"))
            #expect(!road.isCut && road.cutAt.isEmpty && road.phase == .open, "\(day)")
        }
        #expect(try state(nobody, "2020-01-02").route?.isCut == true, "the route is still judged")
        let json = StateDocument(campaign: nobody, state: try state(nobody, "2020-01-02"))
        #expect(json.roads.first?.faction == nil)
    }

    @Test func aRouteCutAtTheStartIsCutSinceTheStart() throws {
        // Bravo is isil's from the start: the route was cut before the campaign began, on no known day.
        let folder = try testlandCopy(editing: "events.yaml") {
            $0.replacingOccurrences(of: "    - places: [charlie-hill]", with: "    - places: [charlie-hill, bravo]")
        }
        let campaign = try CampaignLoader.load(folder: folder)
        let route = try #require(try state(campaign, "2020-01-01").route)
        #expect(route.phase == .cut && route.cutFromStart)
        #expect(route.cutSince?.day == campaign.info.start, "not the day before the start")
        let json = StateDocument(campaign: campaign, state: try state(campaign, "2020-01-01"))
        #expect(json.supplyRoute?.cutSince == "2020-01-01")
        // Retaken on 4 January: a later cut counts its own days again.
        let later = try state(campaign, "2020-01-04").route
        #expect(later?.cutFromStart == false)
    }

    @Test func onlyARoadNamesAFaction() throws {
        let folder = try testlandCopy(editing: "gazetteer.geojson") {
            $0.replacingOccurrences(of: "\"name\": \"Delta\", ", with: "\"name\": \"Delta\", \"faction\": \"isil\", ")
        }
        let error = try #require(throws: CampaignError.self) { try CampaignLoader.load(folder: folder) }
        #expect("\(error)".contains("only a road names a 'faction'"))
    }

    @Test func anUnknownRoadFactionIsNamedWithASuggestion() throws {
        let folder = try testlandCopy(editing: "gazetteer.geojson") {
            $0.replacingOccurrences(of: "\"faction\": \"government\"", with: "\"faction\": \"goverment\"")
        }
        let error = try #require(throws: CampaignError.self) { try CampaignLoader.load(folder: folder) }
        #expect("\(error)".contains("gazetteer.geojson:13"))
        #expect("\(error)".contains("unknown faction (whose road it is) 'goverment'; did you mean 'government'?"))
    }

    @Test func checkWarnsWhenUnnamedPositionsFallOnARoadOfNoSide() throws {
        let folder = try testlandCopy(editing: "gazetteer.geojson") {
            $0.replacingOccurrences(of: "\"faction\": \"government\", ", with: "")
        }
        let campaign = try CampaignLoader.load(folder: folder)
        #expect(
            campaign.timeline.events.contains { $0.unnamed > 0 && $0.roads == ["main-road"] },
            "testland counts points on its road")
        let findings = CampaignChecker.check(campaign).map(\.message)
        #expect(findings.contains { $0.contains("on road main-road, which names no faction") })
    }
}
