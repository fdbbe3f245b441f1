import KMapModel
import KMapRender
import KMapSequence
import Testing

@testable import KMapCompose

@Suite struct FramePlanTests {
    let feb21 = Day("2016-02-21")!

    @Test func dailyFramesAreNumberedAndDated() {
        let plan = FramePlan(from: feb21, through: Day("2016-02-23")!, step: .daily)
        #expect(plan.frames.map(\.file) == ["0001_2016-02-21.png", "0002_2016-02-22.png", "0003_2016-02-23.png"])
        #expect(plan.frames.map(\.number) == [1, 2, 3])
        #expect(plan.frames.allSatisfy { $0.instant.isEndOfDay && $0.tween == nil })
        #expect(
            plan.frames[0].previous == .endOf(Day("2016-02-20")!), "the first frame compares with the step before it")
    }

    @Test func hourStepsEndEachDayAtItsEnd() {
        let plan = FramePlan(from: feb21, through: feb21, step: FrameStep("6h")!, format: .svg)
        #expect(
            plan.frames.map(\.file) == [
                "0001_2016-02-21T0600.svg", "0002_2016-02-21T1200.svg", "0003_2016-02-21T1800.svg",
                "0004_2016-02-21.svg",
            ])
        #expect(plan.frames[0].previous == .endOf(Day("2016-02-20")!))
        #expect(plan.frames[3].previous == Instant(day: feb21, time: TimeOfDay("18:00")!))
    }

    @Test func tweenFramesSitBetweenKeyFramesAndEase() {
        let plan = FramePlan(from: feb21, through: Day("2016-02-22")!, step: .daily, tween: 3)
        #expect(
            plan.frames.map(\.file) == [
                "0001_2016-02-21.png", "0002_2016-02-21_tween1.png", "0003_2016-02-21_tween2.png",
                "0004_2016-02-21_tween3.png",
                "0005_2016-02-22.png",
            ])
        let t = plan.frames.compactMap(\.tween).map(\.progress)
        #expect(t.count == 3 && t[1] == 0.5)
        #expect(t[0] < 0.25 && t[2] > 0.75, "eased: slow at both ends")
        #expect(plan.frames[1].instant == .endOf(Day("2016-02-22")!) && plan.frames[1].previous == .endOf(feb21))
    }

    @Test func numbersWidenPastNineThousandNineHundredNinetyNine() {
        let plan = FramePlan(from: Day("2000-01-01")!, through: Day("2000-01-01")!.adding(days: 10_000), step: .daily)
        #expect(plan.frames.first?.file == "00001_2000-01-01.png")
        #expect(plan.frames.count == 10_001)
    }

    @Test(arguments: ["1d", "2d", "12h", "6h", "3h", "1h", "24h"])
    func validSteps(_ text: String) throws {
        let step = try #require(FrameStep(text))
        #expect(step.description == (text == "24h" ? "1d" : text))
    }

    @Test(arguments: ["", "d", "0d", "5h", "7h", "48h", "-1d", "1w", "6"])
    func invalidSteps(_ text: String) {
        #expect(FrameStep(text) == nil)
    }

    @Test func easingIsSymmetricAndBounded() {
        #expect(Easing.inOutCubic(0) == 0 && Easing.inOutCubic(1) == 1 && Easing.inOutCubic(0.5) == 0.5)
        #expect(abs(Easing.inOutCubic(0.2) + Easing.inOutCubic(0.8) - 1) < 1e-12)
    }

    @Test func progressLineSaysDoneRateAndTimeLeft() {
        var meter = ProgressMeter(total: 100, start: 0)
        for _ in 0..<10 { meter.record(kept: true) }
        for _ in 0..<20 { meter.record(kept: false) }
        #expect(meter.line(now: 4) == "30/100 frames (30%), 5.0 frames/s, 0:14 left")
        #expect(ProgressMeter(total: 3, start: 0).line(now: 1) == "0/3 frames (0%)")
    }
}
