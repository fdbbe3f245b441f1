import KMapLoader
import KMapTestSupport
import Testing

@testable import KMapModel

/// The state machine on the fictional testland campaign, whose events exercise every rule.
@Suite struct ReplayTests {
    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.load(folder: testlandPath) }

    func state(_ day: String, _ time: String = "end") throws -> ControlState {
        campaign.timeline.state(at: Instant(day: try #require(Day(day)), time: try #require(TimeOfDay(time))))
    }

    @Test func initialControlHasDefaultAndExceptions() throws {
        let s = try state("2020-01-01")
        #expect(s["alpha"]?.controller == "government")
        #expect(s["charlie-hill"]?.controller == "jund-al-aqsa")
        #expect(s["charlie-hill"]?.basis.confidence == .stated)
        #expect(s["alpha"]?.basis.eventID == nil)
        #expect(s.route?.phase == .open)
    }

    @Test func untimedEventAppliesAtEndOfItsDay() throws {
        #expect(try state("2020-01-02", "midday")["bravo"]?.controller == "government")
        let end = try state("2020-01-02")
        #expect(end["bravo"]?.controller == "isil")
        #expect(end["bravo"]?.since.description == "2020-01-02")
    }

    @Test func jointAttackRecordsControllerAndAttackers() throws {
        let s = try state("2020-01-02")
        #expect(s["bravo"]?.status == .held)
        #expect(s["bravo"]?.contestedBy == [])
    }

    @Test func timedEventsApplyInTimeOrderNotFileOrder() throws {
        // The file lists the evening contest before the morning capture of the hill.
        let morning = try state("2020-01-03", "morning")
        #expect(morning["charlie-hill"]?.controller == "isil")
        #expect(morning["bravo"]?.status == .held)
        let evening = try state("2020-01-03", "evening")
        #expect(evening["bravo"]?.status == .contested)
    }

    @Test func contestedKeepsTheControllerAndNamesTheAttacker() throws {
        let s = try state("2020-01-03")
        #expect(s["bravo"]?.controller == "isil")
        #expect(s["bravo"]?.status == .contested)
        #expect(s["bravo"]?.contestedBy == ["government"])
        #expect(s["bravo"]?.since.description == "2020-01-02")
        #expect(s["bravo"]?.statusSince.description == "2020-01-03")
    }

    @Test func recaptureEndsTheContest() throws {
        let s = try state("2020-01-04")
        #expect(s["bravo"]?.controller == "government")
        #expect(s["bravo"]?.status == .held)
        #expect(s["bravo"]?.contestedBy == [])
    }

    @Test func besiegedKeepsTheController() throws {
        let s = try state("2020-01-06")
        #expect(s["alpha"]?.controller == "government")
        #expect(s["alpha"]?.status == .besieged)
        #expect(s["alpha"]?.contestedBy == ["isil"])
    }

    @Test func roadStatusIsDerivedFromControlAlongIt() throws {
        #expect(try state("2020-01-01").road("main-road")?.isCut == false)
        let cut = try state("2020-01-02")
        #expect(cut.road("main-road")?.cutAt == ["bravo"])
        #expect(cut.route?.phase == .cut)
        #expect(cut.route?.cutAt == ["bravo"])
        #expect(cut.route?.cutSince?.day.description == "2020-01-02")
        // Contested by the road's own side is still cut.
        #expect(try state("2020-01-03").road("main-road")?.isCut == true)
    }

    @Test func clearedIsNotOpenUntilReportedReopened() throws {
        let cleared = try state("2020-01-04")
        #expect(cleared.road("main-road")?.isCut == false)
        #expect(cleared.route?.phase == .cleared)
        #expect(cleared.route?.clearedAt?.description == "2020-01-04 09:00")
        let reopened = try state("2020-01-05")
        #expect(reopened.route?.phase == .open)
        #expect(reopened.route?.reopenedAt?.day.description == "2020-01-05")
    }

    @Test func siegeOfAnEndCutsTheRouteAgain() throws {
        let s = try state("2020-01-06")
        #expect(s.route?.phase == .cut)
        #expect(s.route?.cutAt == ["alpha"])
    }

    @Test func unnamedPositionsOnARoadCutItUntilRetaken() throws {
        #expect(try state("2020-01-06").road("main-road")?.unnamedCut == 0)
        let taken = try state("2020-01-07")
        #expect(taken.road("main-road")?.unnamedCut == 2)
        #expect(taken.road("main-road")?.isCut == true)
        #expect(taken.route?.unnamedCut == 2)
        // Retaking more than were counted leaves none, never a negative count.
        #expect(try state("2020-01-08").road("main-road")?.unnamedCut == 0)
    }

    @Test func unnamedPlacesAreOnRecordButChangeNothing() throws {
        let event = try #require(campaign.timeline.events.first { $0.unnamed == 3 })
        #expect(event.places.isEmpty)
        #expect(!event.changesControl)
        #expect(try state("2020-01-04").places == state("2020-01-04", "10:00").places)
        #expect(try state("2020-01-04").road("main-road")?.unnamedCut == 0)
    }
}
