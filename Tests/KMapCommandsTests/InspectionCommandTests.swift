import ArgumentParser
import Foundation
import KMapModel
import KMapLoader
import KMapTestSupport
import Testing
@testable import KMapCommands

/// `explain`, `diff`, `places`, `timeline` and `check` on the built-in campaign.
@Suite struct InspectionCommandTests {
    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.builtin() }

    @Test(arguments: [("khanaser", "khanasir"), ("Rasm al-Nafl", "rasm-al-nafal"), ("RASM AL-NAFAL", "rasm-al-nafal"), ("Tal Zarour", "tal-zarour"), ("خناصر", "khanasir"), ("As Safirah", "as-safira")])
    func explainFindsPlacesByAnyName(_ query: String, _ id: String) throws {
        #expect(try Explain.resolve(query, in: campaign).id == id)
    }

    @Test func explainRejectsUnknownPlaces() {
        #expect(throws: CLIError.self) { try Explain.resolve("Atlantis", in: campaign) }
    }

    @Test func explainGivesTheChainWithQuotes() throws {
        let place = try Explain.resolve("khanasir", in: campaign)
        let text = Explain.explain(place, at: Instant.endOf(try #require(Day("2016-02-24"))), campaign: campaign)
        #expect(text.contains("On 2016-02-24: isil, contested by government since 2016-02-24"))
        #expect(text.contains("ultimately ISIL managed to capture Khanasir"))
        #expect(text.contains("re-entered Khanasir"))
        #expect(!text.contains("On 25 February"), "nothing after the day")
    }

    @Test func diffListsChangesAndTheEventsBetween() throws {
        let text = Diff.diff(campaign, from: .endOf(try #require(Day("2016-02-22"))), to: .endOf(try #require(Day("2016-02-26"))))
        #expect(text.contains("Rasm al-Nafal: isil, held since 2016-02-22 → government, held since 2016-02-23"))
        #expect(text.contains("supply route Aleppo supply road: cut → cleared"))
        #expect(!text.contains("road Ithriya - Khanasir"), "the road named like the route is not listed again")
        #expect(!text.contains("\nKhanasir:"), "Khanasir is government-held at both ends")
    }

    @Test func placesInEveryFormat() throws {
        let places = campaign.gazetteer.places
        let csv = try Places.render(places, format: .csv)
        #expect(csv.hasPrefix("id,name,kind,lat,lon,aliases,arabic,source,sourceRef,confidence\n"))
        #expect(csv.split(separator: "\n").count == places.count + 1)
        let geojson = try Places.render(places, format: .geojson)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(geojson.utf8)) as? [String: Any])
        #expect((object["features"] as? [Any])?.count == places.count)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try Places.render(places, format: .json).utf8)) as? [[String: Any]])
        #expect(json.first?["source"] != nil && json.first?["confidence"] != nil)
        #expect(try Places.render(places, format: .text).contains("khanasir"))
        #expect(Places.csv("a, \"b\"") == "\"a, \"\"b\"\"\"")
    }

    func exitCode(_ arguments: [String]) -> Int32 { runKMap(arguments) }

    @Test func commandsExitByOutcome() {
        #expect(exitCode(["check"]) == 0)
        #expect(exitCode(["check", "--campaign", testlandPath]) == 65)
        #expect(exitCode(["timeline", "--from", "2016-02-29", "--to", "2016-03-01"]) == 0)
        #expect(exitCode(["timeline", "--from", "2016-03-01", "--to", "2016-02-29"]) == 64)
        #expect(exitCode(["diff", "--from", "2016-02-22", "--to", "2016-02-30"]) == 64)
        #expect(exitCode(["explain", "nowhere", "--day", "2016-02-22"]) == 64)
        #expect(exitCode(["places", "--format", "csv"]) == 0)
    }
}
