import Foundation
import KMapLoader
import KMapTestSupport
import Testing

/// `kmap campaigns` and `--campaign ID` as a user runs them (a child process: output and exit codes).
@Suite struct CampaignsCommandTests {
    func kmap(_ arguments: [String], script: String? = nil) throws -> ProcessRunner.Output {
        try ProcessRunner.run(try ProcessRunner.kmap(), arguments, script: script)
    }

    @Test func listsTheBuiltIns() throws {
        let out = try kmap(["campaigns"])
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("id ") && lines[0].contains("title") && lines[0].hasSuffix("folder"))
        #expect(lines[1].hasPrefix("khanasir-2016 (default)"))
        #expect(lines[1].contains("2016 Khanasir offensive") && lines[1].contains("2016-02-21  2017-02-28"))
        #expect(lines[2].hasPrefix("kharkiv-2022 "))
        #expect(lines[2].contains("2022 Kharkiv counteroffensive") && lines[2].contains("2022-09-06  2022-10-07"))
        #expect(lines[2].hasSuffix("Geo/kharkiv-2022"))
    }

    @Test func listsThemAsJSON() throws {
        let out = try kmap(["campaigns", "--format", "json"])
        #expect(out.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["khanasir-2016", "kharkiv-2022"])
        #expect(rows[1]["start"] as? String == "2022-09-06")
        #expect(rows[0]["default"] as? Bool == true)
    }

    @Test func aBuiltInIsPickedById() throws {
        let out = try kmap(["check", "--campaign", "kharkiv-2022"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("clean: 23 places"))
        let state = try kmap(["state", "--campaign", "kharkiv-2022", "--day", "2022-09-10"])
        let izium = state.stdout.split(separator: "\n").first { $0.hasPrefix("Izium ") }
        #expect(izium?.contains("ukraine") == true, "\(state.stdout)")
    }

    @Test func anUnknownIdListsTheBuiltIns() throws {
        let out = try kmap(["state", "--campaign", "kharkov-2022", "--day", "2022-09-10"])
        #expect(out.status == 64)
        #expect(out.stderr.contains("no built-in campaign of that id;"))
        #expect(out.stderr.contains("or give a folder path; did you mean 'kharkiv-2022'?\n"))
        #expect(out.stderr.contains("built-in campaigns: khanasir-2016, kharkiv-2022"))
    }

    /// A folder named like a built-in, in the current directory, wins, and kmap says which it read.
    @Test func aFolderOfTheSameNameWinsAndSaysSo() throws {
        let dir = try scratchFolder("shadow")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: testlandPath, toPath: dir + "/kharkiv-2022")
        let cd = "cd '\(dir)' && exec \"$0\" \"$@\""
        let bare = try kmap(["check", "--campaign", "kharkiv-2022"], script: cd)
        // Testland's one deliberate warning names its road: the folder was read, not the built-in.
        #expect(bare.stdout.contains("main-road"), "testland, not the built-in: \(bare.stdout)")
        #expect(bare.stderr.contains("reading the folder 'kharkiv-2022', not the built-in campaign 'kharkiv-2022'"))
        let explicit = try kmap(["check", "--campaign", "./kharkiv-2022"], script: cd)
        #expect(explicit.stdout.contains("main-road"))
        #expect(!explicit.stderr.contains("note:"))
    }

    @Test func labelsInALanguageTheCampaignLacksAreRefused() throws {
        let out = try kmap([
            "render", "--campaign", "kharkiv-2022", "--day", "2022-09-10", "--labels", "ar", "-o",
            NSTemporaryDirectory() + "kmap-never-written-\(UUID().uuidString).png",
        ])
        #expect(out.status == 64)
        #expect(
            out.stderr.contains(
                "no place of 2022 Kharkiv counteroffensive has a name in 'ar'; use one of en, ru, uk, both"))
    }

    @Test func rendersKharkivInUkrainian() throws {
        let dir = try scratchFolder("kharkiv-svg")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = try kmap([
            "render", "--campaign", "kharkiv-2022", "--day", "2022-09-10", "--labels", "uk", "--size", "800x600",
            "-o", dir + "/k.svg",
        ])
        #expect(out.status == 0, "\(out.stderr)")
        let svg = try String(contentsOfFile: dir + "/k.svg", encoding: .utf8)
        #expect(svg.contains("Ізюм") && svg.contains("Балаклія"))
    }
}
