import Foundation
import KMapTestSupport
import Testing

/// Issue 8's table: every kind of bad input, run through a real `kmap` process, must fail with a message that
/// names the file and line (or the option) and the fix, with its sysexits code, and must write no output.
///
/// Each case gets a fresh sandbox: a copy of the fictional testland campaign (`campaign/`) and an empty output
/// folder (`out/`). After the run, `out/` must hold exactly what it held before, byte for byte.
@Suite struct BadInputTableTests {
    @Test(arguments: BadInput.table)
    func badInputFailsClearlyAndWritesNothing(_ input: BadInput) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let invocation = try input.setup(sandbox)
        let before = sandbox.snapshot()
        let leftoversBefore = sandbox.leftovers()
        let result = try ProcessRunner.run(
            try ProcessRunner.kmap(), invocation.arguments, environment: invocation.environment,
            stdout: invocation.stdout,
            fileSizeLimitKiB: invocation.fileSizeLimitKiB, cpuLimitSeconds: invocation.cpuLimitSeconds,
            script: invocation.script)
        invocation.release?()
        let output = result.stderr + result.stdout
        if ProcessInfo.processInfo.environment["KMAP_SHOW_MESSAGES"] != nil {
            print("## \(input.name) → \(result.status)\n\(output)")
        }
        #expect(result.status == input.code, "exit \(result.status), wanted \(input.code): \(output)")
        for fragment in input.fragments {
            #expect(output.contains(fragment), "message lacks '\(fragment)': \(output)")
        }
        #expect(!output.contains("Fatal error") && !output.contains("crashed"), "\(output)")
        // Nothing kmap prints may steer a terminal: no escape sequences, bells or other C0 controls.
        #expect(
            !output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" },
            "control characters printed: \(output.debugDescription)")
        let after = sandbox.snapshot()
        let touched = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        let unexpected = touched.filter { path in !input.changes.contains { path.hasPrefix($0) } }
        #expect(unexpected.isEmpty, "files changed that the case may not change: \(unexpected.sorted())")
        #expect(
            Set(sandbox.leftovers()).subtracting(leftoversBefore).isEmpty,
            "temporary files left: \(sandbox.leftovers())")
        try input.verify?(sandbox)
    }

    @Test func theTableHasAtLeastFortyCases() {
        #expect(BadInput.table.count >= 40)
        #expect(Set(BadInput.table.map(\.name)).count == BadInput.table.count, "names are unique")
    }
}

