import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// Symbology, themes, label languages, the legend and the changes panel, probed in scenes and pixels.
@Suite struct CartographyTests {
    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.builtin() }

    func day(_ s: String) throws -> Day { try #require(Day(s)) }

    func frame(_ d: String, composer: SceneComposer? = nil) throws -> (Scene, SceneComposer) {
        let c = composer ?? SceneComposer(campaign: campaign)
        let d = try day(d)
        let scene = c.scene(
            for: try campaign.state(on: d), previous: campaign.timeline.state(at: .endOf(d.adding(days: -1))))
        return (scene, c)
    }

    func pixel(_ scene: Scene, at p: Point) throws -> Color {
        let image = try RasterImage(png: SceneEncoder.encode(scene, as: .png))
        return try #require(image.color(at: p))
    }

    func center(_ id: String, _ composer: SceneComposer) throws -> Point {
        composer.projection.project(try #require(campaign.gazetteer.place(id)).coordinate)
    }

    @Test func builtinThemesParseAndDiffer() throws {
        #expect(ThemeLoader.builtinNames == ["wikipedia", "isw"])
        let wikipedia = try ThemeLoader.resolve("wikipedia")
        let isw = try ThemeLoader.resolve("isw")
        #expect(Theme.standard.factionColors == wikipedia.factionColors)
        #expect(wikipedia.factionColors["government"]?.hex == "#e3242b")
        #expect(wikipedia.factionColors["isil"]?.hex == "#1a1a1a")
        #expect(wikipedia.factionColors["rebels"]?.hex == "#2e9e3e")
        #expect(isw.factionColors["government"] != wikipedia.factionColors["government"])
    }

    @Test func themeFilesAreCheckedLineByLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kmap-theme-\(UUID().uuidString).yaml")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var yaml = try ThemeLoader.builtinYAML("wikipedia")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ThemeLoader.resolve(path).factionColors["isil"]?.hex == "#1a1a1a")
        yaml = yaml.replacingOccurrences(of: "isil: \"#1a1a1a\"", with: "isil: \"black\"").replacingOccurrences(
            of: "font: DejaVu Sans", with: "font: No Such Font"
        )
        .replacingOccurrences(of: "  water: ", with: "  watr: ")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ThemeLoader.resolve(path, fonts: FontCatalog.families)
            Issue.record("a broken theme loaded")
        } catch {
            guard case .invalid(let findings) = error else {
                Issue.record("\(error)")
                return
            }
            let messages = findings.map(\.message)
            #expect(messages.contains { $0.contains("font 'No Such Font' is not installed") })
            #expect(messages.contains { $0.contains("'isil' must be a colour") })
            #expect(messages.contains { $0.contains("unknown colour 'watr'; did you mean 'water'?") })
            #expect(findings.allSatisfy { $0.line != nil && $0.file == path })
        }
        #expect(throws: ThemeError.self) { try ThemeLoader.resolve("solarized") }
    }

    /// Found in review: a faction typo in a theme (`isl:`) rendered silently with the campaign's colour.
    @Test func themeWarningsNameTyposAndSharedColours() throws {
        #expect(SceneComposer(campaign: campaign).themeWarnings.isEmpty, "the built-in theme is clean")
        var typo = try ThemeLoader.resolve("wikipedia")
        typo.factionColors["isl"] = typo.factionColors.removeValue(forKey: "isil")
        #expect(
            SceneComposer(campaign: campaign, theme: typo).themeWarnings == [
                "theme wikipedia: faction 'isl' is not in this campaign; did you mean 'isil'? (its colour is unused)"
            ])
        var same = try ThemeLoader.resolve("wikipedia")
        same.factionColors["jund-al-aqsa"] = same.factionColors["isil"]
        same.recolor = true  // the campaign's own colours differ; only a recolouring theme can merge them
        #expect(
            SceneComposer(campaign: campaign, theme: same).themeWarnings == [
                "theme wikipedia: factions 'isil' and 'jund-al-aqsa' are both drawn in #1a1a1a; a reader cannot tell them apart"
            ])
    }

    /// Issue 16: the campaign's colours win over a theme's; `--recolor` lets the theme's replace them.
    @Test func campaignColoursWinUnlessRecoloured() throws {
        let theme = try ThemeLoader.resolve("isw")
        let plain = SceneComposer(campaign: campaign, theme: theme)
        let (scene, _) = try frame("2016-02-23", composer: plain)
        let got = try pixel(scene, at: try center("khanasir", plain))
        #expect(got.isClose(to: try #require(Color(hex: "#1a1a1a"))), "ISIL in the campaign's black: \(got.hex)")
        #expect(theme.color(ofFaction: "government", in: campaign).hex == "#e3242b")
        var recolored = theme
        recolored.recolor = true
        #expect(recolored.color(ofFaction: "government", in: campaign).hex == "#b3202a")
    }

    @Test func themeColoursReachThePixels() throws {
        var recolored = try ThemeLoader.resolve("isw")
        recolored.recolor = true
        let isw = SceneComposer(campaign: campaign, theme: recolored)
        let (scene, _) = try frame("2016-02-23", composer: isw)
        let got = try pixel(scene, at: try center("khanasir", isw))
        #expect(got.isClose(to: try #require(Color(hex: "#3a3a3a"))), "ISIL in the ISW theme: \(got.hex)")
    }

    @Test(arguments: [(LabelLanguage.english, "Khanasir"), (.arabic, "خناصر"), (.both, "Khanasir\nخناصر")])
    func labelLanguages(_ language: LabelLanguage, _ expected: String) throws {
        let composer = SceneComposer(campaign: campaign, options: FrameOptions(labels: language))
        let (scene, _) = try frame("2016-02-23", composer: composer)
        guard case .text(let t) = try #require(scene.item("label:khanasir")).symbol else {
            Issue.record("no label")
            return
        }
        #expect(t.text == expected)
        // Two-line labels still never overlap.
        let boxes = scene.items(in: .labels).compactMap { item -> Rect? in
            if case .text(let t) = item.symbol { return t.bounds } else { return nil }
        }
        for (i, a) in boxes.enumerated() { for b in boxes[(i + 1)...] { #expect(!a.intersects(b)) } }
    }

    @Test func arabicIsDrawnAsShapedGlyphs() throws {
        // Shaped Arabic ink differs from the same letters unshaped; at least it is drawn (non-background pixels).
        let composer = SceneComposer(campaign: campaign, options: FrameOptions(labels: .arabic))
        let (scene, _) = try frame("2016-02-23", composer: composer)
        guard case .text(let t) = try #require(scene.item("label:khanasir")).symbol else { return }
        let image = try RasterImage(png: SceneEncoder.encode(scene, as: .png))
        var ink = 0
        for y in Int(t.bounds.y)..<Int(t.bounds.maxY) {
            for x in Int(t.bounds.x)..<Int(t.bounds.maxX) where (image.color(x: x, y: y)?.luminance ?? 1) < 0.3 {
                ink += 1
            }
        }
        #expect(ink > 30, "the Arabic label has \(ink) dark pixels")
        #expect(t.bounds.width > 20)
    }

    @Test func inferredStatesAreHollowAndStatedOnesSolid() throws {
        let (scene, composer) = try frame("2016-02-22")
        // Tal Za'rour's loss on 22 Feb is inferred from its recapture on 24 Feb: hollow, a paper centre.
        let state = try campaign.state(on: try day("2016-02-22"))
        #expect(state["tal-zarour"]?.basis.confidence == .inferred)
        #expect(state["rasm-al-nafal"]?.basis.confidence == .stated)
        let hollow = try pixel(scene, at: try center("tal-zarour", composer))
        #expect(hollow.isClose(to: Theme.standard.halo, tolerance: 0.1), "hollow centre: \(hollow.hex)")
        let solid = try pixel(scene, at: try center("rasm-al-nafal", composer))
        #expect(solid.isClose(to: try #require(Theme.standard.factionColors["isil"])), "solid: \(solid.hex)")
    }

    @Test func besiegedPlacesWearTheBesiegersRing() throws {
        let testland = try CampaignLoader.load(folder: testlandPath)
        let composer = SceneComposer(campaign: testland)
        let d = try day("2020-01-06")
        let scene = composer.scene(for: try testland.state(on: d))
        let alpha = composer.projection.project(try #require(testland.gazetteer.place("alpha")).coordinate)
        let r = Symbology.radius(for: .town) + 3.5
        let ring = try pixel(scene, at: Point(x: alpha.x, y: alpha.y - r))
        #expect(ring.isClose(to: try #require(Color(hex: "#1a1a1a")), tolerance: 0.08), "ring: \(ring.hex)")
        guard case .marker(let m) = try #require(scene.item("place:alpha")).symbol else { return }
        #expect(m.ring != nil && m.splitFill == nil)
    }

    @Test func legendListsExactlyWhatTheFrameShows() throws {
        func legendIDs(_ d: String) throws -> Set<String> {
            Set(
                try frame(d).0.items(in: .legend).map(\.id).filter {
                    $0.hasPrefix("legend:") && !$0.hasSuffix(":swatch") && !$0.hasPrefix("legend:heading")
                        && $0 != "legend:panel"
                })
        }
        // Issue 15: the legend keys what the campaign's frames can show in this view, the same on every day.
        let first = try legendIDs("2016-02-21")
        #expect(try legendIDs("2016-02-24") == first)
        #expect(first.contains("legend:contested"), "Khanasir is contested on 24 Feb")
        #expect(!first.contains("legend:besieged"), "no source has a siege")
        // Places no source speaks for yet are unknown; the road is cut on the first day.
        #expect(first.contains("legend:cut") && first.contains("legend:unknown"))
        #expect(first.contains("legend:faction:government") && first.contains("legend:faction:isil"))
        #expect(first.contains("legend:changed") && first.contains("legend:uncertain"))
        #expect(!first.contains("legend:kind:city"), "Aleppo lies outside the frame")
    }

    @Test func changesAreNumberedOnTheMapAndInThePanel() throws {
        let (scene, _) = try frame("2016-02-23")
        var titles: [String: String] = [:]
        for item in scene.items(in: .furniture) {
            let parts = item.id.split(separator: ":")
            guard parts.count == 3, parts[0] == "changes", parts[2] == "title", case .text(let t) = item.symbol else {
                continue
            }
            titles[String(parts[1])] = t.text
        }
        let khanasirEntry = try #require(titles.first { $0.value == "ISIL takes Khanasir" }?.key)
        guard case .text(let number) = try #require(scene.item("change:khanasir:number")).symbol else { return }
        #expect(
            number.text.split(separator: ",").contains(Substring(khanasirEntry)),
            "map badge \(number.text) vs panel entry \(khanasirEntry)")
        guard case .marker(let marker) = try #require(scene.item("place:khanasir")).symbol else { return }
        #expect(marker.highlight != nil)
        guard case .marker(let unchanged) = try #require(scene.item("place:duraham-oil-field")).symbol else { return }
        #expect(unchanged.highlight == nil)
        #expect(!titles.values.contains("Khanasir"), "narrative events are not listed as changes")
    }

    /// Found in review: on 10 March thirteen "1" badges piled up, and later some changed places had no number.
    /// Every changed place in frame carries its badge, and no two badges overlap.
    @Test func everyChangedPlaceHasOneBadgeClearOfTheOthers() throws {
        let (scene, _) = try frame("2016-03-10")
        var boxes: [String: Rect] = [:]
        for item in scene.items(in: .changes) where item.id.hasPrefix("change:") && !item.id.hasSuffix(":number") {
            switch item.symbol {
            case .marker(let m): boxes[String(item.id.dropFirst("change:".count))] = m.bounds
            case .rect(let r, _, _): boxes[String(item.id.dropFirst("change:".count))] = r
            default: continue
            }
        }
        let ringed = scene.items(in: .markers).compactMap { item -> String? in
            guard case .marker(let m) = item.symbol, m.highlight != nil else { return nil }
            return String(item.id.dropFirst("place:".count))
        }
        #expect(ringed.count >= 4)
        #expect(Set(boxes.keys) == Set(ringed), "each ringed place has its badge")
        let list = Array(boxes.values)
        for (i, a) in list.enumerated() {
            for b in list[(i + 1)...] { #expect(!a.insetBy(0.5).intersects(b.insetBy(0.5))) }
        }
    }

    @Test func theInsetShowsTheFramesExtentInsideSyria() throws {
        let (scene, _) = try frame("2016-02-23")
        guard case .rect(let extent, _, _) = try #require(scene.item("inset:extent")).symbol,
            case .rect(let panel, _, _) = try #require(scene.item("inset:border")).symbol
        else { return }
        #expect(panel.contains(extent))
        #expect(extent.width < panel.width / 3)
        #expect(scene.item("north:label") != nil)
    }
}
