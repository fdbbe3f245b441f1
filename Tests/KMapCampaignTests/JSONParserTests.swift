import Testing
@testable import KMapCampaign

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
        ("\"abc", "missing closing"), ("01x", "after the end"), ("{\"a\": tru}", "expected true"), ("[1] [2]", "after the end"),
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
}