/// One row of the table: how to set it up, the exit code, and fragments the message must contain.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var code: Int32
    var fragments: [String]
    var setup: @Sendable (Sandbox) throws -> Invocation
    /// Paths under the sandbox (prefixes, such as `out/x.png` or `out/`) that the case may create or change:
    /// only for inputs that kmap must handle safely rather than refuse. Everything else must stay as it was.
    var changes: [String] = []
    /// What must hold afterwards, beyond the exit code and message (e.g. a planted link's target unchanged).
    var verify: (@Sendable (Sandbox) throws -> Void)?

    var testDescription: String { name }

    init(
        _ name: String, _ code: Int32, _ fragments: [String], changes: [String] = [],
        verify: (@Sendable (Sandbox) throws -> Void)? = nil,
        _ setup: @escaping @Sendable (Sandbox) throws -> Invocation
    ) {
        self.name = name
        self.code = code
        self.fragments = fragments
        self.changes = changes
        self.verify = verify
        self.setup = setup
    }

    /// A campaign-data case: testland with one file edited, rendered to `out/x.png`.
    static func data(
        _ name: String, _ file: String, _ fragments: [String], code: Int32 = 65,
        _ edit: @escaping @Sendable (String) -> String
    ) -> BadInput {
        BadInput(name, code, fragments) { s in
            let campaign = try s.campaign(editing: file, edit)
            return Invocation(["render", "--campaign", campaign, "--day", "2020-01-03", "-o", s.output])
        }
    }

    /// A `kmap check` case: the campaign loads, the checker finds the problem.
    static func check(
        _ name: String, _ file: String, _ fragments: [String], _ edit: @escaping @Sendable (String) -> String
    ) -> BadInput {
        BadInput(name, 65, fragments) { s in Invocation(["check", "--campaign", try s.campaign(editing: file, edit)]) }
    }

    /// A usage case on the built-in campaign; `OUT` stands for `out/x.png`, `OUT:name` for `out/name`.
    static func usage(_ name: String, _ arguments: [String], _ fragments: [String], code: Int32 = 64) -> BadInput {
        BadInput(name, code, fragments) { s in
            Invocation(
                arguments.map { $0 == "OUT" ? s.output : $0.hasPrefix("OUT:") ? s.out + "/" + $0.dropFirst(4) : $0 })
        }
    }

    static let render = ["render", "--day", "2016-02-23", "-o", "OUT"]

    static let contradiction = """
          - date: 2020-01-09
            time: "10:00"
            places: [delta]
            controller: isil
            quote: "Black takes Delta."
            source: script
            confidence: stated
          - date: 2020-01-09
            time: "10:00"
            places: [delta]
            controller: jund-al-aqsa
            quote: "Grey takes Delta."
            source: script
            confidence: stated

        """

    static let table: [BadInput] = basic + hostile

    static let basic: [BadInput] = [
        // Malformed syntax.
        data("malformed JSON (missing comma)", "gazetteer.geojson", ["gazetteer.geojson:5:", "expected ',' or '}'"]) {
            $0.replacingOccurrences(
                of: "\"kind\": \"village\", \"source\": \"script\", \"confidence\": \"approximate\"}}",
                with: "\"kind\": \"village\" \"source\": \"script\"}}")
        },
        data("malformed JSON (truncated)", "gazetteer.geojson", ["gazetteer.geojson:", "end"]) {
            String($0.prefix(300))
        },
        data("malformed YAML (unclosed list)", "events.yaml", ["events.yaml:", "YAML syntax"]) {
            $0.replacingOccurrences(of: "    by: [isil, jund-al-aqsa]", with: "    by: [isil, jund-al-aqsa")
        },
        data("malformed YAML (bad indentation)", "campaign.yaml", ["campaign.yaml:", "YAML"]) {
            $0.replacingOccurrences(of: "title: Testland exercise", with: "title: Testland exercise\n   - stray: item")
        },
        data(
            "duplicate YAML key", "campaign.yaml",
            ["campaign.yaml:28:1:", "the key 'start' appears twice", "first at line 4", "keep one"]
        ) { $0 + "start: 2020-01-02\n" },
        // Wrong types and missing fields.
        data(
            "wrong type: longitude as text", "gazetteer.geojson",
            ["gazetteer.geojson:8:", "longitude", "must be a number"]
        ) {
            $0.replacingOccurrences(of: "[10.8, 50.2]},", with: "[\"ten\", 50.2]},")
        },
        data("wrong type: places not a list", "events.yaml", ["events.yaml:", "'places'", "must be a list"]) {
            $0.replacingOccurrences(
                of: "places: [bravo]\n    controller: isil", with: "places: {a: bravo}\n    controller: isil")
        },
        data("wrong type: events not a list", "events.yaml", ["events.yaml:", "events"]) {
            String($0[..<$0.range(of: "events:")!.lowerBound]) + "events: none\n"
        },
        data("missing field: quote", "events.yaml", ["events.yaml:14", "has no 'quote'", "add"]) {
            $0.replacingOccurrences(of: "    quote: \"Black takes Bravo.\"\n", with: "")
        },
        data("missing field: start", "campaign.yaml", ["campaign.yaml", "'start'"]) {
            $0.replacingOccurrences(of: "start: 2020-01-01\n", with: "")
        },
        data("missing field: place name", "gazetteer.geojson", ["gazetteer.geojson:", "'name'"]) {
            $0.replacingOccurrences(of: "\"name\": \"Delta\", ", with: "")
        },
        // Names per language (issue 16).
        data(
            "names: not a language code", "gazetteer.geojson",
            ["gazetteer.geojson:", "'Ukrainian' in 'names' is not a language code"]
        ) {
            $0.replacingOccurrences(
                of: "\"name\": \"Delta\", ", with: "\"name\": \"Delta\", \"names\": {\"Ukrainian\": \"Дельта\"}, ")
        },
        data("names: arabic and names.ar disagree", "gazetteer.geojson", ["gazetteer.geojson:", "disagree"]) {
            $0.replacingOccurrences(
                of: "\"name\": \"Delta\", ",
                with: "\"name\": \"Delta\", \"arabic\": \"دلتا\", \"names\": {\"ar\": \"ذلتا\"}, ")
        },
        data("localLanguage: not a language code", "campaign.yaml", ["campaign.yaml:", "'localLanguage' is 'Arabic'"]) {
            $0.replacingOccurrences(of: "start: 2020-01-01\n", with: "start: 2020-01-01\nlocalLanguage: Arabic\n")
        },
        usage(
            "unknown built-in campaign id",
            ["render", "--campaign", "kharkiv-2002", "--day", "2022-09-10", "-o", "OUT"],
            ["did you mean 'kharkiv-2022'?", "built-in campaigns: khanasir-2016, kharkiv-2022"]),
        usage(
            "--labels in a language the campaign lacks",
            ["render", "--campaign", "kharkiv-2022", "--day", "2022-09-10", "--labels", "ar", "-o", "OUT"],
            ["--labels ar: no place of 2022 Kharkiv counteroffensive has a name in 'ar'"]),
        // Unknown ids.
        data("unknown place id", "events.yaml", ["events.yaml:15", "unknown place 'bravoo'; did you mean 'bravo'?"]) {
            $0.replacingOccurrences(
                of: "places: [bravo]\n    controller: isil", with: "places: [bravoo]\n    controller: isil")
        },
        data("unknown faction id", "events.yaml", ["events.yaml:", "unknown faction 'isis'; did you mean 'isil'?"]) {
            $0.replacingOccurrences(
                of: "controller: isil\n    by: [isil, jund-al-aqsa]",
                with: "controller: isis\n    by: [isil, jund-al-aqsa]")
        },
        data("unknown source id", "events.yaml", ["events.yaml:", "unknown source 'scrip'; did you mean 'script'?"]) {
            $0.replacingOccurrences(
                of: "quote: \"Black takes Bravo.\"\n    source: script",
                with: "quote: \"Black takes Bravo.\"\n    source: scrip")
        },
        // Dates.
        data("impossible date 2020-02-30", "events.yaml", ["events.yaml:14", "not a real date"]) {
            $0.replacingOccurrences(of: "date: 2020-01-02", with: "date: 2020-02-30")
        },
        data("impossible date 2020-13-01", "events.yaml", ["events.yaml:14", "not a real date"]) {
            $0.replacingOccurrences(of: "date: 2020-01-02", with: "date: 2020-13-01")
        },
        data(
            "event before the campaign", "events.yaml",
            ["events.yaml:14", "outside the campaign (2020-01-01 to 2020-01-10)"]
        ) {
            $0.replacingOccurrences(of: "date: 2020-01-02", with: "date: 2019-12-31")
        },
        data(
            "event after the campaign", "events.yaml",
            ["events.yaml:14", "outside the campaign (2020-01-01 to 2020-01-10)"]
        ) {
            $0.replacingOccurrences(of: "date: 2020-01-02", with: "date: 2021-01-02")
        },
        data("campaign ends before it starts", "campaign.yaml", ["campaign.yaml:", "end"]) {
            $0.replacingOccurrences(of: "end: 2020-01-10", with: "end: 2019-01-10")
        },
        // Duplicates.
        data(
            "duplicate feature id", "gazetteer.geojson",
            ["gazetteer.geojson:", "duplicate feature id 'bravo'", "unique"]
        ) {
            $0.replacingOccurrences(of: "\"id\": \"delta\"", with: "\"id\": \"bravo\"")
        },
        data("duplicate faction id", "campaign.yaml", ["campaign.yaml:", "duplicate", "'isil'"]) {
            $0.replacingOccurrences(of: "  - id: jund-al-aqsa", with: "  - id: isil")
        },
        // Coordinates.
        data("latitude off the globe", "gazetteer.geojson", ["gazetteer.geojson:8:", "not on Earth"]) {
            $0.replacingOccurrences(of: "[10.8, 50.2]},", with: "[10.8, 95.0]},")
        },
        data(
            "swapped longitude and latitude", "gazetteer.geojson",
            ["gazetteer.geojson:8:", "outside the campaign's area", "swapped"]
        ) {
            $0.replacingOccurrences(of: "[10.8, 50.2]},", with: "[50.2, 10.8]},")
        },
        data(
            "position far outside the area", "gazetteer.geojson",
            ["gazetteer.geojson:8:", "outside the campaign's area"]
        ) {
            $0.replacingOccurrences(of: "[10.8, 50.2]},", with: "[12.5, 50.2]},")
        },
        data(
            "road through an unknown place", "gazetteer.geojson",
            ["gazetteer.geojson:", "'via' of road 'main-road'", "'echo'"]
        ) {
            $0.replacingOccurrences(
                of: "\"via\": [\"alpha\", \"bravo\", \"delta\"]", with: "\"via\": [\"alpha\", \"echo\", \"delta\"]")
        },
        // What kmap check finds in a campaign that loads.
        check("events out of order (check)", "events.yaml", ["events.yaml:", "keep the file in date order"]) {
            $0.replacingOccurrences(of: "  - date: 2020-01-06\n", with: "  - date: 2020-01-01\n")
        },
        check(
            "contradictory events at one instant (check)", "events.yaml", ["events.yaml:", "contradicts line", "Delta"]
        ) { $0 + contradiction },
        check(
            "mojibake text is a warning (check)", "gazetteer.geojson",
            ["gazetteer.geojson:9:", "warning: text looks like mojibake", "repair"]
        ) {
            $0.replacingOccurrences(of: "\"name\": \"Delta\"", with: "\"name\": \"Tal Zaâ€™rour\"")
        },
        // Encodings, empty, huge and odd files.
        BadInput(
            "non-UTF-8 text", 65, ["events.yaml:3:16:", "not valid UTF-8", "(byte 0xE9)", "save the file as UTF-8"]
        ) { s in
            let campaign = try s.campaign(editing: "events.yaml") { $0 }
            let text = try String(contentsOfFile: campaign + "/events.yaml", encoding: .utf8)
            let line = try #require(text.range(of: "  controller: government\n"))
            // Latin-1 "é" in "gouvernement" (line 3): one byte 0xE9, not UTF-8.
            let bytes =
                Array(text[..<line.lowerBound].utf8) + Array("  controller: g".utf8) + [0xE9]
                + Array("ouvernement\n".utf8)
                + Array(text[line.upperBound...].utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: campaign + "/events.yaml"))
            return Invocation(["render", "--campaign", campaign, "--day", "2020-01-03", "-o", s.output])
        },
        data("empty events file", "events.yaml", ["events.yaml", "empty", "docs/DATA.md"]) { _ in "" },
        data("empty gazetteer file", "gazetteer.geojson", ["gazetteer.geojson", "empty"]) { _ in "" },
        data("campaign file of comments only", "campaign.yaml", ["campaign.yaml", "no YAML document"]) { _ in
            "# nothing\n"
        },
        BadInput("huge file (100 MB)", 66, ["events.yaml: cannot read", "larger than the 64 MiB"]) { s in
            let campaign = try s.campaign(editing: "events.yaml") { $0 }
            let path = campaign + "/events.yaml"
            let handle = try #require(FileHandle(forWritingAtPath: path))
            // About 1 MB.
            let line = Data(String(repeating: "# padding line of a generated huge file\n", count: 26_000).utf8)
            for _ in 0..<100 { try handle.write(contentsOf: line) }
            try handle.close()
            return Invocation(["render", "--campaign", campaign, "--day", "2020-01-03", "-o", s.output])
        },
        BadInput(
            "directory where a file is expected", 66,
            ["events.yaml: cannot read", "a directory stands where a file is expected"]
        ) { s in
            let campaign = try s.campaign(editing: "events.yaml") { $0 }
            try FileManager.default.removeItem(atPath: campaign + "/events.yaml")
            try FileManager.default.createDirectory(
                atPath: campaign + "/events.yaml", withIntermediateDirectories: false)
            return Invocation(["render", "--campaign", campaign, "--day", "2020-01-03", "-o", s.output])
        },
        // chmod 000 stops reads only for non-root users; as root (CI here) a FIFO is the unreadable file instead:
        // reading it would block forever, so kmap must refuse it before opening.
        BadInput("unreadable file (chmod 000, or a FIFO as root)", 66, ["events.yaml: cannot read"]) { s in
            let campaign = try s.campaign(editing: "events.yaml") { $0 }
            let path = campaign + "/events.yaml"
            chmod(path, 0)
            if FileHandle(forReadingAtPath: path) != nil {
                chmod(path, 0o644)
                try FileManager.default.removeItem(atPath: path)
                #expect(mkfifo(path, 0o644) == 0)
            }
            return Invocation(["render", "--campaign", campaign, "--day", "2020-01-03", "-o", s.output])
        },
        BadInput("broken symbolic link", 66, ["events.yaml: cannot read", "symbolic link"]) { s in
            let campaign = try s.campaign(editing: "events.yaml") { $0 }
            try FileManager.default.removeItem(atPath: campaign + "/events.yaml")
            try FileManager.default.createSymbolicLink(
                atPath: campaign + "/events.yaml", withDestinationPath: campaign + "/gone.yaml")
            return Invocation(["render", "--campaign", campaign, "--day", "2020-01-03", "-o", s.output])
        },
        BadInput("missing file in the campaign", 66, ["events.yaml: no such file", "campaign folder holding"]) { s in
            let campaign = try s.campaign(editing: "events.yaml") { $0 }
            try FileManager.default.removeItem(atPath: campaign + "/events.yaml")
            return Invocation(["render", "--campaign", campaign, "--day", "2020-01-03", "-o", s.output])
        },
        usage(
            "missing campaign folder",
            ["render", "--campaign", "/nonexistent/kmap-campaign", "--day", "2020-01-03", "-o", "OUT"],
            ["/nonexistent/kmap-campaign: no such campaign folder"], code: 66),
        BadInput("a file given as the campaign folder", 66, ["cannot read", "--campaign takes the folder"]) { s in
            let campaign = try s.campaign(editing: "events.yaml") { $0 }
            return Invocation([
                "render", "--campaign", campaign + "/campaign.yaml", "--day", "2020-01-03", "-o", s.output,
            ])
        },
        // Options and their values.
        usage(
            "impossible day 2016-02-30", render + ["--day", "2016-02-30"],
            ["--day '2016-02-30' is not a real date", "YYYY-MM-DD"]),
        usage(
            "impossible day 2016-13-01", render + ["--day", "2016-13-01"], ["--day '2016-13-01' is not a real date"]),
        usage(
            "day before the campaign", render + ["--day", "2015-12-31"],
            ["2015-12-31 is outside", "runs from", "pick a day in that range"]),
        usage("day after the campaign", render + ["--day", "2017-03-01"], ["2017-03-01 is outside", "runs from"]),
        usage("impossible time", render + ["--time", "25:00"], ["--time '25:00'", "HH:MM"]),
        usage("size 0x0", render + ["--size", "0x0"], ["--size 0x0 is out of range", "width"]),
        usage("negative size", render + ["--size=-5x100"], ["--size -5x100 is out of range"]),
        usage("size 100000x100000", render + ["--size", "100000x100000"], ["--size 100000x100000 is out of range"]),
        usage("size not WxH", render + ["--size", "big"], ["--size 'big' is not WxH", "1600x1200"]),
        usage("unknown theme", render + ["--theme", "iswx"], ["no theme 'iswx'", "did you mean 'isw'", "built-in"]),
        BadInput(
            "theme with an unknown font", 65,
            ["theme.yaml:2:", "font 'No Such Font Sans' is not installed", "use one of"]
        ) { s in
            let theme = s.root + "/theme.yaml"
            try "name: mine\nfont: No Such Font Sans\n".write(toFile: theme, atomically: true, encoding: .utf8)
            return Invocation(["render", "--day", "2016-02-23", "--theme", theme, "-o", s.output])
        },
        usage(
            "missing theme file", render + ["--theme", "/nonexistent/theme.yaml"],
            ["/nonexistent/theme.yaml: cannot read the theme: no such file"], code: 66),
        usage("unknown format", render + ["--format", "gif"], ["--format 'gif' is not one of png, svg, pdf"]),
        usage(
            "extension without a format", ["render", "--day", "2016-02-23", "-o", "OUT:x.txt"],
            ["cannot tell the format", ".png, .svg or .pdf"]),
        usage("unknown option", render + ["--colour", "red"], ["Unknown option '--colour'"]),
        usage("missing required option", ["render", "-o", "OUT"], ["Missing expected argument '--day"]),
        usage("state format xml", ["state", "--day", "2016-02-23", "--format", "xml"], ["xml"]),
        // Roads with sides (issue 16).
        data(
            "a faction on a place that is not a road", "gazetteer.geojson",
            ["gazetteer.geojson:9:", "only a road names a 'faction'", "remove it"]
        ) {
            $0.replacingOccurrences(of: "\"name\": \"Delta\", ", with: "\"name\": \"Delta\", \"faction\": \"isil\", ")
        },
        data(
            "an unknown road faction", "gazetteer.geojson",
            ["gazetteer.geojson:13", "unknown faction (whose road it is) 'isis'; did you mean 'isil'?"]
        ) {
            $0.replacingOccurrences(of: "\"faction\": \"government\"", with: "\"faction\": \"isis\"")
        },
        check(
            "two sides in colours a colour-blind reader confuses", "campaign.yaml",
            [
                "campaign.yaml:17:", "'government' (#e3242b) and 'isil' (#2e9e3e) are hard to tell apart",
                "change one colour",
            ]
        ) {
            $0.replacingOccurrences(of: "color: \"#1a1a1a\"", with: "color: \"#2e9e3e\"")
        },
        // kmap init (issue 16): never over anything, every argument checked before writing.
        BadInput("init into a folder holding files", 73, ["holds 1 item", "nothing is overwritten"]) { s in
            try "mine".write(toFile: s.out + "/notes.txt", atomically: true, encoding: .utf8)
            return Invocation([
                "init", s.out, "--start", "2022-09-06", "--end", "2022-10-05", "--area", "35,48,38,50", "--faction",
                "ua:Ukraine",
            ])
        },
        usage(
            "init with a faction without a name",
            [
                "init", "OUT:new", "--start", "2022-09-06", "--end", "2022-10-05", "--area", "35,48,38,50", "--faction",
                "ukraine",
            ], ["--faction 'ukraine' needs an id and a name", "id:Name:#rrggbb"]),
        usage(
            "init without an area for an unknown country",
            [
                "init", "OUT:new", "--start", "2022-09-06", "--end", "2022-10-05", "--faction", "fr:France",
                "--country", "FR",
            ], ["give --area minLon,minLat,maxLon,maxLat", "no outline or places of FR"]),
        // kmap import (issue 16).
        BadInput(
            "import of a table without a quote column", 65,
            ["changes.csv:1:", "lacks the columns quote, source", "--column quote=YOURNAME"]
        ) { s in
            try "date,place,controller\n2020-01-05,Bravo,isil\n".write(
                toFile: s.root + "/changes.csv", atomically: true, encoding: .utf8)
            return Invocation([
                "import", s.root + "/changes.csv", "--campaign", try s.campaign(editing: "campaign.yaml") { $0 },
            ])
        },
        BadInput("import of a table with an unclosed quote", 65, ["changes.csv:2:", "never closed"]) { s in
            try "date,place,controller,quote,source\n2020-01-05,Bravo,isil,\"Black takes,script\n".write(
                toFile: s.root + "/changes.csv", atomically: true, encoding: .utf8)
            return Invocation([
                "import", s.root + "/changes.csv", "--campaign", try s.campaign(editing: "campaign.yaml") { $0 },
            ])
        },
        usage(
            "import of a missing file", ["import", "/nonexistent/changes.csv", "--campaign", "OUT:x"],
            ["/nonexistent/changes.csv: no such file"], code: 66),
        // kmap lookup (issue 16).
        BadInput("lookup in a file that is not a GeoNames dump", 65, ["places.txt:1:", "not a GeoNames line", "19"]) {
            s in
            try "Khanasir,35.78,37.49\n".write(toFile: s.root + "/places.txt", atomically: true, encoding: .utf8)
            return Invocation(["lookup", "Khanasir", "--geonames", s.root + "/places.txt"])
        },
        usage(
            "lookup in a missing GeoNames dump", ["lookup", "Khanasir", "--geonames", "/nonexistent/SY.txt"],
            ["/nonexistent/SY.txt: no such file"], code: 66),
        usage(
            "lookup near a point off the Earth", ["lookup", "Khanasir", "--near", "135,37"],
            ["--near '135,37' must be lat,lon"]),
        // Output locations.
        BadInput("output is an existing folder", 73, ["is a folder", "give a file name"]) { s in
            Invocation(render.map { $0 == "OUT" ? s.out : $0 })
        },
        usage(
            "output folder missing", ["render", "--day", "2016-02-23", "-o", "/nonexistent/kmap/x.png"],
            ["the folder /nonexistent/kmap does not exist", "create it first"], code: 73),
        BadInput("output inside a file", 73, ["is a file, not a folder"]) { s in
            try "mine".write(toFile: s.out + "/notes.txt", atomically: true, encoding: .utf8)
            return Invocation(render.map { $0 == "OUT" ? s.out + "/notes.txt/x.png" : $0 })
        },
        // Root writes anywhere chmod allows nothing; /proc refuses new files even to root.
        BadInput("unwritable output folder", 73, ["cannot create a file in", "choose another path"]) { s in
            let folder: String
            if getuid() == 0 {
                folder = "/proc"
            } else {
                folder = s.root + "/readonly"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
                chmod(folder, 0o555)
            }
            return Invocation(render.map { $0 == "OUT" ? folder + "/x.png" : $0 })
        },
        // kmap writes to a temporary name and renames it: /dev/full as a path is a device kmap must not replace.
        usage(
            "/dev/full as the output path", ["render", "--day", "2016-02-23", "--format", "png", "-o", "/dev/full"],
            ["/dev/full exists and is not a regular file"], code: 73),
        // A full disk: a file size limit (ulimit -f) makes the write fail as ENOSPC would.
        BadInput(
            "disk full while writing (ulimit -f)", 74, ["writing", "failed: File too large", "nothing was written"]
        ) { s in
            var i = Invocation(render.map { $0 == "OUT" ? s.output : $0 })
            i.fileSizeLimitKiB = 8
            return i
        },
        BadInput("standard output on a full device", 74, ["writing to standard output failed: No space left on device"])
        { _ in
            var i = Invocation(["render", "--day", "2016-02-23", "-o", "-"])
            i.stdout = "/dev/full"
            return i
        },
        BadInput("help to a full standard output", 74, ["writing to standard output failed: No space left on device"]) {
            _ in
            var i = Invocation(["--help"])
            i.stdout = "/dev/full"
            return i
        },
        BadInput("existing file kmap did not write", 73, ["exists and kmap did not write it", "--force"]) { s in
            try "my own notes".write(toFile: s.out + "/notes.png", atomically: true, encoding: .utf8)
            return Invocation(render.map { $0 == "OUT" ? s.out + "/notes.png" : $0 })
        },
        BadInput("existing symbolic link as the output", 73, ["is a symbolic link", "--force"]) { s in
            try "my own notes".write(toFile: s.out + "/notes.txt", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(
                atPath: s.out + "/link.svg", withDestinationPath: s.out + "/notes.txt")
            return Invocation(render.map { $0 == "OUT" ? s.out + "/link.svg" : $0 })
        },
        BadInput("frames into a file", 73, ["is a file; --out needs a folder"]) { s in
            try "mine".write(toFile: s.out + "/notes.txt", atomically: true, encoding: .utf8)
            return Invocation([
                "frames", "--from", "2016-02-21", "--to", "2016-02-22", "--out", s.out + "/notes.txt", "--quiet",
            ])
        },
        BadInput("frames over a file kmap did not write", 73, ["kmap did not write it", "--force"]) { s in
            try "mine".write(toFile: s.out + "/0001_2016-02-21.png", atomically: true, encoding: .utf8)
            return Invocation([
                "frames", "--from", "2016-02-21", "--to", "2016-02-22", "--out", s.out, "--size", "400x300", "--quiet",
            ])
        },
        BadInput(
            "report over a page kmap did not write", 73, ["notes.html exists and kmap did not write it", "--force"]
        ) { s in
            try "<p>my notes</p>".write(toFile: s.out + "/notes.html", atomically: true, encoding: .utf8)
            return Invocation(["report", "--from", "2016-02-21", "--to", "2016-02-22", "-o", s.out + "/notes.html"])
        },
        BadInput(
            "report folder holding a foreign file", 73, ["index.html exists and kmap did not write it", "--force"]
        ) { s in
            // Refused before any map is drawn: the folder stays as it was.
            try "<p>my site</p>".write(toFile: s.out + "/index.html", atomically: true, encoding: .utf8)
            return Invocation(["report", "--from", "2016-02-21", "--to", "2016-02-22", "-o", s.out])
        },
        BadInput("chart over a file kmap did not write", 73, ["kmap did not write it", "--force"]) { s in
            try "mine".write(toFile: s.out + "/chart.svg", atomically: true, encoding: .utf8)
            return Invocation(["chart", "-o", s.out + "/chart.svg"])
        },
        usage(
            "size and scale beyond the pixel budget",
            ["render", "--day", "2016-02-23", "--size", "8000x8000", "--scale", "4", "-o", "OUT"],
            ["32000x32000 pixels", "lower --size or --scale"]),
        usage(
            "a sequence of half a million frames", ["frames", "--step", "1h", "--tween", "60", "--out", "OUT:frames"],
            ["frames; kmap draws up to 20000 in one sequence", "narrow --from/--to"]),
        BadInput("a pipe given as the theme file", 66, ["cannot read the theme: not a regular file"]) { s in
            // Reading a FIFO with no writer would block forever: refused before opening.
            #expect(mkfifo(s.root + "/theme.yaml", 0o644) == 0)
            return Invocation(["render", "--day", "2016-02-23", "--theme", s.root + "/theme.yaml", "-o", s.output])
        },
        usage(
            "a shard beyond the split", ["frames", "--shard", "4/3", "--out", "OUT:frames"],
            ["--shard '4/3' is not a shard", "write I/N"]),
        BadInput("merge of a folder without shards", 66, ["no shard manifests", "--shard I/N"]) { s in
            Invocation(["frames", "--merge", "--out", s.out])
        },
        usage("report to standard output", ["report", "-o", "-"], ["not standard output", "-o report.pdf"]),
        usage(
            "report with an unknown extension", ["report", "-o", "OUT:r.docx"],
            ["give a folder, or a file ending in .html, .md or .pdf"]),
        usage(
            "animation with an unknown extension", ["animate", "-o", "OUT:x.avi"],
            ["cannot tell the animation format", ".mp4, .webm or .gif"]),
        // kmap export (issue 17).
        usage(
            "export with an unknown extension", ["export", "-o", "OUT:x.shp"],
            ["cannot tell the format of", ".geojson, .kml or .csv"]),
        usage(
            "export format contradicting the extension", ["export", "--format", "kml", "-o", "OUT:x.geojson"],
            ["--format kml contradicts", "make them agree"]),
        usage("export format unknown", ["export", "--format", "shapefile", "-o", "OUT:x.shp"], ["shapefile"]),
        usage(
            "export --from after --to", ["export", "--from", "2016-02-25", "--to", "2016-02-23", "-o", "OUT:x.csv"],
            ["after --to", "swap them"]),
        usage(
            "export day outside the campaign", ["export", "--from", "2015-01-01", "-o", "OUT:x.kml"], ["2015-01-01"]),
        usage(
            "viewer to a non-HTML file", ["viewer", "-o", "OUT:v.png"],
            ["the viewer is one HTML file", "end the output in .html"]),
        usage("viewer with a bad size", ["viewer", "--size", "0x0", "-o", "OUT:v.html"], ["--size"]),
        BadInput("viewer over a page kmap did not write", 73, ["exists and kmap did not write it", "--force"]) { s in
            try "<html>mine</html>".write(toFile: s.out + "/v.html", atomically: true, encoding: .utf8)
            return Invocation(["viewer", "--from", "2016-02-23", "--to", "2016-02-23", "-o", s.out + "/v.html"])
        },
        BadInput("export over a CSV kmap did not write", 73, ["exists and kmap did not write it", "--force"]) { s in
            try "name,value\nmine,1\n".write(toFile: s.out + "/mine.csv", atomically: true, encoding: .utf8)
            return Invocation(["export", "-o", s.out + "/mine.csv"])
        },
        BadInput("export to a full standard output", 74, ["writing to standard output failed: No space left on device"])
        { _ in
            var i = Invocation(["export", "--format", "geojson", "-o", "-"])
            i.stdout = "/dev/full"
            return i
        },
    ]
}

