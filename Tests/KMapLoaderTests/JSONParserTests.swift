import Foundation
import KMapModel
import Testing

@testable import KMapLoader

@Suite struct JSONParserTests {
    @Test func recordsLinesAndColumns() throws {
        let node = try JSONParser.parse("{\n  \"a\": [1, 2.5e3],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\"\n}")
        #expect(node.line == 1)
        let a = try #require(node["a"])
        #expect(a.line == 2 && a.column == 8)
        guard case .list(let items) = a.value, case .scalar(let n, let quoted) = items[1].value else {
            Issue.record("not a list")
            return
        }
        #expect(n == "2.5e3" && !quoted)
        guard case .scalar(let s, true) = node["b"]?.value else {
            Issue.record("not a string")
            return
        }
        #expect(s == "xé😀")
    }

    /// Found in review: a GeoJSON saved with a byte order mark failed with "unexpected byte 0xEF".
    @Test func ignoresAByteOrderMark() throws {
        let node = try JSONParser.parse("\u{FEFF}{\"a\":\n 1}")
        let a = try #require(node["a"])
        #expect(node.line == 1 && node.column == 1)
        #expect(a.line == 2 && a.column == 2)
    }

    @Test(arguments: [
        ("", "empty"), ("{", "ends inside an object"), ("[1,]", "expected a JSON value"), ("{\"a\" 1}", "expected ':'"),
        ("\"abc", "missing closing"), ("01x", "after the end"), ("{\"a\": tru}", "expected true"),
        ("[1] [2]", "after the end"),
        ("\"\\q\"", "invalid escape"), (String(repeating: "[", count: 600), "nesting"),
    ])
    func rejectsMalformedJSON(_ text: String, _ fragment: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed \(text)")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    /// Every value's mark points at the value's first character, counted in Unicode scalars: on the repository's
    /// GeoJSON files (whole features on one line) and on a line with non-ASCII text before later values.
    @Test func marksPointAtEveryValue() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var texts = ["{\"é\": [\"ü😀\", 1, {\"ç\": \"x\"}], \"b\": \n  [true, \"a\\u00e9\", null]}"]
        for path in [
            "Geo/khanasir-2016/gazetteer.geojson", "Geo/khanasir-2016/locator.geojson",
            "Scripts/bench/campaign/gazetteer.geojson",
        ] {
            texts.append(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
        for text in texts {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
            var count = 0
            func check(_ node: DataNode) {
                count += 1
                let line = lines[node.line - 1]
                let first = line[node.column - 1]
                switch node.value {
                case .map(let entries):
                    #expect(first == "{")
                    for entry in entries { check(entry.value) }
                case .list(let items):
                    #expect(first == "[")
                    items.forEach(check)
                case .scalar(let s, true): #expect(first == "\"", "\(s)")
                case .scalar(let s, false): #expect(s.unicodeScalars.first == first, "\(s)")
                case .null: #expect(first == "n")
                }
            }
            check(try JSONParser.parse(text))
            #expect(count > 5)
        }
    }
}
