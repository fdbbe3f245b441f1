import Foundation
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapLoader

/// `kmap check`'s rules, each caught in a seeded copy of the testland campaign.
@Suite struct CheckerTests {
    /// Findings of checking testland with `file` edited (load errors included).
    func check(_ file: String, _ edit: @escaping (String) -> String) throws -> [Finding] {
        let folder = try testlandCopy(editing: file, edit)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            return CampaignChecker.check(try CampaignLoader.load(folder: folder))
        } catch .invalid(let findings) {
            return findings
        }
    }

    /// Testland deliberately retakes more unnamed road points than it lost (to test the clamp); nothing else.
    let baseline = "retakes 3 unnamed positions on main-road, but only 2 were recorded lost"

    @Test func builtinCampaignIsClean() throws {
        let findings = CampaignChecker.check(try CampaignLoader.builtin())
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }

    @Test func testlandHasOnlyItsDeliberateWarning() throws {
        let findings = CampaignChecker.check(try CampaignLoader.load(folder: testlandPath))
        #expect(findings.map(\.message).map { $0.hasPrefix(baseline) } == [true])
    }

    /// Issue 14: no marker stands in a lake unless the data says so; a place inside one is flagged.
    @Test func aPlaceInsideALakeIsFlagged() throws {
        // Bravo moved into Test Lake ([10.3, 50.3]-[10.4, 50.4]).
        let findings = try check("gazetteer.geojson") {
            $0.replacingOccurrences(of: "[10.5, 50.5]}", with: "[10.35, 50.35]}")
        }
        #expect(
            findings.contains { $0.message.hasPrefix("'bravo' lies inside Test Lake") }, "\(findings.map(\.message))")
    }

    @Test func contradictoryEventsAtTheSameInstant() throws {
        let f = try check("events.yaml") {
            $0 + """
                  - date: 2020-01-09
                    time: "10:00"
                    places: [delta]
                    controller: isil
                    quote: "Black takes Delta."
                    source: script
                    confidence: stated
                  - date: 2020-01-09
                    time: "10:00"
                    places: [delta]
                    controller: jund-al-aqsa
                    quote: "Grey takes Delta."
                    source: script
                    confidence: stated

                """
        }
        #expect(
            f.contains {
                $0.severity == .error && $0.message.contains("contradicts line") && $0.message.contains("Delta")
            })
    }

    @Test func aHolderCannotContestItsOwnPlace() throws {
        let f = try check("events.yaml") {
            $0.replacingOccurrences(
                of: "status: contested\n    by: [government]", with: "status: contested\n    by: [isil]")
        }
        #expect(f.contains { $0.severity == .error && $0.message.contains("cannot contest or besiege it") })
    }

    @Test func aCaptureThatChangesNothingIsFlagged() throws {
        let f = try check("events.yaml") {
            $0.replacingOccurrences(
                of: "places: [charlie-hill]\n    controller: isil", with: "places: [alpha]\n    controller: government")
        }
        #expect(f.contains { $0.message.contains("already held by government") && $0.line == 30 })
    }

    @Test func eventsOutOfOrderAreFlagged() throws {
        let f = try check("events.yaml") {
            $0.replacingOccurrences(of: "  - date: 2020-01-06\n", with: "  - date: 2020-01-01\n")
        }
        #expect(f.contains { $0.message.contains("keep the file in date order") })
    }

    @Test func reopeningWhileCutIsFlagged() throws {
        let f = try check("events.yaml") {
            $0.replacingOccurrences(
                of: "  - date: 2020-01-05\n    roads: [main-road]", with: "  - date: 2020-01-03\n    roads: [main-road]"
            )
        }
        #expect(f.contains { $0.message.contains("reported reopened while control still cuts it") })
    }

    @Test func eventsWithoutASourceAreRejected() throws {
        let f = try check("events.yaml") {
            $0.replacingOccurrences(
                of: "    quote: \"Black takes Bravo.\"\n    source: script\n",
                with: "    quote: \"Black takes Bravo.\"\n")
        }
        #expect(f.contains { $0.severity == .error && $0.message.contains("has no 'source'") })
    }

    @Test func unknownSourcesAndIdsAreRejected() throws {
        let f = try check("events.yaml") {
            $0.replacingOccurrences(
                of: "quote: \"Black takes Bravo.\"\n    source: script",
                with: "quote: \"Black takes Bravo.\"\n    source: scrip")
        }
        #expect(f.contains { $0.message == "unknown source 'scrip'; did you mean 'script'?" })
    }

    @Test func positionsOutsideTheAreaAreRejected() throws {
        let f = try check("gazetteer.geojson") { $0.replacingOccurrences(of: "[10.8, 50.2]},", with: "[12.5, 50.2]},") }
        #expect(f.contains { $0.severity == .error && $0.message.contains("outside the campaign's area") })
    }

    @Test func tiedPlacesMustBeQuotedAndNamed() throws {
        let f = try check("gazetteer.geojson") {
            $0.replacingOccurrences(
                of: "\"kind\": \"village\", \"source\": \"script\", \"confidence\": \"exact\"}}",
                with:
                    "\"kind\": \"village\", \"source\": \"script\", \"confidence\": \"exact\", \"tiedTo\": \"Blue takes five villages.\", \"tiedBy\": \"script\", \"tieConfidence\": \"inferred\"}}"
            )
        }
        #expect(f.contains { $0.message.contains("tied to a sentence no event quotes") })
    }
}
