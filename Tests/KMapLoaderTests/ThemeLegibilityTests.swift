import KMapCompose
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapLoader

/// Every built-in theme reads for every reader (issue 15): the legend's colours, the route's states and the zone
/// tints stay apart under normal vision, deuteranopia and protanopia (Machado 2009, CIEDE2000).
@Suite struct ThemeLegibilityTests {
    /// Each built-in theme as drawn by default (the campaign's faction colours) and with `--recolor`.
    static let cases: [(theme: String, recolor: Bool)] = BuiltinThemes.names.flatMap { [($0, false), ($0, true)] }

    func theme(_ name: String, recolor: Bool) throws -> Theme {
        var theme = try ThemeLoader.resolve(name)
        theme.recolor = recolor
        return theme
    }

    func describe(_ pairs: [(a: String, b: String, vision: ColorVision, deltaE: Double)]) -> String {
        pairs.map { "\($0.a)/\($0.b) ΔE \(String(format: "%.1f", $0.deltaE)) (\($0.vision.rawValue))" }
            .joined(separator: "; ")
    }

    /// Every built-in campaign, in each theme as its frames draw it (the highlight fitted to its colours).
    @Test(arguments: cases) func theLegendsColoursReadApart(_ c: (theme: String, recolor: Bool)) throws {
        for name in CampaignLoader.builtinNames {
            let campaign = try CampaignLoader.builtin(name)
            let colors = try theme(c.theme, recolor: c.recolor).fittingChanges(to: campaign).legendColors(in: campaign)
            #expect(colors.count == campaign.factions.count + 4)
            let close = ColorVision.confusions(colors, below: ColorVision.legendMinimum)
            #expect(close.isEmpty, "\(name), \(c.theme)\(c.recolor ? " --recolor" : ""): \(describe(close))")
        }
    }

    @Test(arguments: BuiltinThemes.names) func theRoutesStatesReadApart(_ name: String) throws {
        let close = ColorVision.confusions(
            try theme(name, recolor: false).routeColors, below: ColorVision.legendMinimum)
        #expect(close.isEmpty, "\(name): \(describe(close))")
    }

    @Test(arguments: cases) func zoneTintsHoldOnThePaper(_ c: (theme: String, recolor: Bool)) throws {
        let theme = try theme(c.theme, recolor: c.recolor)
        for campaign in try CampaignLoader.builtinNames.map({ try CampaignLoader.builtin($0) }) {
            for faction in campaign.factions {
                let tint = theme.zoneTint(theme.color(ofFaction: faction.id, in: campaign))
                let laid = Color(
                    r: tint.a * tint.r + (1 - tint.a) * theme.background.r,
                    g: tint.a * tint.g + (1 - tint.a) * theme.background.g,
                    b: tint.a * tint.b + (1 - tint.a) * theme.background.b)
                for vision in ColorVision.allCases {
                    let d = vision.difference(laid, theme.background)
                    #expect(
                        d >= ColorVision.tintMinimum,
                        "\(campaign.info.id), \(c.theme): \(faction.id)'s zone ΔE \(d) (\(vision))")
                }
                // Still a tint: markers and labels on it must read.
                #expect(tint.a <= 0.6)
            }
        }
    }

    @Test(arguments: cases) func theBuiltinCampaignKeepsEachThemesHighlight(_ c: (theme: String, recolor: Bool)) throws
    {
        let theme = try theme(c.theme, recolor: c.recolor)
        #expect(theme.fittingChanges(to: try CampaignLoader.builtin()) == theme)
    }

    @Test func aHighlightInASidesColourMovesOff() throws {
        // Kharkiv's case: the campaign's government is blue; wikipedia's violet looks like it to a deuteranope.
        let folder = try testlandCopy(editing: "campaign.yaml") {
            $0.replacingOccurrences(of: "color: \"#e3242b\"", with: "color: \"#1f5fbf\"")
        }
        let campaign = try CampaignLoader.load(folder: folder)
        let theme = Theme.standard
        let others = theme.legendColors(in: campaign).filter { $0.id != "changed" }
        #expect(others.contains { ColorVision.leastDifference($0.color, theme.changed) < ColorVision.legendMinimum })
        let fitted = theme.fittingChanges(to: campaign)
        #expect(fitted.changed != theme.changed)
        for other in others {
            #expect(
                ColorVision.leastDifference(other.color, fitted.changed) >= ColorVision.legendMinimum,
                "\(fitted.changed.hex) against \(other.id)")
        }
        var rest = fitted
        rest.changed = theme.changed
        #expect(rest == theme, "only the highlight moves")
    }

    @Test func aTintIsAsPaleAsItCanBe() {
        // Black on beige is seen at the palest opacity; mid grey needs more.
        let theme = Theme.standard
        #expect(theme.zoneTint(Color(hex: "#1a1a1a")!).a == 0.28)
        let grey = theme.zoneTint(Color(hex: "#8c8c8c")!).a
        #expect(grey > 0.28 && grey <= 0.6)
    }
}
