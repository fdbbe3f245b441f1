import Foundation
import Testing
@testable import KMapCampaign

/// The fast YAML reader (libyaml events straight into `DataNode`) gives what Yams' composer gives: the same
/// tree with the same marks on good input, and the composer's own message, line and column on bad input.
@Suite struct FastYAMLTests {
    /// A `DataNode` written out with every mark, so two trees compare as text.
    static func dump(_ node: DataNode?) -> String {
        guard let node else { return "nil" }
        let mark = "@\(node.line):\(node.column)"
        switch node.value {
        case .null: return "null" + mark
        case .scalar(let s, let quoted): return (quoted ? "q" : "p") + "'\(s)'" + mark
        case .list(let items): return "[" + items.map { dump($0) }.joined(separator: ", ") + "]" + mark
        case .map(let entries):
            return "{" + entries.map { "\($0.key)@\($0.keyLine): \(dump($0.value))" }.joined(separator: ", ") + "}" + mark
        }
    }

    /// `parse` (fast path, falling back to the composer) against the composer alone: same tree or same error.
    static func outcome(_ read: (String) throws(YAMLReader.Failure) -> DataNode?, _ text: String) -> String {
        do {
            return try dump(read(text))
        } catch {
            return "error \(error.line.map(String.init) ?? "-"):\(error.column.map(String.init) ?? "-") \(error.message)"
        }
    }

    static let good: [String] = [
        "",
        "# only a comment\n",
        "---\n",
        "a: 1\nb: two\nc: 'three'\nd: \"four\"\n",
        "name: Café “quoted” ünïcode — ok\nnext: é\n",
        "list:\n  - 1\n  - [a, b, 'c']\n  - {k: v, n: ~}\n  -\n  - null\n  - Null\n  - NULL\n  - ''\n",
        "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\nplain: multi\n  line\n",
        "k: !!str 12\nj: !custom x\ntrue: yes\n1: one\n",
        "anchored: &a {x: 1}\nother: 2\n",
        "events:\n" + (0..<40).map { "  - {day: 2016-01-\(10 + $0 % 18), place: p\($0), controller: f\($0 % 3), quote: \"q \($0)\"}\n" }.joined(),
        // More keys than `linearKeys`: the set path.
        (0..<30).map { "key\($0): \($0)\n" }.joined(),
        "- a\n- b:\n    c: d\n- - x\n  - y\n",
        "tab\tvalue: \"esc\\t\\u00e9\\n\"\n",
        "\u{FEFF}bom: after\n",
        "a: 1\n...\n",
    ]

    static let bad: [String] = [
        "a: [1, 2\n",
        "a: {b: 1\nc: 2\n",
        "a: 'unterminated\n",
        "start: 1\nend: 2\nstart: 3\n",
        "outer:\n  x: 1\n  y: 2\n  x: 3\nz: 1\nz: 2\n",
        "b: 1\na: 2\nb: 3\na: 4\n",
        "1: a\n'1': b\n",
        "true: a\n\"true\": b\n",
        "x: a\n'x': b\n",
        (0..<20).map { "key\($0): \($0)\n" }.joined() + "key3: again\n",
        "[a]: 1\n",
        "? {a: 1}\n: 2\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n b: 2\n",
        "- a\nb: c\n",
        "a: \"\\q\"\n",
        "a: @reserved\n",
        "a: b: c\n",
        "k: \u{07}bell\n",
        "null: 1\n",
        "'': 1\n",
    ]

    /// Aliases are refused where they stand (the composer would expand them, exponentially when nested).
    @Test(arguments: [("a: *undefined\n", "1:4"), ("base: &b {x: 1}\ncopy: *b\n", "2:7"), ("- &x [1]\n- [*x, *x]\n", "2:4")])
    func aliasesAreRefusedWhereTheyStand(_ text: String, _ at: String) {
        #expect(Self.outcome(YAMLReader.parse, text) == "error \(at) YAML aliases (*name) are not supported in campaign and theme files; write the value out")
    }

    @Test(arguments: good) func goodInputReadsTheSameTree(_ text: String) throws {
        let fast = try #require(YAMLReader.fast(text), "the fast path declined good input")
        #expect(Self.dump(fast.node) == Self.outcome(YAMLReader.composed, text))
    }

    @Test(arguments: good + bad) func everyInputGivesTheComposersOutcome(_ text: String) {
        #expect(Self.outcome(YAMLReader.parse, text) == Self.outcome(YAMLReader.composed, text))
    }

    @Test func duplicateKeyKeepsYamsMessageAndPlace() {
        #expect(Self.outcome(YAMLReader.parse, "start: 1\nend: 2\nstart: 3\n")
            == "error 1:1 the key 'start' appears more than once in one mapping (first here); keep one")
    }

    /// Every YAML file kmap ships or tests with, through both readers.
    @Test func campaignFilesReadTheSame() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [String] = []
        for folder in ["Geo", "Scripts/bench", "Tests"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                files.append(base.appendingPathComponent(path).path)
            }
        }
        #expect(files.count >= 3, "\(files)")
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(Self.outcome(YAMLReader.parse, text) == Self.outcome(YAMLReader.composed, text), "\(file)")
            #expect(YAMLReader.fast(text) != nil, "the fast path declined \(file)")
        }
    }
}
