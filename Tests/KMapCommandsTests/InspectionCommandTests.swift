import ArgumentParser
import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCommands

/// `explain`, `diff`, `places`, `timeline` and `check` on the built-in campaign.
@Suite struct InspectionCommandTests {
    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.builtin() }

    @Test(arguments: [
        ("khanaser", "khanasir"), ("Rasm al-Nafl", "rasm-al-nafal"), ("RASM AL-NAFAL", "rasm-al-nafal"),
        ("Tal Zarour", "tal-zarour"), ("خناصر", "khanasir"), ("As Safirah", "as-safira"),
    ])
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

    /// Issue 18: explain gives the combined confidence with its links, and the source's words for times.
    @Test func explainGivesTheWeakestLinkAndTheSourcesWordsForTimes() throws {
        let day = Instant.endOf(try #require(Day("2016-02-23")))
        let hamad = Explain.explain(try Explain.resolve("rasm-hamad", in: campaign), at: day, campaign: campaign)
        #expect(hamad.contains("[inferred]"))
        #expect(
            hamad.contains("confidence: inferred, the weakest of: event inferred") && hamad.contains("tie inferred"))
        let nafal = Explain.explain(try Explain.resolve("rasm-al-nafal", in: campaign), at: day, campaign: campaign)
        #expect(nafal.contains("2016-02-23 “By the evening”"))
        #expect(nafal.contains("2016-02-21 “on Sunday evening”"))
        #expect(
            !nafal.contains("2016-02-23 19:00") && !nafal.contains("2016-02-21 19:00"),
            "no clock time the sources do not give")
        let khanasir = Explain.explain(try Explain.resolve("khanasir", in: campaign), at: day, campaign: campaign)
        #expect(!khanasir.contains("2016-02-23 12:00"))
        let jabbul = Explain.explain(try Explain.resolve("jabboul", in: campaign), at: day, campaign: campaign)
        #expect(jabbul.contains("unknown: no source gives its control on this day"))
    }

    /// `--evidence stated` keeps only places whose combined confidence is stated (an "article only" map).
    @Test func evidenceStatedKeepsOnlyStatedPlaces() throws {
        let state = campaign.timeline.state(at: .endOf(try #require(Day("2016-02-25"))))
        let only = try EvidenceOptions.parse(["--evidence", "stated"]).apply(state)
        #expect(!only.places.isEmpty && only.places.allSatisfy { $0.confidence == .stated })
        #expect(only["khanasir"] != nil && only["rasm-hamad"] == nil && only["jabboul"] == nil)
        #expect(try EvidenceOptions.parse([]).apply(state).places.count == state.places.count)
    }

    @Test func diffListsChangesAndTheEventsBetween() throws {
        let text = Diff.diff(
            campaign, from: .endOf(try #require(Day("2016-02-22"))), to: .endOf(try #require(Day("2016-02-26"))))
        #expect(text.contains("Rasm al-Nafal: isil, held since 2016-02-21 → government, held since 2016-02-23"))
        #expect(text.contains("supply route Aleppo supply road: cut → cleared"))
        #expect(!text.contains("road Ithriya - Khanasir"), "the road named like the route is not listed again")
        #expect(!text.contains("\nKhanasir:"), "Khanasir is government-held at both ends")
        #expect(
            text.contains("Syria Tel Hill: unknown: no source gives its control on this day → government"),
            "no invented loss before its recapture")
    }

    @Test func placesInEveryFormat() throws {
        let places = campaign.gazetteer.places
        let g = campaign.gazetteer
        let csv = try Places.render(g, format: .csv, title: "t")
        #expect(csv.hasPrefix("id,name,kind,lat,lon,aliases,arabic,names,source,sourceRef,confidence\n"))
        #expect(csv.split(separator: "\n").count == places.count + 1)
        let geojson = try Places.render(g, format: .geojson, title: "t")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(geojson.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == places.count + g.roads.count + g.areas.count, "places, roads and areas")
        let types = features.compactMap { ($0["geometry"] as? [String: Any])?["type"] as? String }
        #expect(
            types.filter { $0 == "LineString" }.count == g.roads.count
                && types.filter { $0 == "Polygon" }.count == g.areas.count)
        #expect(!g.roads.isEmpty && !g.areas.isEmpty)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try Places.render(g, format: .json, title: "t").utf8))
                as? [[String: Any]])
        #expect(json.first?["source"] != nil && json.first?["confidence"] != nil)
        #expect(try Places.render(g, format: .text, title: "t").contains("khanasir"))
        #expect(Places.csv("a, \"b\"") == "\"a, \"\"b\"\"\"")
        #expect(Places.csv("=HYPERLINK(1)") == "'=HYPERLINK(1)", "no formula from a place's name")
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
