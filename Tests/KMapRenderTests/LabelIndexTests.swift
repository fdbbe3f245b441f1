import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// Label placement through `RectGrid` places exactly what the all-pairs search placed.
@Suite struct LabelIndexTests {
    @Test(arguments: LabelLanguage.allCases) func indexedPlacementEqualsAllPairs(labels: LabelLanguage) throws {
        let campaign = try CampaignLoader.builtin()
        let composer = SceneComposer(campaign: campaign, options: FrameOptions(labels: labels))
        var indexed = composer.labelPlacer
        var allPairs = composer.labelPlacer
        let a = indexed.place(composer.labelRequests, indexed: true)
        let b = allPairs.place(composer.labelRequests, indexed: false)
        #expect(a.placed == b.placed)
        #expect(a.dropped == b.dropped)
        #expect(a.placed == composer.labels)
        #expect(a.placed.count >= 10)
    }

    @Test func gridFindsWhatAllPairsFinds() {
        var rng = SplitMix64(seed: 13)
        let rects = (0..<300).map { _ in
            Rect(
                x: .random(in: -50...1600, using: &rng), y: .random(in: -50...1200, using: &rng),
                width: .random(in: 0...300, using: &rng), height: .random(in: 0...80, using: &rng))
        }
        let grid = RectGrid(rects)
        for _ in 0..<2000 {
            let q = Rect(
                x: .random(in: -100...1700, using: &rng), y: .random(in: -100...1300, using: &rng),
                width: .random(in: 0...120, using: &rng), height: .random(in: 0...40, using: &rng))
            #expect(grid.intersectsAny(q) == rects.contains { $0.intersects(q) })
        }
    }
}
