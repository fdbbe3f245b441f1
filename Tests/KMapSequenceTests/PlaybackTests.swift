import KMapModel
import KMapSequence
import Testing

/// Animation pacing (issue 15): a day stays long enough to read its date, transitions stay smooth.
@Suite struct PlaybackTests {
    let feb21 = Day("2016-02-21")!
    let feb25 = Day("2016-02-25")!

    /// How many video frames show each planned frame, in order.
    func runs(_ sequence: [Int]) -> [Int] {
        var counts: [Int] = []
        var last: Int?
        for i in sequence {
            if i == last { counts[counts.count - 1] += 1 } else { counts.append(1) }
            last = i
        }
        return counts
    }

    @Test func byDefaultADayStaysASecond() {
        let plan = FramePlan(from: feb21, through: feb25, step: .daily)
        let playback = Playback()
        #expect(playback.fps == 4 && playback.hold == 1)
        let sequence = playback.sequence(plan)
        // Five days, four frames each at 4 fps; the last 2 s (8 frames) more.
        #expect(runs(sequence) == [4, 4, 4, 4, 12])
        #expect(sequence == sequence.sorted(), "in plan order")
        #expect(Set(sequence) == Set(plan.frames.indices), "every planned frame shown")
    }

    @Test func transitionsShowOnceEachBetweenHeldDays() {
        let plan = FramePlan(from: feb21, through: Day("2016-02-23")!, step: .daily, tween: 3)
        let sequence = Playback(fps: 12, hold: 1, holdLast: 0).sequence(plan)
        // Key 12, three tweens once each, key 12, tweens, key 12.
        #expect(runs(sequence) == [12, 1, 1, 1, 12, 1, 1, 1, 12])
        for (i, n) in zip(sequence.indices, sequence) where plan.frames[n].tween != nil {
            #expect(i == 0 || sequence[i - 1] != n, "a transition frame is never repeated")
        }
        // A day then lasts hold + tween / fps: 1.25 s.
        #expect(sequence.count == 3 * 12 + 2 * 3)
    }

    @Test func holdAndFPSAreAdjustable() {
        let plan = FramePlan(from: feb21, through: feb25, step: .daily)
        #expect(runs(Playback(fps: 10, hold: 0.5, holdLast: 1).sequence(plan)) == [5, 5, 5, 5, 15])
        #expect(runs(Playback(fps: 4, hold: 0, holdLast: 0).sequence(plan)) == [1, 1, 1, 1, 1], "0: one frame each")
        #expect(
            runs(Playback(fps: 1, hold: 0.2, holdLast: 0).sequence(plan)) == [1, 1, 1, 1, 1], "never less than one")
    }

    @Test func aStepWithinADayIsHeldPerState() {
        // At --step 6h each of the day's four states is held: every state's time stays readable.
        let plan = FramePlan(from: feb21, through: feb21, step: FrameStep("6h")!)
        #expect(runs(Playback(holdLast: 0).sequence(plan)) == [4, 4, 4, 4])
    }
}
