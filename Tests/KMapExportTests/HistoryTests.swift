import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapExport

/// `Timeline.history(through:)` and `Stretches`: every stretch is the replayed state, and stretches tile time.
@Suite struct HistoryTests {
    let khanasir: Campaign
    init() throws { khanasir = try CampaignLoader.builtin() }

    @Test(arguments: ["khanasir", "testland"])
    func everyStretchIsTheReplayedStateAndEndsWhenItChanges(_ name: String) throws {
        let campaign = name == "khanasir" ? khanasir : try CampaignLoader.load(folder: testlandPath)
        let timeline = campaign.timeline
        let history = timeline.history(through: campaign.info.end)
        #expect(Set(history.places.map(\.placeID)) == Set(timeline.placeIDs))
        for s in history.places {
            let at = s.start ?? Instant.endOf(timeline.start.adding(days: -1))
            #expect(timeline.state(at: at)[s.placeID] == s.control, "\(s.placeID) from \(at)")
            if let end = s.end {
                #expect(timeline.state(at: end)[s.placeID] != s.control, "\(s.placeID) changes at \(end)")
                #expect(end > at)
            }
        }
        for (a, b) in zip(history.places, history.places.dropFirst()) where a.placeID == b.placeID {
            #expect(a.end != nil && a.end == b.start, "\(a.placeID): stretches meet")
        }
        for s in history.roads {
            let state = timeline.state(at: s.start ?? Instant.endOf(timeline.start.adding(days: -1))).road(s.roadID)
            #expect(
                state?.phase == s.state.phase && state?.cutAt == s.state.cutAt,
                "\(s.roadID) from \(String(describing: s.start))")
        }
    }

    @Test func khanasirIsContestedOn24February() throws {
        let stretches = Stretches(campaign: khanasir)
        let khanasirStretches = stretches.places.filter { $0.id == "khanasir" }
        // The end of 24 February, as kmap's map of that day shows it (ISO 8601 strings sort in time order).
        let endOf24 = "2016-02-24T23:59:00"
        let on24 = try #require(
            khanasirStretches.first { $0.start <= endOf24 && ($0.end.map { $0 > endOf24 } ?? true) })
        #expect(on24.controller == "isil")
        #expect(on24.status == "contested")
        #expect(on24.attacker == "government")
        #expect(on24.quote.contains("central district of Khanasir"))
        #expect(
            khanasirStretches.contains { $0.start == "2016-02-24T09:00:00" && $0.quote.contains("re-entered Khanasir") }
        )
        #expect(on24.url?.hasPrefix("https://en.wikipedia.org/") == true)
        #expect(khanasirStretches.first?.start == "2016-02-21" && khanasirStretches.first?.event == nil)
        #expect(khanasirStretches.last?.end == nil, "the last stretch is open")
    }

    @Test func untimedChangesAreDatesTimedOnesDateTimes() throws {
        let day = try #require(Day("2016-02-23"))
        let morning = Instant(day: day, time: try #require(TimeOfDay("morning")))
        #expect(ISOTime.format(.endOf(day), from: day) == "2016-02-23")
        #expect(ISOTime.format(morning, from: day) == "2016-02-23T09:00:00")
        #expect(ISOTime.format(.endOf(day), from: day, after: "2016-02-23T09:00:00") == "2016-02-23T23:59:00")
        #expect(ISOTime.format(nil, from: day) == "2016-02-23")
        // Testland's hill changes at 09:00 on 3 January; Bravo in the evening and at 09:00 the next day.
        let testland = Stretches(campaign: try CampaignLoader.load(folder: testlandPath))
        for s in testland.places + [] {
            if let end = s.end { #expect(s.start <= end, "\(s.id): \(s.start) before \(end)") }
        }
        #expect(
            testland.places.contains {
                $0.id == "bravo" && $0.start == "2020-01-03T19:00:00" && $0.end == "2020-01-04T09:00:00"
            })
    }

    @Test func fromAndToClipTheHistory() throws {
        let first = try #require(Day("2016-02-23"))
        let last = try #require(Day("2016-02-25"))
        let s = Stretches(campaign: khanasir, first: first, last: last)
        let all = Stretches(campaign: khanasir)
        #expect(s.places.count < all.places.count)
        for p in s.places {
            #expect(p.start >= "2016-02-23" && p.start < "2016-02-26", "\(p.id) starts \(p.start)")
            if let end = p.end { #expect(end > "2016-02-22" && end < "2016-02-26") }
        }
        #expect(
            Set(s.places.map(\.id)) == Set(khanasir.gazetteer.places.map(\.id)), "every place has a state in the span")
        let k = s.places.filter { $0.id == "khanasir" }
        #expect(k.first?.start == "2016-02-23" && k.last?.end == nil)
    }

    @Test func anUntimedChangeAfterATimedOneOnTheSameDayEndsThatDay() throws {
        let folder = try testlandCopy(editing: "events.yaml") {
            $0.replacingOccurrences(
                of:
                    "    quote: \"In the morning, Black takes the hill.\"\n    source: script\n    confidence: reported\n",
                with:
                    "    quote: \"In the morning, Black takes the hill.\"\n    source: script\n    confidence: reported\n"
                    + "  - date: 2020-01-03\n    places: [charlie-hill]\n    status: contested\n    by: [government]\n"
                    + "    quote: \"Blue fights for the hill.\"\n    source: script\n    confidence: stated\n")
        }
        let hill = Stretches(campaign: try CampaignLoader.load(folder: folder)).places.filter {
            $0.id == "charlie-hill"
        }
        #expect(hill.map(\.start) == ["2020-01-01", "2020-01-03T09:00:00", "2020-01-03T23:59:00"])
        #expect(hill.map(\.end) == ["2020-01-03T09:00:00", "2020-01-03T23:59:00", nil])
        #expect(hill.last?.status == "contested" && hill.last?.attacker == "government")
    }
}
