import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// The panel's one-line summary covers every kind of change, so a day with changes never reads "No change".
@Suite struct PanelSummaryTests {
    @Test func fightingThatEndsWithoutAChangeOfHandsIsAChange() throws {
        // Bravo, contested on 3 Jan, is held again on 4 Jan by the side that had it: a status with no controller.
        let folder = try testlandCopy(editing: "events.yaml") {
            $0.replacingOccurrences(
                of: "    controller: government\n    quote: \"At 09:00, Blue retakes Bravo.\"",
                with: "    status: held\n    quote: \"At 09:00, the fighting in Bravo ends.\"")
        }
        let campaign = try CampaignLoader.load(folder: folder)
        let day = try #require(Day("2020-01-04"))
        let scene = SceneComposer(campaign: campaign).scene(
            for: try campaign.state(on: day), previous: try campaign.state(on: day.adding(days: -1)))
        let texts = scene.items.compactMap { item -> String? in
            guard item.id.hasPrefix("changes:"), case .text(let t) = item.symbol else { return nil }
            return t.text
        }
        #expect(!texts.contains { $0.hasPrefix("No change") }, "\(texts)")
        #expect(texts.contains { $0.contains("Bravo") }, "\(texts)")
    }
}
