import KMapModel
import Testing

@testable import KMapLoader

/// The YAML reader: libyaml's events into `DataNode`s with their marks, and errors with the line to fix.
@Suite struct YAMLReaderTests {
    /// A `DataNode` written out with every mark, so trees compare as text.
    static func dump(_ node: DataNode?) -> String {
        guard let node else { return "nil" }
        let mark = "@\(node.line):\(node.column)"
        switch node.value {
        case .null: return "null" + mark
        case .scalar(let s, let quoted): return (quoted ? "q" : "p") + "'\(s)'" + mark
        case .list(let items): return "[" + items.map { dump($0) }.joined(separator: ", ") + "]" + mark
        case .map(let entries):
            return "{" + entries.map { "\($0.key)@\($0.keyLine): \(dump($0.value))" }.joined(separator: ", ") + "}"
                + mark
        }
    }

    static func outcome(_ text: String) -> String {
        do {
            return try dump(YAMLReader.parse(text))
        } catch {
            return
                "error \(error.line.map(String.init) ?? "-"):\(error.column.map(String.init) ?? "-") \(error.message)"
        }
    }

    @Test(arguments: [
        ("", "nil"),
        ("# only a comment\n", "nil"),
        ("a: 1\nb: 'two'\n", "{a@1: p'1'@1:4, b@2: q'two'@2:4}@1:1"),
        ("l:\n  - x\n  - ~\n  - [a, \"b\"]\n", "{l@1: [p'x'@2:5, null@3:5, [p'a'@4:6, q'b'@4:9]@4:5]@2:3}@1:1"),
        ("t: |\n  one\n  two\n", "{t@1: q'one\ntwo\n'@1:4}@1:1"),
        ("name: Café “q” ü\n", "{name@1: p'Café “q” ü'@1:7}@1:1"),
        ("anchored: &a {x: 1}\n", "{anchored@1: {x@1: p'1'@1:18}@1:11}@1:1"),
    ])
    func readsTreesWithTheirMarks(text: String, expected: String) {
        #expect(Self.outcome(text) == expected)
    }

    @Test func mappingsWithManyKeysStillFindDuplicates() {
        let text = (0..<20).map { "key\($0): \($0)\n" }.joined() + "key3: again\n"
        #expect(
            Self.outcome(text) == "error 21:1 the key 'key3' appears twice in one mapping (first at line 4); keep one")
        #expect(Self.outcome((0..<30).map { "key\($0): \($0)\n" }.joined()).hasPrefix("{key0@1"))
    }

    @Test(arguments: [
        (
            "a: [1, 2\n",
            "error 2:1 YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 1)"
        ),
        (
            "start: 1\nend: 2\nstart: 3\n",
            "error 3:1 the key 'start' appears twice in one mapping (first at line 1); keep one"
        ),
        ("[a]: 1\n", "error 1:1 a mapping key must be plain text"),
        (
            "a: &x 1\nb: *x\n",
            "error 2:4 YAML aliases (*name) are not supported in campaign and theme files; write the value out"
        ),
        ("a: 1\n---\nb: 2\n", "error 2:1 a second YAML document ('---') follows the first; a campaign file holds one"),
        (
            "a: 'unterminated\n",
            "error 2:1 YAML syntax: found unexpected end of stream (while scanning a quoted scalar at line 1)"
        ),
    ])
    func refusesWhatCampaignFilesCannotHoldAtItsLine(text: String, expected: String) {
        #expect(Self.outcome(text) == expected)
    }

    /// "Billion laughs": aliases are refused where they stand, never expanded.
    @Test func nestedAliasesAreRefusedNotExpanded() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<12 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(Self.outcome(text).hasPrefix("error 2:"))
    }
}
