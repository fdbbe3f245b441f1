/// Reads the plain, indentation-only YAML that campaign files are written in, straight from the UTF-8 bytes.
///
/// libyaml's event parser is general, and general is slow: it spends about 47 M instructions on the benchmark's
/// 223 KB events file, and reading that file into `DataNode`s took 64 M; this takes 14 M, nodes included, by
/// looking at each byte about once. It reads a strict subset of YAML: block mappings and block sequences by
/// indentation (`key: value`, `- item`, `- key: value`), plain scalars on one line, single- and double-quoted
/// scalars on one line (double-quoted with the escapes `\\`, `\"`, `\n` and `\t` only), flow sequences of such
/// scalars on one line (`[a, 'b']`), comments, blank lines and an opening `---`. Keys are ASCII words
/// (`[A-Za-z0-9_][A-Za-z0-9_.-]*`).
///
/// Anything else declines (nil), and libyaml's events read the text as before: tabs, carriage returns, a BOM,
/// control characters, anchors, aliases, tags, flow mappings, block and multi-line scalars, `?` keys, quoted
/// keys, a key written twice, a value YAML might continue on the next line, deep nesting (libyaml stops at 1,000
/// levels), a second document. It declines rather than guesses: wherever a plain scalar could be read by YAML's
/// fuller rules (`?`, `:`, `!`, `&`, `*`, `%`, `@`, `|`, `>`, or `-` but before a letter or digit, first; `: `
/// inside; `,`, `:`, `#` or a bracket inside a flow sequence), it leaves the text to libyaml. `YAMLScannerTests`
/// holds it to libyaml's tree, marks included, on every YAML text of the repository and on thousands of seeded
/// mutations of them.
///
/// - Complexity: O(bytes) for mappings of up to `YAMLReader.linearKeys` keys; larger ones index their keys.
struct YAMLScanner {
    /// The text is outside the subset: libyaml decides.
    struct Decline: Error {}

    /// The tree, or nil when the text is outside the subset.
    static func read(_ text: String) -> DataNode? {
        var text = text
        return text.withUTF8 { bytes -> DataNode? in
            guard plainText(bytes) else { return nil }
            var scanner = YAMLScanner(bytes)
            return try? scanner.document()
        }
    }

