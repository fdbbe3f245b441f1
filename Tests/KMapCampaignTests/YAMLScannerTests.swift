import Foundation
import KMapTestSupport
import Testing
@testable import KMapCampaign

/// `YAMLScanner` reads libyaml's tree or declines: never a different tree. Held to `YAMLReader.events` (libyaml's
/// events into `DataNode`) on every YAML text of the repository, on hand-written edge cases and on thousands of
/// seeded mutations of the repository's files.
@Suite struct YAMLScannerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every YAML text kmap ships or tests with: the files under Geo/, Scripts/ and Tests/, and the built-in
    /// themes, cut out of the string literals in KMapRender's BuiltinThemes.swift (not visible from here).
    static let repositoryTexts: [(name: String, text: String)] = {
        var texts: [(String, String)] = []
        for folder in ["Geo", "Scripts", "Tests"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                let file = base.appendingPathComponent(path).path
                if let text = try? String(contentsOfFile: file, encoding: .utf8) { texts.append(("\(folder)/\(path)", text)) }
            }
        }
        let themes = root.appendingPathComponent("Sources/KMapRender/BuiltinThemes.swift").path
        if let source = try? String(contentsOfFile: themes, encoding: .utf8) {
            // `static let name = """` … `        """`: a multi-line literal without escapes, indented by eight spaces.
            let parts = source.components(separatedBy: " = \"\"\"\n")
            for (index, part) in parts.enumerated().dropFirst() {
                guard let end = part.range(of: "\n        \"\"\"") else { continue }
                let body = part[..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }.joined(separator: "\n")
                texts.append(("BuiltinThemes.swift literal \(index)", body))
            }
        }
        return texts.sorted { $0.0 < $1.0 }
    }()

    /// The outcome of both readers, compared field by field (texts byte by byte); nil when they agree or the
    /// scanner declined, else what differs.
    static func disagreement(_ text: String) -> String? {
        guard let scanned = YAMLScanner.read(text) else { return nil }
        guard let read = YAMLReader.events(text), read.alias == nil, let node = read.node else {
            return "the scanner read \(FastYAMLTests.dump(scanned)) where libyaml's events give no tree"
        }
        if same(scanned, node) { return nil }
        return "scanner \(FastYAMLTests.dump(scanned))\nlibyaml \(FastYAMLTests.dump(node))"
    }

    static func same(_ a: DataNode, _ b: DataNode) -> Bool {
        guard a.line == b.line, a.column == b.column else { return false }
        switch (a.value, b.value) {
        case (.null, .null): return true
        case (.scalar(let s, let q), .scalar(let t, let r)): return q == r && s.utf8.elementsEqual(t.utf8)
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.map(let x), .map(let y)):
            return x.count == y.count
                && zip(x, y).allSatisfy { $0.key.utf8.elementsEqual($1.key.utf8) && $0.keyLine == $1.keyLine && same($0.value, $1.value) }
        default: return false
        }
    }

    @Test func everyRepositoryTextReadsLikeLibyaml() throws {
        let texts = Self.repositoryTexts
        #expect(texts.count >= 9, "\(texts.map(\.name))")
        #expect(texts.contains { $0.name.hasSuffix("bench/campaign/events.yaml") })
        #expect(texts.contains { $0.name.hasPrefix("BuiltinThemes") })
        for (name, text) in texts {
            #expect(Self.disagreement(text) == nil, "\(name)")
            // The files are what the scanner is for: declining them would make it useless.
            #expect(YAMLScanner.read(text) != nil, "the scanner declined \(name)")
        }
    }

    /// `FastYAMLTests`' inputs, good and bad: the scanner agrees or declines.
    @Test(arguments: FastYAMLTests.good + FastYAMLTests.bad) func fastYAMLInputs(_ text: String) {
        #expect(Self.disagreement(text) == nil)
    }

    /// Texts the scanner must read (each a feature campaign files use), with libyaml's tree.
    static let accepted: [String] = [
        "a: 1\nb: two\nc: 'three'\nd: \"four\"\n",
        "---\na: 1\n",
        "--- # comment\n\n# more\na: 1 # trailing\nb: 'x' # q\nc: [a, b] # f\n",
        "key:\n- a\n- b\nnext: 1\n",
        "key:\n  - a\n  -\n  - c\n",
        "- a: 1\n  b: 2\n-   c: 3\n    d:\n- e\n-\n",
        "- key:\n  - x\n  - y: 1\n    z: [~, null, Null, NULL, nil]\n- k: ~\n",
        "a:\nb:   \nc: # only a comment\nd:\n\n  # comment\n  e: 1\n",
        "list: [ 'it''s', \"say \\\"hi\\\"\\n\\t\\\\\" , plain words , é-ü, x ]\nempty: []\n",
        "names: [Café, “quoted”, مرحبا, b]\nnote: text with {braces}, [brackets], 'quotes', \"dq\", a:b and a#b\n",
        "url: https://example.org/a?b=c#frag\ntime: \"22:00\"\ndate: 2016-02-21\nneg: -5\ndot: .5\nt: ~x\n",
        "  indented: 1\n  root: 2\n",
        "- 1\n- - \n",
        "k: v\n\n\n",
        "k: v",
        "k:",
        "- x\n-",
        "é: 1\n",
        "k: 'a''b'\n",
        "k: \"\"\nl: ''\n",
    ]

    @Test(arguments: accepted) func readsTheSubset(_ text: String) throws {
        #expect(Self.disagreement(text) == nil)
        // `"- 1\n- - \n"` and `"é: 1\n"` are outside the subset; the rest must be read.
        if text != "- 1\n- - \n" && text != "é: 1\n" {
            #expect(YAMLScanner.read(text) != nil, "declined")
        }
    }

    /// Texts outside the subset, which libyaml reads one way or another: declined.
    @Test(arguments: [
        "a: 1\n\tb: 2\n", "a: b\r\nc: d\r\n", "\u{FEFF}a: 1\n", "a: &x 1\n", "a: *x\n", "a: !t 1\n", "a: {b: 1}\n",
        "a: |\n  x\n", "a: >\n  x\n", "? a\n: b\n", "a: 1\na: 2\n", "a: b\n  c\n", "a: 'b\n  c'\n", "a: \"\\u00e9\"\n",
        "a: \"\\x41\"\n", "a: [b,\n  c]\n", "a: [b, [c]]\n", "a: [b: c]\n", "a: b: c\n", "'a': 1\n", "a: 1\n...\n",
        "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: 1\n", "null: 1\n", "a: @x\n", "a: `x\n", "a: %x\n", "a: \u{85}x\n",
        "a: x\u{2028}y\n", "a: x\u{7F}\n", "a: [b, ]\n", "a: \"x\"#c\n", "- - a\n", "a: b #c\n  d\n",
        // Nesting deeper than the scanner's limit.
        (0..<80).map { String(repeating: " ", count: $0) + "-\n" }.joined(),
    ]) func declinesTheRest(_ text: String) {
        #expect(YAMLScanner.read(text) == nil)
    }

    /// The eight-bytes-at-a-time check finds each character libyaml refuses or reads as a break, wherever it stands.
    @Test func plainTextFindsRefusedCharactersAnywhere() {
        let refused: [Unicode.Scalar] = ["\0", "\t", "\r", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{2028}", "\u{2029}",
                                         "\u{FEFF}", "\u{FFFE}", "\u{FFFF}"]
        let allowed: [Unicode.Scalar] = ["\n", " ", "~", "\u{A0}", "é", "\u{2027}", "\u{202A}", "\u{FEFE}", "\u{FFFD}", "\u{1F600}"]
        func check(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { YAMLScanner.plainText($0) }
        }
        for length in [1, 7, 8, 9, 16, 23] {
            for position in 0..<length {
                for (scalars, expected) in [(refused, false), (allowed, true)] {
                    for scalar in scalars {
                        var text = String(repeating: "a", count: position)
                        text.unicodeScalars.append(scalar)
                        text += String(repeating: "b", count: length - position - 1)
                        #expect(check(text) == expected, "\(scalar.value) at \(position) of \(length)")
                    }
                }
            }
        }
    }

    @Test func keyBytesAreLettersDigitsAndUnderscoreDashDot() {
        for c in UInt8.min...UInt8.max {
            let expected = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D || c == 0x2E
            #expect(YAMLScanner.isWord(c) == expected, "\(c)")
        }
    }

    // MARK: Mutations

    /// What mutations insert: YAML's indicators, blanks, breaks, a non-ASCII letter, digits and letters (and
    /// characters libyaml treats specially: CR, NEL, LS, BOM, DEL, a backslash).
    static let alphabet: [Unicode.Scalar] = [
        ":", "-", " ", " ", " ", "#", "\"", "'", "[", "]", ",", "{", "}", "&", "*", "!", "|", ">", "?", "%", "@",
        "`", "~", ".", "\\", "\t", "\n", "\n", "é", "0", "7", "a", "n", "l", "u", "Z", "\r", "\u{85}", "\u{2028}",
        "\u{FEFF}", "\u{7F}",
    ]

    /// Pairs that make structure, inserted as one: a key's colon, a comment, an entry, a nested line, escapes.
    static let tokens: [String] = [": ", " #", "- ", "\n  ", "\n- ", "\\\"", "\\n", "''", " [", "null", ":\n"]

    /// Seeded mutations of excerpts of the repository's files: whenever the scanner reads one, libyaml's events
    /// read the same tree.
    @Test func mutationsReadLikeLibyamlOrDecline() {
        let sources = Self.repositoryTexts.map { $0.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        var random = SplitMix64(seed: 0x6B6D_6170_7961_6D6C)
        let cases = 20_000
        var read = 0, failures = 0
        for index in 0..<cases {
            var lines = Self.excerpt(of: random.pick(sources), &random)
            for _ in 0...random.below(3) { Self.mutate(&lines, &random) }
            let text = lines.joined(separator: "\n") + (random.below(4) == 0 ? "" : "\n")
            if YAMLScanner.read(text) != nil { read += 1 }
            if let problem = Self.disagreement(text) {
                failures += 1
                if failures <= 5 { Issue.record("case \(index): \(problem)\ntext:\n\(text)") }
            }
        }
        #expect(failures == 0)
        // Both sides must be exercised: many mutants are still in the subset, many are not.
        #expect(read > cases / 5 && read < cases * 9 / 10, "the scanner read \(read) of \(cases)")
    }

    /// Up to 30 lines from a random line on (small cases: libyaml runs unoptimised in debug builds); mostly the
    /// block that starts there, moved to the left margin, so that most excerpts are still good YAML.
    static func excerpt(of lines: [String], _ random: inout SplitMix64) -> [String] {
        let length = 1 + random.below(30)
        let start = random.below(lines.count)
        let end = min(lines.count, start + length)
        if random.below(4) == 0 { return Array(lines[start..<end]) }
        func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        let margin = indentation(lines[start])
        var excerpt: [String] = []
        for line in lines[start..<end] {
            let content = line.drop { $0 == " " }
            if !content.isEmpty, !content.hasPrefix("#"), indentation(line) < margin { break }
            excerpt.append(String(line.dropFirst(min(margin, indentation(line)))))
        }
        return excerpt
    }

    static func mutate(_ lines: inout [String], _ random: inout SplitMix64) {
        guard !lines.isEmpty else {
            lines = [String(random.pick(alphabet))]
            return
        }
        let at = random.below(lines.count)
        switch random.below(10) {
        case 0: lines.insert(lines[random.below(lines.count)], at: at)  // a line twice (duplicate keys)
        case 1: lines.remove(at: at)
        case 2: lines.swapAt(at, random.below(lines.count))
        case 3: lines[at] = String(repeating: " ", count: 1 + random.below(4)) + lines[at]
        case 4: lines[at] = String(lines[at].dropFirst(lines[at].prefix(while: { $0 == " " }).count > 1 ? 2 : 0))
        default:
            // A character inserted, deleted or replaced, within one line or across a line break.
            // Half of the edits next to a character that makes structure, where YAML's rules are decided.
            var scalars = Array(lines[at].unicodeScalars)
            let structural = scalars.indices.filter { ":-[],'\"# ".unicodeScalars.contains(scalars[$0]) }
            let position = structural.isEmpty || random.below(2) == 0 ? random.below(scalars.count + 1) : random.pick(structural) + random.below(2)
            let what = random.below(3)
            if what != 0, position < scalars.count { scalars.remove(at: position) }
            if what != 1 {
                let inserted = random.below(3) == 0 ? Array(random.pick(tokens).unicodeScalars) : [random.pick(alphabet)]
                scalars.insert(contentsOf: inserted, at: min(position, scalars.count))
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            lines[at] = text
        }
    }
}
