import Foundation
import KMapTestSupport
import Testing

/// Issue 19's rows: what a hostile review found. Each failed on the kmap before the fix (a file lost or written
/// outside the folder, an output that runs script, a runaway, a trap) and must now be refused or handled safely.
extension BadInput {
    /// Runs kmap during a case's setup (to leave real kmap outputs behind); the setup fails when kmap does.
    static func kmap(_ arguments: [String]) throws {
        let result = try ProcessRunner.run(try ProcessRunner.kmap(), arguments)
        guard result.status == 0 else {
            throw CocoaError(
                .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "setup: kmap \(arguments): \(result.stderr)"])
        }
    }

    static func frames(_ out: String) -> [String] {
        ["frames", "--from", "2016-02-21", "--to", "2016-02-22", "--out", out, "--size", "400x300", "--quiet"]
    }

    /// Places a file's first, rewritten entry of `frames.json` under another name.
    static func addManifestEntry(_ manifest: String, file: String) throws {
        var json = try #require(
            JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: manifest))) as? [String: Any])
        var frames = try #require(json["frames"] as? [[String: Any]])
        var entry = frames[0]
        entry["file"] = file
        frames.append(entry)
        json["frames"] = frames
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: manifest))
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    static let hostile: [BadInput] = [
        // 1. A link planted at the temporary name (kmap's process id is the shell's, as `exec` keeps it) must not
        // be written through: the map is written, the link's target stays as it was.
        BadInput(
            "a link planted at the temporary name", 0, [], changes: ["out/x.png", "out/.x.png.kmap-"],
            verify: { s in
                #expect(isRegularFile(s.output), "out/x.png must be a file, not a link")
            }
        ) { s in
            try "the victim's own file".write(toFile: s.root + "/victim.txt", atomically: true, encoding: .utf8)
            var i = Invocation(render.map { $0 == "OUT" ? s.output : $0 })
            i.script = "ln -s ../victim.txt \(s.out)/.x.png.kmap-$$.tmp && exec \"$0\" \"$@\""
            return i
        },
        // 2.
        data(
            "slug that climbs out of the folder", "campaign.yaml",
            ["campaign.yaml:3:", "slug '../../../escaped'", "a-z, 0-9 and '-'"]
        ) {
            $0.replacingOccurrences(
                of: "title: Testland exercise\n", with: "slug: \"../../../escaped\"\ntitle: Testland exercise\n")
        },
        // 3. A Markdown document that quotes kmap's SVG mark is not kmap's SVG.
        BadInput("a document that quotes kmap's mark", 73, ["notes.md exists and kmap did not write it", "--force"]) {
            s in
            try
                "# Notes\n\nkmap marks its SVG files with `<!-- kmap -->`; PNGs say tEXtSoftware\u{0}kmap; reports end with: Made with kmap.\n\nMore notes.\n"
                .write(toFile: s.out + "/notes.md", atomically: true, encoding: .utf8)
            return Invocation(["render", "--day", "2016-02-23", "--format", "svg", "-o", s.out + "/notes.md"])
        },
        // 4. An edited manifest that lists a kmap PDF beside the frames.
        BadInput(
            "a manifest edited to list another kmap file", 73,
            ["frames.json lists 'report.pdf', which is not the name of a frame", "--force"]
        ) { s in
            try kmap(frames(s.out))
            try kmap(["render", "--day", "2016-02-23", "--size", "400x300", "-o", s.out + "/report.pdf"])
            try addManifestEntry(s.out + "/frames.json", file: "report.pdf")
            return Invocation(frames(s.out))
        },
        // 5. Cleanup removes only kmap's temporaries of dead processes: not a user's file, not a live run's.
        BadInput("a user's file named like a temporary", 73, ["kmap did not write it", "--force"]) { s in
            try "my backup".write(toFile: s.out + "/.notes.kmap-backup.tmp", atomically: true, encoding: .utf8)
            try "a live run's".write(
                toFile: s.out + "/.0002_2016-02-22.png.kmap-1-a1b2c3d4.tmp", atomically: true, encoding: .utf8)
            try "mine".write(toFile: s.out + "/0001_2016-02-21.png", atomically: true, encoding: .utf8)
            return Invocation(frames(s.out))
        },
        // 6.
        check(
            "a javascript: URL in a source (check)", "campaign.yaml",
            ["campaign.yaml:12:", "'javascript:alert(1)'", "http:// or https://"]
        ) {
            $0.replacingOccurrences(
                of: "    note: invented for tests",
                with: "    url: \"javascript:alert(1)\"\n    note: invented for tests")
        },
        BadInput(
            "a javascript: URL is never a link in a report", 0, [], changes: ["out/r.html"],
            verify: { s in
                let html = try String(contentsOfFile: s.out + "/r.html", encoding: .utf8)
                #expect(!html.contains("href=\"javascript"), "a script link in the report")
                #expect(html.contains("javascript:alert(1)"), "the URL is shown as text")
            }
        ) { s in
            let campaign = try s.campaign(editing: "campaign.yaml") {
                $0.replacingOccurrences(
                    of: "    note: invented for tests",
                    with: "    url: \"javascript:alert(1)\"\n    note: invented for tests")
            }
            return Invocation([
                "report", "--campaign", campaign, "--from", "2020-01-02", "--to", "2020-01-02", "-o", s.out + "/r.html",
            ])
        },
        // 7.
        BadInput(
            "HTML and a broken autolink in a Markdown report", 0, [], changes: ["out/r.md", "out/r-images"],
            verify: { s in
                let md = try String(contentsOfFile: s.out + "/r.md", encoding: .utf8)
                #expect(!md.contains("<img"), "raw HTML in the Markdown")
                #expect(!md.contains("<https://example.org/a>"), "an autolink cut short by '>'")
                #expect(md.contains("&lt;img src=x onerror=alert(1)&gt;"))
            }
        ) { s in
            let campaign = try s.campaign(editing: "campaign.yaml") {
                $0.replacingOccurrences(of: "title: Testland exercise", with: "title: \"<img src=x onerror=alert(1)>\"")
                    .replacingOccurrences(
                        of: "    note: invented for tests",
                        with:
                            "    url: \"https://example.org/a>b<img src=x onerror=alert(2)>\"\n    note: invented for tests"
                    )
            }
            return Invocation([
                "report", "--campaign", campaign, "--from", "2020-01-02", "--to", "2020-01-02", "-o", s.out + "/r.md",
            ])
        },
        // 8. Control characters and noncharacters, escaped in JSON and YAML, and raw.
        data(
            "an escape sequence in a name", "gazetteer.geojson",
            ["gazetteer.geojson:9:", "control character U+001B", "remove it"]
        ) {
            $0.replacingOccurrences(of: "\"name\": \"Delta\"", with: "\"name\": \"Del\\u001b]0;PWN\\u0007ta\"")
        },
        BadInput("an escape sequence printed by places", 65, ["gazetteer.geojson:9:", "control character U+001B"]) {
            s in
            let campaign = try s.campaign(editing: "gazetteer.geojson") {
                $0.replacingOccurrences(of: "\"name\": \"Delta\"", with: "\"name\": \"Del\\u001b]0;PWN\\u0007ta\"")
            }
            return Invocation(["places", "--campaign", campaign])
        },
        data("a noncharacter in the title", "campaign.yaml", ["campaign.yaml:3:", "noncharacter U+FFFE"]) {
            $0.replacingOccurrences(of: "title: Testland exercise", with: "title: \"Test\\uFFFEland\"")
        },
        data("a NUL in a quote", "events.yaml", ["events.yaml:", "control character U+0000"]) {
            $0.replacingOccurrences(of: "quote: \"Black takes Bravo.\"", with: "quote: \"Black takes\\0 Bravo.\"")
        },
        // 9. Ten thousand years of days.
        BadInput("a report of ten thousand years", 64, ["days", "up to", "narrow --from/--to"]) { s in
            let campaign = try s.campaign(editing: "campaign.yaml") {
                $0.replacingOccurrences(of: "end: 2020-01-10", with: "end: 9999-12-31")
            }
            var i = Invocation(["report", "--campaign", campaign, "--to", "9999-12-31", "-o", s.out + "/r.html"])
            i.cpuLimitSeconds = 60
            return i
        },
        BadInput("a chart of ten thousand years", 64, ["days", "up to"]) { s in
            let campaign = try s.campaign(editing: "campaign.yaml") {
                $0.replacingOccurrences(of: "end: 2020-01-10", with: "end: 9999-12-31")
            }
            var i = Invocation(["chart", "--campaign", campaign, "-o", s.out + "/c.svg"])
            i.cpuLimitSeconds = 60
            return i
        },
        // 10. A sparse 65 MiB manifest: refused by its size, not read.
        BadInput("a frames.json larger than 64 MiB", 73, ["frames.json", "larger than the 64 MiB"]) { s in
            #expect(FileManager.default.createFile(atPath: s.out + "/frames.json", contents: nil))
            #expect(truncate(s.out + "/frames.json", 65 << 20) == 0)
            return Invocation(frames(s.out))
        },
        // 11.
        check(
            "a road of 20,000 vertices (check)", "gazetteer.geojson",
            ["gazetteer.geojson:13:", "20003 points", "simplify"]
        ) { text in
            let points = (0..<20_000).map { i in "[\(10.5 + Double(i % 200) / 1000), \(50.5 + Double(i / 200) / 1000)]"
            }.joined(separator: ", ")
            return text.replacingOccurrences(
                of: "[[10.2, 50.8], [10.5, 50.5], [10.8, 50.2]]",
                with: "[[10.2, 50.8], [10.5, 50.5], \(points), [10.8, 50.2]]")
        },
        // 12.
        data(
            "a name of 200,000 combining marks", "gazetteer.geojson", ["gazetteer.geojson:9:", "combining", "at most"]
        ) {
            $0.replacingOccurrences(
                of: "\"name\": \"Delta\"", with: "\"name\": \"D\(String(repeating: "\u{301}", count: 200_000))elta\"")
        },
        // 13. Zones are sub-quadratic in places (ZoneScaleTests counts GEOS's work); an export of zones over a
        // history is bounded in changes × places, so no campaign makes it run for hours.
        BadInput(
            "derived zones of 3,000 places over 2,000 days of changes", 64,
            ["derived zones for 3000 places", "--from/--to"]
        ) { s in
            let campaign = try syntheticCampaign(places: 3000, events: 2000, days: 2000)
            var i = Invocation(["export", "--campaign", campaign, "--zones", "5", "-o", s.out + "/z.geojson"])
            i.cpuLimitSeconds = 60
            return i
        },
        usage("zones in a KML export", ["export", "--zones", "5", "-o", "OUT:z.kml"], ["--zones is for GeoJSON only"]),
        usage("zones of a negative radius", ["export", "--zones=-5", "-o", "OUT:z.geojson"], ["--zones -5.0", "km"]),
        // 14.
        usage(
            "a step that overflows (frames)", ["frames", "--step", "9223372036854775807d", "--out", "OUT:f"],
            ["--step '9223372036854775807d'", "1d to 3660d"]),
        usage(
            "a step that overflows (animate)", ["animate", "--step", "9223372036854775807d", "-o", "OUT:a.gif"],
            ["--step '9223372036854775807d'"]),
        // 15. A kill -9 before the first manifest: the frame kmap wrote carries its mark and is adopted.
        BadInput(
            "a marked frame without a manifest", 0, [], changes: ["out/"],
            verify: { s in
                #expect(FileManager.default.fileExists(atPath: s.out + "/frames.json"))
            }
        ) { s in
            try kmap(["render", "--day", "2016-02-21", "--size", "400x300", "-o", s.out + "/0001_2016-02-21.png"])
            return Invocation(frames(s.out))
        },
        // 16. The folder is locked by another process (this test, here): say who, touch nothing.
        BadInput("a frames folder another run holds", 75, ["is in use by process \(getpid())", "wait for it"]) { s in
            let fd = open(s.out, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
            var i = Invocation(frames(s.out))
            i.release = { close(fd) }
            return i
        },
        // 18.
        BadInput(
            "an output name of 250 bytes", 0, [], changes: ["out/"],
            verify: { s in
                #expect(isRegularFile(s.out + "/" + String(repeating: "n", count: 246) + ".png"))
            }
        ) { s in Invocation(render.map { $0 == "OUT" ? s.out + "/" + String(repeating: "n", count: 246) + ".png" : $0 })
        },
        BadInput("an output name that is not UTF-8", 64, ["not valid UTF-8"]) { s in
            var i = Invocation(["render", "--day", "2016-02-23"])
            i.script = "exec \"$0\" \"$@\" -o \"$(printf '\(s.out)/\\377.png')\""
            return i
        },
        BadInput(
            "a report folder whose maps/ is a link", 73, ["maps is a symbolic link", "kmap will not write through it"]
        ) { s in
            try FileManager.default.createDirectory(atPath: s.root + "/elsewhere", withIntermediateDirectories: false)
            try FileManager.default.createDirectory(atPath: s.out + "/rep", withIntermediateDirectories: false)
            try FileManager.default.createSymbolicLink(
                atPath: s.out + "/rep/maps", withDestinationPath: "../../elsewhere")
            return Invocation(["report", "--from", "2016-02-21", "--to", "2016-02-22", "-o", s.out + "/rep"])
        },
        // 19. Pango took its language from the locale; the same frame under an Arabic locale must be the same bytes.
        BadInput(
            "an Arabic locale", 0, [], changes: ["out/x.png"],
            verify: { s in
                #expect(
                    FileManager.default.contents(atPath: s.output)
                        == FileManager.default.contents(atPath: s.root + "/c.png"), "the locale changed the frame")
            }
        ) { s in
            var c = ProcessInfo.processInfo.environment
            c["LANG"] = "C.UTF-8"
            c["LC_ALL"] = nil
            let reference = try ProcessRunner.run(
                try ProcessRunner.kmap(),
                ["render", "--day", "2016-02-23", "--labels", "both", "--size", "800x600", "-o", s.root + "/c.png"],
                environment: c)
            #expect(reference.status == 0)
            var i = Invocation([
                "render", "--day", "2016-02-23", "--labels", "both", "--size", "800x600", "-o", s.output,
            ])
            c["LANG"] = "ar_SY.UTF-8"
            i.environment = c
            return i
        },
        // 20.
        BadInput("a folder where a report page goes", 73, ["r.html is a folder", "give a file name"]) { s in
            try FileManager.default.createDirectory(atPath: s.out + "/r.html", withIntermediateDirectories: false)
            return Invocation(["report", "--from", "2016-02-21", "--to", "2016-02-22", "-o", s.out + "/r.html"])
        },
        BadInput("an alias in a theme", 65, ["theme.yaml:", "campaign and theme files"]) { s in
            let theme = s.root + "/theme.yaml"
            try "name: mine\ncolors: &c\n  land: \"#ffffff\"\nmore: *c\n".write(
                toFile: theme, atomically: true, encoding: .utf8)
            return Invocation(["render", "--day", "2016-02-23", "--theme", theme, "-o", s.output])
        },
        BadInput("standard output closed by its reader", 74, ["writing to standard output failed", "Broken pipe"]) {
            _ in
            var i = Invocation(["render", "--day", "2016-02-23", "-o", "-"])
            i.script = "set -o pipefail; \"$0\" \"$@\" | head -c 10 > /dev/null"
            return i
        },
        BadInput(
            "a full disk while ffmpeg encodes", 74, ["writing", "x.gif", "is the disk full"], changes: ["out/x-frames"]
        ) { s in
            try kmap(frames(s.out + "/x-frames"))
            var i = Invocation([
                "animate", "--from", "2016-02-21", "--to", "2016-02-22", "--size", "400x300", "--quiet", "-o",
                s.out + "/x.gif",
            ])
            i.fileSizeLimitKiB = 8  // the manifest (3 KB) fits, the GIF (38 KB) does not
            return i
        },
    ]
}
