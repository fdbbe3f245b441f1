import Foundation
import KMapTestSupport
import Testing

@testable import KMapLoader
@testable import KMapModel

/// The lints of issue 18, each made to fire in a seeded copy of the testland campaign, and the evidence model
/// (weakest link, unknown, staleAfter) on the same data.
extension CheckerTests {
    @Test func aStatedEventOnAPlaceTiedByInferenceIsFlagged() throws {
        let f = try check("gazetteer.geojson") {
            $0.replacingOccurrences(
                of:
                    #""id": "bravo", "name": "Bravo", "aliases": [], "kind": "village", "source": "script", "confidence": "approximate""#,
                with:
                    #""id": "bravo", "name": "Bravo", "aliases": [], "kind": "village", "source": "script", "confidence": "approximate", "tiedTo": "Black takes Bravo.", "tiedBy": "script", "tieConfidence": "inferred""#
            )
        }
        let edited = try check("events.yaml") { $0 }  // baseline for comparison
        #expect(!edited.contains { $0.message.contains("only by inference") })
        // Bravo is taken by a stated event in testland: that event now names a place tied only by inference.
        #expect(
            f.contains {
                $0.severity == .warning && $0.message.contains("'bravo' is tied to its sentence only by inference")
            })
    }

    @Test func aQuoteDatedAfterItsEventIsFlagged() throws {
        let f = try check("events.yaml") {
            $0.replacingOccurrences(
                of: "quote: \"Black takes Bravo.\"", with: "quote: \"On 5 January, Black takes Bravo.\"")
        }
        #expect(f.contains { $0.message.contains("the quote is dated 2020-01-05, after its event (2020-01-02)") })
    }

    @Test func aSourcePublishedBeforeItsEventIsFlagged() throws {
        let f = try check("campaign.yaml") {
            $0.replacingOccurrences(
                of: "    note: invented for tests", with: "    note: invented for tests\n    date: 2020-01-03")
        }
        #expect(
            f.contains {
                $0.message.contains("source 'script' was published on 2020-01-03, before this event (2020-01-04)")
            })
    }

    @Test func aTimeNotInItsQuoteIsFlagged() throws {
        let missing = try check("events.yaml") {
            $0.replacingOccurrences(of: "    when: \"In the morning\"\n", with: "")
        }
        #expect(missing.contains { $0.message.contains("time 09:00 is not in the quote") })
        let wrong = try check("events.yaml") {
            $0.replacingOccurrences(of: "when: \"In the morning\"", with: "when: \"At dawn\"")
        }
        #expect(wrong.contains { $0.message.contains("'when: At dawn' is not in the quote") })
    }

    @Test func aStatedControlCarriedPastStaleAfterIsFlagged() throws {
        let f = try check("campaign.yaml") { $0.replacingOccurrences(of: "end: 2020-01-10", with: "end: 2020-12-31") }
        #expect(
            f.contains {
                $0.message.contains("Bravo's stated control of 2020-01-04 is carried")
                    && $0.message.contains("set staleAfter")
            })
        let aged = try check("campaign.yaml") {
            $0.replacingOccurrences(
                of: "end: 2020-01-10", with: "end: 2020-12-31\nstaleAfter:\n  inferred: 30\n  unknown: 90")
        }
        #expect(!aged.contains { $0.message.contains("set staleAfter") })
    }

    @Test func aNoteContradictingTheEventsIsFlagged() throws {
        let count = try check("events.yaml") {
            $0.replacingOccurrences(
                of: "quote: \"Blue takes three villages.\"",
                with: "quote: \"Blue takes three villages.\"\n    note: \"2 of 3 unnamed\"")
        }
        #expect(
            count.contains { $0.message.contains("the note says 2 of 3 are unnamed, but the event has unnamed: 3") })
    }

    @Test func staleAfterMustTurnInferredBeforeUnknown() throws {
        let f = try check("campaign.yaml") {
            $0.replacingOccurrences(
                of: "end: 2020-01-10", with: "end: 2020-01-10\nstaleAfter:\n  inferred: 9\n  unknown: 3")
        }
        #expect(
            f.contains {
                $0.severity == .error
                    && $0.message.contains("'staleAfter.inferred' (9) is longer than 'staleAfter.unknown' (3)")
            })
    }

    /// The weakest link: Charlie Hill's estimated position makes a reported capture inferred; an exact village
    /// with a stated event stays stated; with `staleAfter` a stated control ages to inferred, then unknown.
    @Test func confidenceIsTheWeakestLinkAndAges() throws {
        let testland = try CampaignLoader.load(folder: testlandPath)
        let s = try testland.state(on: try #require(Day("2020-01-04")))
        #expect(s["charlie-hill"]?.basis.confidence == .reported)
        #expect(s["charlie-hill"]?.confidence == .inferred)
        #expect(s["bravo"]?.confidence == .stated)
        let folder = try testlandCopy(editing: "campaign.yaml") {
            $0.replacingOccurrences(
                of: "end: 2020-01-10", with: "end: 2020-01-10\nstaleAfter:\n  inferred: 2\n  unknown: 4")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let aging = try CampaignLoader.load(folder: folder)
        let bravo = { (d: String) in try aging.state(on: try #require(Day(d)))["bravo"] }
        #expect(try bravo("2020-01-06")?.confidence == .stated)
        #expect(try bravo("2020-01-07")?.confidence == .inferred)
        #expect(try bravo("2020-01-09")?.controller == PlaceControl.unknown)
        #expect(try bravo("2020-01-09")?.confidence == .unknown)
        #expect(
            try aging.state(on: try #require(Day("2020-01-09"))).only(.inferred)["bravo"] == nil,
            "--evidence inferred leaves unknown places out")
    }
}
