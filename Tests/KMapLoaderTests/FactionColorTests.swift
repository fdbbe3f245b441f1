import Foundation
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapLoader

/// Faction colours (issue 16): the campaign's win over a theme's, a theme colours only factions without one
/// (or all with `recolor`), and `kmap check` warns when two sides look alike to some reader.
@Suite struct FactionColorTests {
    /// Testland with its factions' colours replaced; "" removes the colour.
    func testland(_ colors: [String: String]) throws -> Campaign {
        let folder = try testlandCopy(editing: "campaign.yaml") { text in
            var t = text
            for (old, new) in [
                ("#e3242b", colors["government"]), ("#1a1a1a", colors["isil"]), ("#8c8c8c", colors["jund-al-aqsa"]),
            ] {
                guard let new else { continue }
                t = t.replacingOccurrences(
                    of: "    color: \"\(old)\"\n", with: new.isEmpty ? "" : "    color: \"\(new)\"\n")
            }
            return t
        }
        return try CampaignLoader.load(folder: folder)
    }

    @Test func ciede2000MatchesSharmasTable() {
        // Sharma, Wu and Dalal (2005), pairs 1 and 17.
        #expect(abs(ColorVision.deltaE2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) - 2.0425) < 0.0001)
        #expect(abs(ColorVision.deltaE2000((50, 2.5, 0), (73, 25, -18)) - 27.1492) < 0.0001)
    }

    @Test func redAndGreenAreConfusedOnlyByColourBlindReaders() throws {
        let red = try #require(Color(hex: "#e3242b"))
        let green = try #require(Color(hex: "#2e9e3e"))
        #expect(ColorVision.normal.difference(red, green) > 60)
        #expect(ColorVision.deuteranopia.difference(red, green) < ColorVision.confusableBelow)
        let pairs = ColorVision.confusions([
            ("red", red), ("green", green), ("black", try #require(Color(hex: "#1a1a1a"))),
        ])
        #expect(pairs.count == 1)
        #expect(pairs.first?.a == "red" && pairs.first?.b == "green" && pairs.first?.vision == .deuteranopia)
    }

    @Test func khanasirsColoursAreDistinctForEveryReader() throws {
        let khanasir = try CampaignLoader.builtin()
        #expect(CampaignChecker.colorFindings(khanasir).isEmpty)
        // And the campaign's colours are the default theme's: frames keep their colours.
        for f in khanasir.factions { #expect(Theme.standard.factionColors[f.id]?.hex == f.color) }
    }

    @Test func checkWarnsAboutSidesThatLookAlike() throws {
        let campaign = try testland(["isil": "#2e9e3e"])
        let findings = CampaignChecker.check(campaign).filter { $0.message.contains("hard to tell apart") }
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.file.hasSuffix("campaign.yaml") && f.line == 17, "\(f)")
        #expect(f.message.contains("'government' (#e3242b) and 'isil' (#2e9e3e)"))
        #expect(f.message.contains("deuteranopia") || f.message.contains("protanopia"))
        let same = try testland(["isil": "#e3242c"])
        #expect(CampaignChecker.check(same).contains { $0.message.contains("for anyone") })
    }

    @Test func campaignColoursWinOverTheTheme() throws {
        // Kharkiv's case: Ukraine is the campaign's `government`, in blue; a Syrian theme must not make it red.
        let campaign = try testland(["government": "#1f5fbf"])
        let wikipedia = Theme.standard
        #expect(wikipedia.color(ofFaction: "government", in: campaign).hex == "#1f5fbf")
        var recolored = wikipedia
        recolored.recolor = true
        #expect(recolored.color(ofFaction: "government", in: campaign).hex == "#e3242b")
    }

    @Test func aThemeColoursFactionsWithoutOne() throws {
        let campaign = try testland(["isil": "", "jund-al-aqsa": ""])
        #expect(campaign.faction("isil")?.color == nil)
        #expect(Theme.standard.color(ofFaction: "isil", in: campaign).hex == "#1a1a1a", "the theme's colour")
        var bare = Theme.standard
        bare.factionColors = [:]
        #expect(
            bare.color(ofFaction: "isil", in: campaign).hex == Theme.fallbackPalette[1], "the palette, by faction order"
        )
        #expect(StateDocument(campaign: campaign, state: campaign.timeline.initialState).factions[1].color == nil)
    }
}
