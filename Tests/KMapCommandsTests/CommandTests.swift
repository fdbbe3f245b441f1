import ArgumentParser
import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCommands

/// Commands run in-process, as `kmap` would run them.
@Suite struct CommandTests {
    let dir: String

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kmap-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    func run(_ arguments: [String]) -> Int32 { runKMap(arguments) }

    func files() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] }

    @Test(arguments: ["png", "svg", "pdf"])
    func renderWritesTheFormatOfTheExtension(_ ext: String) throws {
        let path = "\(dir)/day.\(ext)"
        #expect(run(["render", "--day", "2016-02-23", "-o", path]) == 0)
        let data = try #require(FileManager.default.contents(atPath: path))
        #expect(data.count > 1000)
        #expect(files() == ["day.\(ext)"], "no temporary file left behind")
    }

    /// SVG keeps each place's hover text (its state and source); PNG scenes are composed without it.
    @Test func svgFramesCarryHoverTextAndPNGScenesDoNot() throws {
        #expect(run(["render", "--day", "2016-02-23", "-o", "\(dir)/day.svg"]) == 0)
        #expect(
            run([
                "frames", "--from", "2016-02-23", "--to", "2016-02-23", "--format", "svg", "--quiet", "--out",
                "\(dir)/f",
            ]) == 0)
        for path in ["\(dir)/day.svg", "\(dir)/f/0001_2016-02-23.svg"] {
            let svg = try String(contentsOfFile: path, encoding: .utf8)
            #expect(svg.contains("<title>Khanasir"), "\(path) has no hover text for Khanasir")
        }
        let campaign = try CampaignLoader.builtin()
        var style = try StyleOptions.parse([])
        style.size = "800x600"
        let state = try campaign.state(on: #require(Day("2016-02-23")))
        let png = try style.composer(for: campaign, hoverText: false).scene(for: state)
        #expect(png.items.allSatisfy { $0.title == nil })
        let svg = try style.composer(for: campaign, hoverText: true).scene(for: state)
        #expect(svg.items.contains { $0.id == "place:khanasir" && $0.title?.hasPrefix("Khanasir") == true })
    }

    static let badArguments: [([String], Int32)] = [
        (["render", "--day", "2016-02-30"], 64),
        (["render", "--day", "2016-13-01"], 64),
        (["render", "--day", "23-02-2016"], 64),
        (["render", "--day", "2015-12-31"], 64),
        (["render", "--day", "2017-03-01"], 64),
        (["render", "--day", "2016-02-23", "--time", "25:00"], 64),
        (["render", "--day", "2016-02-23", "--size", "0x0"], 64),
        (["render", "--day", "2016-02-23", "--size", "-5x100"], 64),
        (["render", "--day", "2016-02-23", "--size", "100000x100000"], 64),
        (["render", "--day", "2016-02-23", "--size", "big"], 64),
        (["render", "--day", "2016-02-23", "--format", "gif"], 64),
        (["render", "--day", "2016-02-23", "--campaign", "/nonexistent/campaign"], 66),
        (["render"], 64),
        (["state", "--day", "2016-02-30"], 64),
        (["state", "--day", "2016-02-23", "--format", "xml"], 64),
    ]

    @Test(arguments: badArguments)
    func badArgumentsFailWithTheirCodeAndWriteNothing(_ arguments: [String], _ code: Int32) {
        // Renders get an explicit output in the test's folder, so a wrongly successful run cannot write elsewhere.
        let output = arguments[0] == "render" ? ["-o", "\(dir)/x.png"] : []
        #expect(run(arguments + output) == code)
        #expect(files().isEmpty)
    }

    @Test func outputPathConflictsAreUsageErrors() {
        #expect(run(["render", "--day", "2016-02-23", "-o", "\(dir)/x.svg", "--format", "png"]) == 64)
        #expect(run(["render", "--day", "2016-02-23", "-o", "\(dir)/x.txt"]) == 64)
        #expect(files().isEmpty)
    }

    @Test func unwritableOutputsCannotBeCreated() throws {
        #expect(run(["render", "--day", "2016-02-23", "-o", dir]) == 73)
        #expect(run(["render", "--day", "2016-02-23", "-o", "\(dir)/missing/x.png"]) == 73)
        #expect(files().isEmpty)
    }

    @Test func malformedCampaignDataIsADataError() throws {
        let broken = "\(dir)/broken"
        try FileManager.default.copyItem(atPath: testlandPath, toPath: broken)
        try "{ not json".write(toFile: "\(broken)/gazetteer.geojson", atomically: true, encoding: .utf8)
        #expect(run(["render", "--day", "2020-01-02", "--campaign", broken, "-o", "\(dir)/x.png"]) == 65)
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/x.png"))
    }

    @Test func anotherCampaignFolderRenders() {
        #expect(run(["render", "--day", "2020-01-03", "--campaign", testlandPath, "-o", "\(dir)/t.png"]) == 0)
        #expect(files() == ["t.png"])
    }

    @Test func defaultPathIsNamedAfterCampaignAndDay() throws {
        var render = try #require(try KMap.parseAsRoot(["render", "--day", "2016-02-23"]) as? Render)
        render.output = nil
        let campaign = try CampaignLoader.builtin()
        #expect(
            render.defaultPath(campaign: campaign, format: .png, instant: "2016-02-23")
                == "Renders/khanasir-2016-02-23.png")
        #expect(
            render.defaultPath(campaign: campaign, format: .svg, instant: "2016-02-23 09:00")
                == "Renders/khanasir-2016-02-23T0900.svg")
    }

    @Test func stateJSONKeepsItsPromise() throws {
        let campaign = try CampaignLoader.builtin()
        let state = try campaign.state(on: try #require(Day("2016-02-23")))
        let json = try State.json(StateDocument(campaign: campaign, state: state))
        #expect(json == (try State.json(StateDocument(campaign: campaign, state: state))), "stable from call to call")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["campaign"] as? String == "2016 Khanasir offensive")
        #expect(object["day"] as? String == "2016-02-23")
        #expect(object["asOf"] as? String == "end of day")
        let factions = try #require(object["factions"] as? [[String: Any]])
        #expect(
            Set(factions.compactMap { $0["id"] as? String }).isSuperset(of: ["government", "isil", "jund-al-aqsa"]))
        let places = try #require(object["places"] as? [[String: Any]])
        let khanasir = try #require(places.first { $0["id"] as? String == "khanasir" })
        for key in [
            "id", "name", "kind", "lat", "lon", "controller", "status", "contestedBy", "since", "confidence", "source",
        ] {
            #expect(khanasir[key] != nil, "place lacks \(key)")
        }
        #expect(khanasir["controller"] as? String == "isil")
        #expect(khanasir["since"] as? String == "2016-02-23")
        let roads = try #require(object["roads"] as? [[String: Any]])
        let road = try #require(roads.first { $0["id"] as? String == "khanasir-aleppo-road" })
        #expect(road["status"] as? String == "cut")
        #expect((road["cutAt"] as? [String])?.contains("khanasir") == true)
    }

    @Test func stateTextIsATable() throws {
        let campaign = try CampaignLoader.builtin()
        let state = try campaign.state(on: try #require(Day("2016-02-25")))
        let text = State.table(StateDocument(campaign: campaign, state: state))
        #expect(text.contains("PLACE"))
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("Khanasir ") && $0.contains("government") })
    }

    @Test func helpNamesEverySubcommand() {
        let help = KMap.helpMessage()
        for word in ["render", "state"] { #expect(help.contains(word)) }
        let renderHelp = KMap.helpMessage(for: Render.self)
        for word in ["--day", "--output", "--format", "--size", "--campaign", "--time"] {
            #expect(renderHelp.contains(word), "\(word)")
        }
    }
}