    /// True when every character reads as itself to libyaml: no control character but the line feed (so no
    /// tab, no carriage return), no DEL, no C1 control (NEL among them), no line or paragraph separator
    /// (libyaml breaks lines there), no BOM or U+FFFE/U+FFFF.
    ///
    /// - Complexity: O(bytes), eight at a time where they are printable ASCII.
    static func plainText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard let base = b.baseAddress else { return true }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i < n {
            if i + 8 <= n {
                // Eight ASCII bytes, each (its low seven bits, with the high bit set so that no subtraction
                // borrows from the next byte) in 0x20...0x7E or a line feed: skip them; otherwise look at each.
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let atLeast20 = ((w | highs) &- 0x20 &* ones) & highs
                let lf = w ^ (0x0A &* ones), notLF = ((lf | highs) &- ones) & highs
                let del = w ^ (0x7F &* ones), notDEL = ((del | highs) &- ones) & highs
                if w & highs == 0, ~atLeast20 & notLF & highs == 0, notDEL == highs {
                    i += 8
                    continue
                }
            }
            for j in i..<min(i + 8, n) where !printable(b, j) { return false }
            i += 8
        }
        return true
    }

    /// Whether the byte at `i` starts no character libyaml refuses or reads specially (see `plainText`).
    private static func printable(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return (c >= 0x20 || c == Byte.lf) && c != 0x7F }
        switch c {
        // U+0080...U+009F (valid UTF-8 always has the continuation bytes looked at here).
        case 0xC2: return b[i + 1] >= 0xA0
        case 0xE2: return !(b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9))
        case 0xEF: return !((b[i + 1] == 0xBB && b[i + 2] == 0xBF) || (b[i + 1] == 0xBF && b[i + 2] >= 0xBE))
        default: return true
        }
    }

    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    /// The byte being read.
    var p = 0
    /// The line of `lineStart`, 1-based.
    var line = 1
    var lineStart = 0
    /// Indentation of the content line `nextContent` stopped at (`p` at its start), or -1 at the end.
    var indent = -1
    /// Open collections; libyaml refuses more than 1,000, this far fewer.
    var depth = 0
    static let maxDepth = 64

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        b = bytes
        n = bytes.count
    }

    mutating func document() throws(Decline) -> DataNode {
        try nextContent(documentStart: true)
        if indent == 0, p + 3 <= n, b[p] == Byte.dash, b[p + 1] == Byte.dash, b[p + 2] == Byte.dash {
            guard p + 3 == n || b[p + 3] == Byte.space || b[p + 3] == Byte.lf else { throw Decline() }
            p += 3
            try endLine()
            try nextContent()
        }
        guard indent >= 0 else { throw Decline() }
        let root = try block()
        // One document, nothing after it but blank lines and comments.
        guard indent < 0 else { throw Decline() }
        return root
    }

    // MARK: Lines

    /// From the start of a line, moves to the start of the next line with content (not blank, not only a
    /// comment) and sets `indent`; -1 at the end of the text.
    private mutating func nextContent(documentStart: Bool = false) throws(Decline) {
        while true {
            var q = p
            while q < n, b[q] == Byte.space { q += 1 }
            if q == n {
                p = n
                indent = -1
                return
            }
            let c = b[q]
            if c == Byte.hash {
                while q < n, b[q] != Byte.lf { q += 1 }
                if q == n {
                    p = n
                    indent = -1
                    return
                }
            }
            if b[q] == Byte.lf {
                p = q + 1
                line += 1
                lineStart = p
                continue
            }
            indent = q - p
            // `---` and `...` at the start of a line are document markers (`---` only first, for `document`).
            if indent == 0, q + 3 <= n, (c == Byte.dash && !documentStart) || c == Byte.dot, b[q + 1] == c, b[q + 2] == c {
                throw Decline()
            }
            return
        }
    }

    /// Skips spaces and a comment (after at least one space) to the end of the line, then past its line feed.
    private mutating func endLine() throws(Decline) {
        let start = p
        while p < n, b[p] == Byte.space { p += 1 }
        if p < n, b[p] == Byte.hash {
            guard p > start else { throw Decline() }
            while p < n, b[p] != Byte.lf { p += 1 }
        }
        if p == n { return }
        guard b[p] == Byte.lf else { throw Decline() }
        p += 1
        line += 1
        lineStart = p
    }

    // MARK: Blocks

    /// The block collection on the content line at `p`: a sequence when it starts with `- `, else a mapping.
    private mutating func block() throws(Decline) -> DataNode {
        p = lineStart + indent
        if isBlockEntry(p) { return try sequence(column: indent, indentless: false) }
        return try mapping(column: indent)
    }

    /// A `-` followed by a space, a line feed or the end.
    private func isBlockEntry(_ q: Int) -> Bool {
        q < n && b[q] == Byte.dash && (q + 1 == n || b[q + 1] == Byte.space || b[q + 1] == Byte.lf)
    }

    /// Where the `:` of the key that starts at `q` stands: an ASCII word, `:`, then a space, a line feed or the end.
    private func keyColon(at q: Int) -> Int? {
        guard q < n, isWordStart(b[q]) else { return nil }
        var i = q + 1
        while i < n, Self.isWord(b[i]) { i += 1 }
        // libyaml looks for a key's `:` within 1,024 characters.
        guard i - q <= 256, i < n, b[i] == Byte.colon, i + 1 == n || b[i + 1] == Byte.space || b[i + 1] == Byte.lf else { return nil }
        return i
    }

    /// A block mapping whose keys stand at `column` (a character count, as the line is ASCII up to the key);
    /// `p` at its first key, which may follow `- ` on the line.
    private mutating func mapping(column: Int) throws(Decline) -> DataNode {
        depth += 1
        guard depth <= Self.maxDepth else { throw Decline() }
        let markLine = line
        var entries: [DataNode.Entry] = []
        entries.reserveCapacity(8)
        var keys: Set<String> = []
        while true {
            guard let colonAt = keyColon(at: p) else { throw Decline() }
            let key = text(p, colonAt)
            let length = colonAt - p
            // A null key (`null`, `Null`, `NULL`) is not text: libyaml's reader declines it too.
            if length == 4, b[p] == 0x6E || b[p] == 0x4E, key == "null" || key == "Null" || key == "NULL" { throw Decline() }
            if entries.count < YAMLReader.linearKeys {
                // Keys here are ASCII, so texts of different lengths differ: most comparisons end at the length.
                if entries.contains(where: { $0.key.utf8.count == length && $0.key == key }) { throw Decline() }
            } else {
                if keys.isEmpty { keys = Set(entries.map(\.key)) }
                guard keys.insert(key).inserted else { throw Decline() }
            }
            let keyLine = line
            p = colonAt + 1
            let value: DataNode
            if restIsEmpty() {
                // The value is on the lines below, or null (marked just after the `:`, as libyaml marks it).
                let nullColumn = colonAt - lineStart + 2
                try endLine()
                try nextContent()
                if indent > column {
                    value = try block()
                } else if indent == column, isBlockEntry(lineStart + indent) {
                    p = lineStart + indent
                    value = try sequence(column: column, indentless: true)
                } else {
                    value = DataNode(.null, line: keyLine, column: nullColumn)
                }
            } else {
                skipSpaces()
                value = try inlineValue()
                try endLine()
                try nextContent()
            }
            entries.append(DataNode.Entry(key: key, keyLine: keyLine, value: value))
            if indent == column {
                p = lineStart + indent
                continue
            }
            // Deeper would continue a plain scalar or be an error; between two levels is an error.
            guard indent < column else { throw Decline() }
            depth -= 1
            return DataNode(.map(entries), line: markLine, column: column + 1)
        }
    }

    /// A block sequence whose `-` stand at `column`; `p` at the first `-`. An indentless sequence (the value
    /// of a key at the same column) ends at a line of that column that is not an entry.
    private mutating func sequence(column: Int, indentless: Bool) throws(Decline) -> DataNode {
        depth += 1
        guard depth <= Self.maxDepth else { throw Decline() }
        let markLine = line
        var items: [DataNode] = []
        while true {
            let itemLine = line, nullColumn = p - lineStart + 2
            p += 1
            if restIsEmpty() {
                try endLine()
                try nextContent()
                if indent > column {
                    items.append(try block())
                } else {
                    items.append(DataNode(.null, line: itemLine, column: nullColumn))
                }
            } else {
                var q = p
                while b[q] == Byte.space { q += 1 }
                if isBlockEntry(q) { throw Decline() }  // `- - x`
                p = q
                if keyColon(at: q) != nil {
                    items.append(try mapping(column: q - lineStart))
                } else {
                    items.append(try inlineValue())
                    try endLine()
                    try nextContent()
                }
            }
            if indent == column {
                p = lineStart + indent
                if isBlockEntry(p) { continue }
                guard indentless else { throw Decline() }
            } else if indent > column {
                throw Decline()
            }
            depth -= 1
            return DataNode(.list(items), line: markLine, column: column + 1)
        }
    }

    /// True when only spaces, perhaps a comment after them, and the line's end follow `p` (which follows
    /// a `:` or a `-`).
    private func restIsEmpty() -> Bool {
        if p == n || b[p] == Byte.lf { return true }
        guard b[p] == Byte.space else { return false }
        var q = p + 1
        while q < n, b[q] == Byte.space { q += 1 }
        return q == n || b[q] == Byte.lf || b[q] == Byte.hash
    }
}
