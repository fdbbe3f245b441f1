import KMapLoader
import KMapModel
import KMapRender
import Testing

@testable import KMapCompose

/// The timeline chart's road strip reads without colour (issue 15): a cut is hatched, and only a cut.
@Suite struct ChartTests {
    let scene: Scene

    init() throws {
        let campaign = try CampaignLoader.builtin()
        let first = try #require(Day("2016-02-20"))
        let last = try #require(Day("2016-03-02"))
        scene = ChartComposer(campaign: campaign, from: first, to: last).scene()
    }

    func rect(_ item: SceneItem) -> Rect? {
        if case .rect(let r, _, _) = item.symbol { return r }
        return nil
    }

    func hatches(of id: String) -> [[Point]] {
        scene.items.compactMap { item in
            guard item.id.hasPrefix("\(id):hatch:"), case .polyline(let points, _) = item.symbol else { return nil }
            return points
        }
    }

    @Test func everyCutRunIsHatchedAndNothingElse() throws {
        let runs = scene.items.filter { $0.id.hasPrefix("chart:route:") && rect($0) != nil }
        let cut = runs.filter { $0.title?.hasSuffix(": cut") == true }
        #expect(!cut.isEmpty, "the road was cut from 21 Feb")
        #expect(runs.count > cut.count, "and open or cleared on other days")
        for run in runs {
            let lines = hatches(of: run.id)
            if cut.contains(where: { $0.id == run.id }) {
                let r = try #require(rect(run))
                // Stripes 6 px apart across the run's width.
                #expect(Double(lines.count) >= r.width / 6, "\(run.id): \(lines.count) stripes")
                for p in lines.joined() {
                    #expect(p.x >= r.x - 1e-9 && p.x <= r.maxX + 1e-9 && p.y >= r.y - 1e-9 && p.y <= r.maxY + 1e-9)
                }
            } else {
                #expect(lines.isEmpty, "\(run.id) is not a cut")
            }
        }
        #expect(!hatches(of: "chart:legend:cut:swatch").isEmpty, "the legend's cut swatch is hatched too")
        #expect(hatches(of: "chart:legend:open:swatch").isEmpty)
    }

    /// A campaign without a supply route gets no road key and no word of a road.
    @Test func aCampaignWithoutASupplyRouteHasNoRoadKey() throws {
        let campaign = try CampaignLoader.builtin("kharkiv-2022")
        let chart = ChartComposer(campaign: campaign, from: campaign.info.start, to: campaign.info.end)
        let scene = chart.scene()
        #expect(!scene.items.contains { $0.id.hasPrefix("chart:legend:cut") || $0.id.hasPrefix("chart:route:") })
        #expect(!scene.title.contains("road") && !chart.description().contains("road"), "\(chart.description())")
        #expect(self.scene.items.contains { $0.id == "chart:legend:cut:swatch" }, "Khanasir keeps its road key")
    }
}
