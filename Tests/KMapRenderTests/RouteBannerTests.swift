import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose

/// The route banner of a route already cut when the campaign starts (issue 16): it was cut on a day no source
/// gives, so the banner says "since the start", never the day before the start or "day N of the cut".
@Suite struct RouteBannerTests {
    func banner(_ campaign: Campaign, _ day: String) throws -> String {
        let scene = SceneComposer(campaign: campaign).scene(for: try campaign.state(on: try #require(Day(day))))
        guard case .text(let t) = try #require(scene.item("route")).symbol else { throw CancellationError() }
        return t.text
    }

    @Test func aRouteCutAtTheStartSaysSinceTheStart() throws {
        let folder = try testlandCopy(editing: "events.yaml") {
            $0.replacingOccurrences(of: "    - places: [charlie-hill]", with: "    - places: [charlie-hill, bravo]")
        }
        let campaign = try CampaignLoader.load(folder: folder)
        let first = try banner(campaign, "2020-01-01")
        #expect(first == "✕ Main supply road CUT at Bravo, since the start (1 Jan)", "\(first)")
        let third = try banner(campaign, "2020-01-03")
        #expect(third.hasPrefix("✕ Main supply road CUT at Bravo, since the start (1 Jan)"), "\(third)")
        #expect(!third.contains("31 Dec") && !third.contains("of the cut"))
    }

    @Test func aCutDuringTheCampaignCountsItsDays() throws {
        let campaign = try CampaignLoader.load(folder: testlandPath)
        let text = try banner(campaign, "2020-01-03")
        #expect(text.hasPrefix("✕ Main supply road CUT"), "\(text)")
        #expect(text.hasSuffix("since 2 Jan (day 2 of the cut)"), "\(text)")
    }
}
