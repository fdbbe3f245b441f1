import Foundation
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapLoader

/// Bad campaign data is rejected with the file, the line and a fix.
@Suite struct LoaderErrorTests {
    /// The findings of loading testland with one file edited; fails the test when the load succeeds.
    func findings(_ file: String, _ edit: @escaping (String) -> String) throws -> [Finding] {
        let folder = try testlandCopy(editing: file, edit)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try CampaignLoader.load(folder: folder)
        } catch .invalid(let findings) {
            return findings.filter { $0.severity == .error }
        } catch {
            Issue.record("expected invalid data, got \(error)")
            return []
        }
        Issue.record("the edited campaign loaded without errors")
        return []
    }

    @Test func testlandLoadsClean() throws {
        let c = try CampaignLoader.load(folder: testlandPath)
        #expect(c.warnings.isEmpty, "\(c.warnings)")
        #expect(c.gazetteer.places.count == 4)
        #expect(c.timeline.events.count == 9)
    }

    /// A campaign file may be a symbolic link to a file elsewhere (a shared events file): it is read like the file.
    @Test func symbolicLinksToFilesAreRead() throws {
        let folder = try testlandCopy(editing: "events.yaml") { $0 }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let elsewhere = folder + "-events.yaml"
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try FileManager.default.moveItem(atPath: folder + "/events.yaml", toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: folder + "/events.yaml", withDestinationPath: elsewhere)
        let c = try CampaignLoader.load(folder: folder)
        #expect(c.timeline.events.count == 9)
    }

    /// Found by the fuzzer (Scripts/fuzz, seed 1): a count too big for an integer trapped the conversion.
    @Test(arguments: ["1e300", "1001", "2.5", "0", "-3", "nan"])
    func unnamedCountsMustBeSmallWholeNumbers(_ value: String) throws {
        let f = try findings("events.yaml") {
            $0.replacingOccurrences(of: "    unnamed: 3", with: "    unnamed: \(value)")
        }
        let first = try #require(f.first)
        #expect(f.allSatisfy { $0.message.contains("'unnamed'") }, "only the count's own errors, no cascade: \(f)")
        #expect(first.line == 48)
        #expect(first.message.contains("'unnamed'") && first.message.contains("must be"), "\(first)")
    }

    /// Found in review: nested aliases ("billion laughs") expanded into gigabytes before any error. An alias is
    /// refused where it stands, before anything expands it.
    @Test func yamlAliasesAreRefusedBeforeTheyExpand() throws {
        var bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            bomb +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let f = try findings("events.yaml") { bomb + $0 }
        let first = try #require(f.first)
        #expect(first.line == 2 && first.column == 10, "\(first)")
        #expect(first.message.contains("YAML aliases (*name) are not supported"))
    }

    /// Found in review: one refused entry used to bring a wall of "unknown faction/place" errors after it.
    @Test func aRefusedEntryDoesNotCascade() throws {
        let colour = try findings("campaign.yaml") {
            $0.replacingOccurrences(of: "color: \"#e3242b\"", with: "color: \"#zzzzzz\"")
        }
        #expect(colour.count == 1, "\(colour)")
        #expect(colour.first?.message.contains("faction 'government' has colour '#zzzzzz'") == true)
        let position = try findings("gazetteer.geojson") {
            $0.replacingOccurrences(of: "[10.8, 50.2]},", with: "[1e309, 50.2]},")
        }
        #expect(position.count == 1, "\(position)")
        #expect(
            position.first?.message
                == "the longitude of feature 'delta' must be a number, found 1e309, which is too large (not a finite number)"
        )
    }

    @Test func malformedJSONNamesLineAndColumn() throws {
        let f = try findings("gazetteer.geojson") {
            $0.replacingOccurrences(
                of: "\"kind\": \"village\", \"source\": \"script\", \"confidence\": \"approximate\"}}",
                with: "\"kind\": \"village\" \"source\": \"script\"}}")
        }
        let first = try #require(f.first)
        #expect(first.file.hasSuffix("gazetteer.geojson"))
        #expect(first.line == 5)
        #expect(first.column != nil)
        #expect(first.message.contains("expected ',' or '}'"))
    }

    @Test func malformedYAMLNamesTheLine() throws {
        let f = try findings("events.yaml") {
            $0.replacingOccurrences(
                of: "    controller: isil\n    by: [isil, jund-al-aqsa]",
                with: "    controller: isil\n    by: [isil, jund-al-aqsa")
        }
        #expect(f.first?.file.hasSuffix("events.yaml") == true)
        #expect(f.first?.line != nil)
        #expect(f.first?.message.contains("YAML") == true)
    }

    @Test func unknownPlaceSuggestsTheClosestId() throws {
        let f = try findings("events.yaml") {
            $0.replacingOccurrences(
                of: "places: [bravo]\n    controller: isil", with: "places: [bravoo]\n    controller: isil")
        }
        #expect(f.map(\.message) == ["unknown place 'bravoo'; did you mean 'bravo'?"])
        #expect(f.first?.line == 15)
    }

    @Test func unknownFactionSuggestsTheClosestId() throws {
        let f = try findings("events.yaml") {
            $0.replacingOccurrences(
                of: "controller: isil\n    by: [isil, jund-al-aqsa]",
                with: "controller: isis\n    by: [isil, jund-al-aqsa]")
        }
        #expect(f.map(\.message) == ["unknown faction 'isis'; did you mean 'isil'?"])
    }

    @Test(arguments: ["2020-02-30", "2020-13-01", "20-01-02"])
    func impossibleDatesAreRejected(_ date: String) throws {
        let f = try findings("events.yaml") { $0.replacingOccurrences(of: "date: 2020-01-02", with: "date: \(date)") }
        #expect(f.count == 1)
        #expect(f.first?.message.contains("not a real date") == true)
    }

    @Test func datesOutsideTheCampaignSayTheRange() throws {
        let f = try findings("events.yaml") {
            $0.replacingOccurrences(of: "date: 2020-01-02", with: "date: 2021-01-02")
        }
        #expect(f.first?.message.contains("outside the campaign (2020-01-01 to 2020-01-10)") == true)
    }

    @Test func duplicateIdsAreRejected() throws {
        let f = try findings("gazetteer.geojson") {
            $0.replacingOccurrences(of: "\"id\": \"delta\"", with: "\"id\": \"bravo\"")
        }
        #expect(f.contains { $0.message.contains("duplicate feature id 'bravo'") })
    }

    @Test func coordinatesOutsideTheAreaAreRejected() throws {
        let f = try findings("gazetteer.geojson") {
            $0.replacingOccurrences(of: "[10.8, 50.2]},", with: "[50.2, 10.8]},")
        }
        #expect(f.contains { $0.message.contains("outside the campaign's area") && $0.message.contains("swapped") })
    }

    @Test func coordinatesOffTheGlobeAreRejected() throws {
        let f = try findings("gazetteer.geojson") {
            $0.replacingOccurrences(of: "[10.8, 50.2]},", with: "[10.8, 95.0]},")
        }
        #expect(f.contains { $0.message.contains("not on Earth") })
    }

    @Test func roadThroughAnUnknownPlaceIsRejected() throws {
        let f = try findings("gazetteer.geojson") {
            $0.replacingOccurrences(
                of: "\"via\": [\"alpha\", \"bravo\", \"delta\"]", with: "\"via\": [\"alpha\", \"echo\", \"delta\"]")
        }
        #expect(f.contains { $0.message.contains("unknown place in the 'via' of road 'main-road' 'echo'") })
    }

    @Test func missingFieldsSayWhatToAdd() throws {
        let f = try findings("events.yaml") {
            $0.replacingOccurrences(of: "    quote: \"Black takes Bravo.\"\n", with: "")
        }
        #expect(f.map(\.message) == ["event 1 has no 'quote'; add the source's sentence this rests on, verbatim"])
    }

    @Test func wrongTypesAreNamed() throws {
        let f = try findings("gazetteer.geojson") {
            $0.replacingOccurrences(of: "[10.8, 50.2]},", with: "[\"ten\", 50.2]},")
        }
        #expect(f.contains { $0.message.contains("longitude") && $0.message.contains("must be a number") })
    }

    @Test func controlWithoutPlacesNeedsACount() throws {
        let f = try findings("events.yaml") { $0.replacingOccurrences(of: "    unnamed: 3\n", with: "") }
        #expect(f.first?.message.contains("unnamed: N") == true)
    }

    @Test func emptyFileIsRejected() throws {
        let f = try findings("events.yaml") { _ in "\n" }
        #expect(f.first?.message.contains("empty") == true)
    }

    @Test func missingFolderAndFile() throws {
        #expect(throws: CampaignError.self) { try CampaignLoader.load(folder: "/nonexistent/kmap") }
        let folder = try testlandCopy(editing: "events.yaml") { $0 }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder + "/events.yaml")
        do {
            _ = try CampaignLoader.load(folder: folder)
            Issue.record("loaded without events.yaml")
        } catch {
            guard case .missing(let path, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(path.hasSuffix("events.yaml"))
        }
    }

    @Test func nonUTF8IsRejectedByName() throws {
        let folder = try testlandCopy(editing: "events.yaml") { $0 }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: folder + "/campaign.yaml"))
        do {
            _ = try CampaignLoader.load(folder: folder)
            Issue.record("loaded a non-UTF-8 file")
        } catch {
            #expect(error.description.contains("campaign.yaml"))
            #expect(error.description.contains("UTF-8"))
        }
    }

    @Test func mojibakeIsFlagged() {
        #expect(looksLikeMojibake("Tal Zaâ€™rour"))
        #expect(looksLikeMojibake("JabbÅ«l"))
        #expect(!looksLikeMojibake("Tal Za’rour"))
        #expect(!looksLikeMojibake("Jabbūl, Ateş, Khanāṣir"))
    }
}
