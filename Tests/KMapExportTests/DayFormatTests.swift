import Foundation
import KMapLoader
import KMapModel
import Testing

@testable import KMapExport

/// `state --format geojson` and `timeline --format json|csv`: the day-level machine formats.
@Suite struct DayFormatTests {
    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.builtin() }

    @Test func stateGeoJSONCarriesTheStateJSONFields() throws {
        let state = try campaign.state(on: try #require(Day("2016-02-24")))
        let text = try DayFormats.stateGeoJSON(StateDocument(campaign: campaign, state: state), campaign: campaign)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == campaign.gazetteer.places.count + campaign.gazetteer.roads.count)
        let khanasir = try #require(
            features.first { ($0["properties"] as? [String: Any])?["id"] as? String == "khanasir" })
        let properties = try #require(khanasir["properties"] as? [String: Any])
        #expect(properties["status"] as? String == "contested" && properties["controller"] as? String == "isil")
        #expect(properties["contestedBy"] as? [String] == ["government"])
        let geometry = try #require(khanasir["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Point" && (geometry["coordinates"] as? [Double])?.first == 37.49919)
        let road = try #require(features.last?["geometry"] as? [String: Any])
        #expect(road["type"] as? String == "LineString")
    }

    @Test func timelineJSONListsTheEventsInOrder() throws {
        let first = try #require(Day("2016-02-24"))
        let last = try #require(Day("2016-02-24"))
        let text = try DayFormats.eventsJSON(campaign, first: first, last: last)
        let events = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(events.count == campaign.timeline.events.filter { $0.day == first }.count && !events.isEmpty)
        #expect(events.first?["instant"] as? String == "2016-02-24T09:00:00")
        #expect(events.allSatisfy { $0["day"] as? String == "2016-02-24" && $0["quote"] is String })
        #expect(events.contains { ($0["quote"] as? String)?.contains("re-entered Khanasir") == true })
        let csv = CSVExport.events(campaign, first: first, last: last)
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == events.count + 1)
    }
}
