import Foundation
import KMapLoader
import KMapTestSupport
import Testing

@testable import KMapModel

/// `state(at:)` resumes from checkpoints; it must give exactly what a replay from the start gives.
@Suite struct CheckpointTests {
    /// The benchmark scene (invented, Scripts/bench/campaign): 1,484 events over 101 days, 35 places, so five
    /// checkpoints after the initial one at the minimum interval of 256 events.
    static let benchPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/bench/campaign").path

    func expectSameAsFullReplay(_ campaign: Campaign, instants: Int, seed: UInt64) {
        let t = campaign.timeline
        var rng = SplitMix64(seed: seed)
        let days = campaign.info.end.days(since: campaign.info.start)
        var checked: [Instant] = [
            t.initialState.instant, Instant.endOf(campaign.info.start), Instant.endOf(campaign.info.end),
        ]
        checked += t.events.prefix(3).map(\.instant) + t.events.suffix(3).map(\.instant)
        // Instants exactly on checkpoint boundaries, and just after them.
        for j in stride(from: t.checkpoints.interval, to: t.events.count, by: t.checkpoints.interval) {
            checked += [t.events[j - 1].instant, t.events[j].instant]
        }
        for _ in 0..<instants {
            let day = campaign.info.start.adding(days: Int(rng.next() % UInt64(days + 1)))
            let time = [TimeOfDay.endOfDay, TimeOfDay("09:00")!, TimeOfDay("19:00")!][Int(rng.next() % 3)]
            checked.append(Instant(day: day, time: time))
        }
        // One cursor over all of them, forwards, backwards and shuffled, as workers of a sequence ask.
        var cursor = Timeline.Cursor()
        let orders = [checked.sorted(), checked.sorted().reversed(), checked]
        for instant in orders.joined() {
            let full = t.fullReplayState(at: instant)
            #expect(t.state(at: instant) == full, "state at \(instant) differs from a full replay")
            #expect(t.state(at: instant, cursor: &cursor) == full, "state at \(instant) with a kept cursor differs")
        }
    }

    /// A cursor kept from one timeline is not replayed on for another.
    @Test func aCursorFromAnotherTimelineIsIgnored() throws {
        let bench = try CampaignLoader.resolve(Self.benchPath).timeline
        let builtin = try CampaignLoader.builtin().timeline
        var cursor = Timeline.Cursor()
        // Ten events into the built-in campaign: nearer to the bench instant below than its first checkpoint.
        _ = builtin.state(at: builtin.events[9].instant, cursor: &cursor)
        let instant = bench.events[100].instant
        #expect(bench.state(at: instant, cursor: &cursor) == bench.fullReplayState(at: instant))
    }

    @Test func benchCampaignMatchesFullReplay() throws {
        let campaign = try CampaignLoader.resolve(Self.benchPath)
        #expect(campaign.timeline.checkpoints.states.count >= 5)
        expectSameAsFullReplay(campaign, instants: 200, seed: 7)
    }

    @Test func builtinCampaignMatchesFullReplay() throws {
        expectSameAsFullReplay(try CampaignLoader.builtin(), instants: 200, seed: 42)
    }

    @Test func eventCountIsABinarySearchOfTheInstant() throws {
        let t = try CampaignLoader.resolve(Self.benchPath).timeline
        for k in [0, 1, 255, 256, 257, t.events.count - 1] {
            let instant = t.events[k].instant
            #expect(t.eventCount(through: instant) == t.events.filter { $0.instant <= instant }.count)
        }
    }
}
