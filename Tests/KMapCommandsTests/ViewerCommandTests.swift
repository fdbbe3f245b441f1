import Foundation
import KMapTestSupport
import Testing

/// `kmap viewer`: one offline page, small, deterministic, inert whatever the campaign says, and working in a
/// real browser.
@Suite(.serialized) struct ViewerCommandTests {
    /// The whole Khanasir campaign's viewer, written once for the size and browser tests.
    static let khanasir: Result<String, any Error> = Result {
        let dir = try scratchFolder("viewer")
        let path = dir + "/khanasir.html"
        guard runKMap(["viewer", "-o", path]) == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    @Test func theWholeCampaignFitsInThreeMegabytesAndWorksOffline() throws {
        let path = try Self.khanasir.get()
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let size = html.utf8.count
        #expect(size <= 3_000_000, "the Khanasir viewer is \(size) bytes")
        #expect(html.contains("<meta name=\"generator\" content=\"kmap\">"))
        #expect(html.contains("default-src 'none'"), "a Content Security Policy forbids loading anything")
        for remote in ["http://", "https://"] {
            let outside = html.components(separatedBy: remote).dropFirst().filter {
                !$0.hasPrefix("www.w3.org/2000/svg") && !$0.hasPrefix("en.wikipedia.org")
            }
            #expect(outside.isEmpty, "no \(remote) resource: \(outside.prefix(1).map { String($0.prefix(60)) })")
        }
        #expect(!html.contains("innerHTML"), "text goes in through textContent")
        let data = try #require(Self.data(in: html))
        #expect((data["days"] as? [String])?.count == 374)
        #expect((data["days"] as? [String])?.contains("2016-02-24") == true)
        let small = (path as NSString).deletingLastPathComponent + "/small.html"
        let week = ["viewer", "-o", small, "--from", "2016-02-23", "--to", "2016-02-24", "--size", "800x600"]
        #expect(runKMap(week) == 0 && runKMap(week) == 0, "kmap replaces its own page")
    }

    @Test func sameBytesFromRunToRun() throws {
        let dir = try scratchFolder("viewer-determinism")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = ["viewer", "--from", "2016-02-22", "--to", "2016-02-26", "--size", "800x600"]
        let a = try ProcessRunner.run(try ProcessRunner.kmap(), arguments + ["-o", dir + "/a.html"])
        let b = try ProcessRunner.run(try ProcessRunner.kmap(), arguments + ["-o", dir + "/b.html"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        #expect(
            FileManager.default.contents(atPath: dir + "/a.html")
                == FileManager.default.contents(atPath: dir + "/b.html"))
    }

    @Test func hostileCampaignTextNeverBecomesMarkupOrScript() throws {
        let evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"
        let campaign = try testlandCopy(editing: "events.yaml") {
            $0.replacingOccurrences(of: "Black takes Bravo.", with: evil)
        }
        let dir = try scratchFolder("viewer-hostile")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(runKMap(["viewer", "--campaign", campaign, "--size", "800x600", "-o", dir + "/t.html"]) == 0)
        let html = try String(contentsOfFile: dir + "/t.html", encoding: .utf8)
        #expect(html.components(separatedBy: "<script").count - 1 == 2, "only the page's two script elements")
        #expect(!html.contains("<img"))
        let data = try #require(Self.data(in: html))
        let quotes = (data["events"] as? [[String: Any]])?.compactMap { $0["quote"] as? String } ?? []
        #expect(quotes.contains(evil), "the text arrives intact, as text")
    }

    @Test func hostileCampaignTextNeverBecomesMarkupOrScriptInTheHTMLReport() throws {
        let evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"
        let campaign = try testlandCopy(editing: "events.yaml") {
            $0.replacingOccurrences(of: "Black takes Bravo.", with: evil)
                .replacingOccurrences(
                    of: "    confidence: stated\n  - date: 2020-01-03",
                    with:
                        "    confidence: stated\n    note: \"\(evil.replacingOccurrences(of: "\"", with: "\\\""))\"\n  - date: 2020-01-03"
                )
        }
        let dir = try scratchFolder("report-hostile")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = ["report", "--campaign", campaign, "--size", "800x600", "--quiet", "-o", dir + "/r.html"]
        #expect(runKMap(arguments) == 0)
        let html = try String(contentsOfFile: dir + "/r.html", encoding: .utf8)
        #expect(html.components(separatedBy: "<script").count - 1 == 2, "only the page's two script elements")
        #expect(!html.contains("<img src=x"), "the quote is text, not an image")
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)"), "the quote is shown, escaped, under its day")
        let data = try #require(Self.data(in: html))
        let notes = (data["events"] as? [[String: Any]])?.compactMap { $0["note"] as? String } ?? []
        #expect(notes.contains(evil), "the reading arrives intact, as text")
    }

    static let browserParts = [
        "/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/python3", "/usr/lib/python3/dist-packages/selenium",
    ]
    static let browserMissing = browserParts.filter { !FileManager.default.fileExists(atPath: $0) }

    @Test(
        .enabled(
            if: browserMissing.isEmpty,
            "no browser to drive: \(browserMissing.joined(separator: ", ")) missing (Debian packages chromium, chromium-driver, python3-selenium; Scripts/setup installs them)"
        ))
    func aRealBrowserOpensADaySlidesAndExplains() throws {
        let path = try Self.khanasir.get()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Browser/viewer_test.py").path
        let run = try ProcessRunner.run("/usr/bin/python3", [script, path])
        #expect(run.status == 0, "the browser test failed: \(run.stderr)\n\(run.stdout)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((seen["date"] as? String)?.hasPrefix("24 February 2016") == true)
        #expect((seen["khanasirTitle"] as? String)?.contains("contested by Government") == true)
        let step = try #require(seen["sliderStepMs"] as? Double)
        #expect(step > 0, "the page measured its slider step")
        print("viewer in Chromium: opened in \(seen["openSeconds"] ?? "?") s, a slider step drew in \(step) ms")
    }

    /// The HTML report is the viewer with the days' events below it: the browser opens a day from the fragment,
    /// shows every quote once, follows a day's link to the map, and loads nothing.
    @Test(
        .enabled(
            if: browserMissing.isEmpty,
            "no browser to drive: \(browserMissing.joined(separator: ", ")) missing (Debian packages chromium, chromium-driver, python3-selenium; Scripts/setup installs them)"
        ))
    func aRealBrowserOpensTheReportOnADay() throws {
        let dir = try scratchFolder("viewer-report")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/report.html"
        #expect(runKMap(["report", "--from", "2016-02-21", "--to", "2016-02-29", "--quiet", "-o", path]) == 0)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Browser/viewer_test.py").path
        let run = try ProcessRunner.run("/usr/bin/python3", [script, path, "report"])
        #expect(run.status == 0, "the browser test failed: \(run.stderr)\n\(run.stdout)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((seen["date"] as? String)?.hasPrefix("24 February 2016") == true)
        #expect((seen["quotes"] as? Int ?? 0) > 20, "the week's quotes were counted")
    }

    /// The page's JSON data, parsed.
    static func data(in html: String) -> [String: Any]? {
        guard let start = html.range(of: "<script type=\"application/json\" id=\"kmap-data\">"),
            let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
            as? [String: Any]
    }
}
