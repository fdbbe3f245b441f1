import ArgumentParser
import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCommands

/// `kmap init` (issue 16): a new folder that `kmap check` passes, refusing to overwrite anything.
@Suite struct InitTests {
    let factions = ["--faction", "government:Syrian government:#e3242b", "--faction", "isil:ISIL:#1a1a1a"]

    @Test func aNewFolderPassesCheckAndRenders() throws {
        let root = try scratchFolder("init")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dir = root + "/Palmyra 2016"
        #expect(
            runKMap(
                [
                    "init", dir, "--title", "Palmyra offensive (March 2016)", "--start", "2016-03-07", "--end",
                    "2016-03-27", "--country", "sy",
                ] + factions) == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(
            names == [
                "README.md", "SOURCES.md", "campaign.yaml", "events.yaml", "gazetteer.geojson", "locator.geojson",
            ])
        let campaign = try CampaignLoader.load(folder: dir)
        #expect(CampaignChecker.check(campaign).isEmpty, "\(CampaignChecker.check(campaign))")
        #expect(campaign.info.id == "palmyra-2016" && campaign.info.title == "Palmyra offensive (March 2016)")
        #expect(campaign.factions.map(\.color) == ["#e3242b", "#1a1a1a"])
        #expect(campaign.locator?.countries.contains { $0.isFocus && $0.name == "Syria" } == true, "Syria's inset")
        #expect(campaign.info.area.contains(Coordinate(lon: 38.28, lat: 34.56)), "Palmyra lies in the area")
        #expect(runKMap(["check", "--campaign", dir]) == 0)
        #expect(runKMap(["render", "--campaign", dir, "--day", "2016-03-07", "-o", root + "/day.png"]) == 0)
        // The files teach: every optional key is shown commented out.
        let yaml = try String(contentsOfFile: dir + "/campaign.yaml", encoding: .utf8)
        for key in ["# view:", "# supplyRoute:", "# short:", "# terrain:", "docs/DATA.md"] {
            #expect(yaml.contains(key), "\(key)")
        }
        let events = try String(contentsOfFile: dir + "/events.yaml", encoding: .utf8)
        for key in ["#  - date: 2016-03-07", "confidence: stated", "# except:"] {
            #expect(events.contains(key), "\(key)")
        }
    }

    @Test func anAreaWithoutACountryAndPaletteColours() throws {
        let root = try scratchFolder("init")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dir = root + "/kharkiv"
        #expect(
            runKMap([
                "init", dir, "--start", "2022-09-06", "--end", "2022-10-05", "--area", "35.5,48.8,38.5,50.5",
                "--faction", "ukraine:Ukraine", "--faction", "russia:Russia",
            ]) == 0)
        let campaign = try CampaignLoader.load(folder: dir)
        #expect(CampaignChecker.check(campaign).isEmpty)
        #expect(campaign.factions.map(\.color) == ["#0072b2", "#d55e00"], "colour-blind-safe defaults")
        #expect(campaign.locator == nil)
    }

    @Test func anExistingFolderWithFilesIsRefusedAndKept() throws {
        let root = try scratchFolder("init")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "mine".write(toFile: root + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(
            runKMap(["init", root, "--start", "2022-09-06", "--end", "2022-10-05", "--area", "35,48,38,50"] + factions)
                == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["notes.txt"])
        // An empty folder is fine.
        let empty = root + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        #expect(
            runKMap(
                ["init", empty, "--start", "2022-09-06", "--end", "2022-10-05", "--area", "35,48,38,50"] + factions)
                == 0)
        #expect(FileManager.default.fileExists(atPath: empty + "/campaign.yaml"))
    }

    @Test(arguments: [
        (["--start", "2022-09-31", "--end", "2022-10-05"], "is not a real date"),
        (["--start", "2022-10-06", "--end", "2022-10-05"], "is after --end"),
        (["--start", "2022-09-06", "--end", "2022-10-05", "--faction", "Ukraine"], "needs an id and a name"),
        (["--start", "2022-09-06", "--end", "2022-10-05", "--faction", "Ukraine:Ukraine"], "may hold only a-z"),
        (["--start", "2022-09-06", "--end", "2022-10-05", "--faction", "ua:Ukraine:#12345"], "must be #rrggbb"),
        (
            ["--start", "2022-09-06", "--end", "2022-10-05", "--faction", "ua:Ukraine", "--country", "Ukraine"],
            "not an ISO 3166 alpha-2 code"
        ),
        (
            ["--start", "2022-09-06", "--end", "2022-10-05", "--faction", "fr:France", "--country", "FR"],
            "kmap knows no outline or places of FR"
        ),
        (
            ["--start", "2022-09-06", "--end", "2022-10-05", "--faction", "ua:Ukraine", "--area", "38,48,35,50"],
            "min below max"
        ),
        (["--start", "2022-09-06", "--end", "2022-10-05"], "give at least one --faction"),
    ])
    func badArgumentsAreUsageErrors(_ arguments: [String], _ fragment: String) throws {
        let root = try scratchFolder("init")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var command = try #require(try KMap.parseAsRoot(["init", root + "/x"] + arguments) as? Init)
        #expect(throws: ExitCode(64)) { try command.run() }
        #expect(throws: CLIError.self) { try command.makeTemplate() }
        do { _ = try command.makeTemplate() } catch let e as CLIError {
            #expect(e.message.contains(fragment), "\(e.message)")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/x"), "nothing written")
    }

    @Test func aCountryOfTheGeoNamesExtractGivesTheArea() throws {
        let root = try scratchFolder("init")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(
            runKMap([
                "init", root + "/kharkiv", "--start", "2022-09-06", "--end", "2022-10-05", "--country", "UA",
                "--faction", "ukraine:Ukraine",
            ]) == 0)
        let campaign = try CampaignLoader.load(folder: root + "/kharkiv")
        #expect(campaign.info.area.contains(Coordinate(lon: 36.23, lat: 49.99)), "Kharkiv")
        #expect(!campaign.info.area.contains(Coordinate(lon: 38.28, lat: 34.56)), "not Palmyra")
        #expect(CampaignChecker.check(campaign).isEmpty)
    }

    @Test func helpInitDescribesInit() {
        let help = KMap.helpMessage(for: Init.self)
        #expect(help.contains("--faction") && help.contains("kmap init palmyra"))
    }
}