/// How to run `kmap` for one case.
struct Invocation: Sendable {
    var arguments: [String]
    /// Where standard output goes (default: a file the test reads).
    var stdout: String?
    /// A file size limit for the child (`ulimit -f`), to make writes fail as on a full disk.
    var fileSizeLimitKiB: Int?
    /// A CPU time limit (`ulimit -t`) for inputs that once made kmap run away: it then fails instead of hanging.
    var cpuLimitSeconds: Int?
    /// A bash script that runs kmap (`$0 "$@"`), for cases that need its process id or a pipe.
    var script: String?
    var environment: [String: String]?
    /// Called after the run: releases what the setup held (a lock).
    var release: (@Sendable () -> Void)?

    init(_ arguments: [String]) { self.arguments = arguments }
}

/// A temporary folder with an empty `out/` folder and, on request, a copy of testland.
struct Sandbox: Sendable {
    let root: String
    var out: String { root + "/out" }
    var output: String { out + "/x.png" }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kmap-bad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
    }

    /// Testland copied to `campaign/`, with `edit` applied to one file.
    func campaign(editing file: String, _ edit: (String) -> String) throws -> String {
        let folder = root + "/campaign"
        if !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.copyItem(atPath: testlandPath, toPath: folder)
        }
        let path = folder + "/" + file
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(
            toFile: path, atomically: true, encoding: .utf8)
        return folder
    }

    /// Every path in the sandbox with its contents: a file's bytes, a link's target, a folder's mark.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: root) ?? [] {
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                files[path] = Data(
                    ("link → " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + path)) ?? ""))
                        .utf8)
            case S_IFREG:
                files[path] = FileManager.default.contents(atPath: root + "/" + path) ?? Data("unreadable".utf8)
            case S_IFDIR: files[path] = Data("folder".utf8)
            default: files[path] = Data("special".utf8)
            }
        }
        return files
    }

    /// kmap's temporary files anywhere in the sandbox (files, not links planted at such names).
    func leftovers() -> [String] {
        (FileManager.default.subpaths(atPath: root) ?? []).filter { path in
            var info = stat()
            return path.contains(".kmap-") && path.hasSuffix(".tmp") && lstat(root + "/" + path, &info) == 0
                && info.st_mode & S_IFMT == S_IFREG
        }
    }

    func remove() {
        chmod(root + "/readonly", 0o755)
        try? FileManager.default.removeItem(atPath: root)
    }
}
