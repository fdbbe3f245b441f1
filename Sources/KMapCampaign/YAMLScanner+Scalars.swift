/// Values that stand on one line: plain and quoted scalars and flow sequences of them.
extension YAMLScanner {
    enum Byte {
        static let lf: UInt8 = 0x0A
        static let space: UInt8 = 0x20
        static let doubleQuote: UInt8 = 0x22
        static let hash: UInt8 = 0x23
        static let singleQuote: UInt8 = 0x27
        static let comma: UInt8 = 0x2C
        static let dash: UInt8 = 0x2D
        static let dot: UInt8 = 0x2E
        static let colon: UInt8 = 0x3A
        static let openBracket: UInt8 = 0x5B
        static let backslash: UInt8 = 0x5C
        static let closeBracket: UInt8 = 0x5D
        static let openBrace: UInt8 = 0x7B
        static let closeBrace: UInt8 = 0x7D
    }

    /// The value that starts at `p` after `key: ` or `- `, read to its end (not past the line's end). The
    /// line up to `p` is ASCII, so its column is a byte count.
    mutating func inlineValue() throws(Decline) -> DataNode {
        let line = self.line, column = p - lineStart + 1
        switch b[p] {
        case Byte.doubleQuote: return DataNode(.scalar(try doubleQuoted(), quoted: true), line: line, column: column)
        case Byte.singleQuote: return DataNode(.scalar(try singleQuoted(), quoted: true), line: line, column: column)
        case Byte.openBracket: return try flowSequence()
        default:
            guard isPlainStart(p) else { throw Decline() }
            let start = p
            var end = p
            while p < n {
                let c = b[p]
                if c == Byte.lf { break }
                if c == Byte.space {
                    // ` #` starts a comment.
                    if p + 1 < n, b[p + 1] == Byte.hash { break }
                } else if c == Byte.colon, p + 1 == n || b[p + 1] == Byte.space || b[p + 1] == Byte.lf {
                    // `: ` would make this a key: `a: b: c` is an error, `- a b: c` a mapping.
                    throw Decline()
                } else {
                    end = p + 1
                }
                p += 1
            }
            p = end
            return plain(start, end, line: line, column: column)
        }
    }

    /// A plain scalar's node: null for `~`, `null`, `Null` and `NULL`, as `YAMLReader` reads libyaml's.
    func plain(_ start: Int, _ end: Int, line: Int, column: Int) -> DataNode {
        let count = end - start
        if count == 1, b[start] == 0x7E { return DataNode(.null, line: line, column: column) }
        let value = text(start, end)
        if count == 4, value == "null" || value == "Null" || value == "NULL" { return DataNode(.null, line: line, column: column) }
        return DataNode(.scalar(value, quoted: false), line: line, column: column)
    }

    /// `"…"` on one line, with the escapes `\\`, `\"`, `\n` and `\t`; `p` at the opening quote, left after the closing one.
    mutating func doubleQuoted() throws(Decline) -> String {
        p += 1
        let start = p
        var escaped = false
        while true {
            guard p < n else { throw Decline() }
            let c = b[p]
            if c == Byte.doubleQuote { break }
            if c == Byte.lf { throw Decline() }
            if c == Byte.backslash {
                guard p + 1 < n else { throw Decline() }
                switch b[p + 1] {
                case Byte.backslash, Byte.doubleQuote, 0x6E, 0x74: escaped = true
                default: throw Decline()
                }
                p += 2
                continue
            }
            p += 1
        }
        let end = p
        p += 1
        guard escaped else { return text(start, end) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var i = start
        while i < end {
            var c = b[i]
            if c == Byte.backslash {
                i += 1
                switch b[i] {
                case 0x6E: c = Byte.lf
                case 0x74: c = 0x09
                default: c = b[i]
                }
            }
            bytes.append(c)
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `'…'` on one line (`''` for a quote); `p` at the opening quote, left after the closing one.
    mutating func singleQuoted() throws(Decline) -> String {
        p += 1
        let start = p
        var escaped = false
        while true {
            guard p < n else { throw Decline() }
            let c = b[p]
            if c == Byte.singleQuote {
                guard p + 1 < n, b[p + 1] == Byte.singleQuote else { break }
                escaped = true
                p += 2
                continue
            }
            if c == Byte.lf { throw Decline() }
            p += 1
        }
        let end = p
        p += 1
        guard escaped else { return text(start, end) }
        return text(start, end).replacingOccurrences(of: "''", with: "'")
    }

    /// `[a, 'b', "c"]` on one line, of scalars only; `p` at `[`, left after `]`.
    mutating func flowSequence() throws(Decline) -> DataNode {
        depth += 1
        guard depth <= Self.maxDepth else { throw Decline() }
        let line = self.line, open = p
        // Up to `[` the line is ASCII; after it, items may not be.
        func column(_ q: Int) -> Int {
            var count = open - lineStart + 1
            for i in open..<q where b[i] & 0xC0 != 0x80 { count += 1 }
            return count
        }
        var items: [DataNode] = []
        p += 1
        skipSpaces()
        if p < n, b[p] == Byte.closeBracket {
            p += 1
            depth -= 1
            return DataNode(.list([]), line: line, column: open - lineStart + 1)
        }
        while true {
            guard p < n else { throw Decline() }
            let itemColumn = column(p)
            switch b[p] {
            case Byte.doubleQuote: items.append(DataNode(.scalar(try doubleQuoted(), quoted: true), line: line, column: itemColumn))
            case Byte.singleQuote: items.append(DataNode(.scalar(try singleQuoted(), quoted: true), line: line, column: itemColumn))
            default:
                guard isPlainStart(p) else { throw Decline() }
                let start = p
                var end = p
                while p < n {
                    let c = b[p]
                    if c == Byte.comma || c == Byte.closeBracket { break }
                    switch c {
                    // A comment, a line break, nesting, or a `:` (a pair, or an error, in a flow sequence).
                    case Byte.lf, Byte.hash, Byte.colon, Byte.openBracket, Byte.openBrace, Byte.closeBrace: throw Decline()
                    default: break
                    }
                    p += 1
                    if c != Byte.space { end = p }
                }
                items.append(plain(start, end, line: line, column: itemColumn))
            }
            skipSpaces()
            guard p < n else { throw Decline() }
            if b[p] == Byte.comma {
                p += 1
                skipSpaces()
                // `[a, ]` and `[a,, b]`: declined.
                guard p < n, b[p] != Byte.closeBracket, b[p] != Byte.comma else { throw Decline() }
                continue
            }
            guard b[p] == Byte.closeBracket else { throw Decline() }
            p += 1
            depth -= 1
            return DataNode(.list(items), line: line, column: open - lineStart + 1)
        }
    }

    mutating func skipSpaces() {
        while p < n, b[p] == Byte.space { p += 1 }
    }

    /// The text of bytes `start..<end`.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    }

    /// Whether a plain scalar may start at `q` with no more than YAML's simplest rules: a letter, a digit,
    /// any non-ASCII character, one of `._/(~+$`, or `-` before a letter or digit.
    func isPlainStart(_ q: Int) -> Bool {
        let c = b[q]
        if isAlphanumeric(c) || c >= 0x80 { return true }
        switch c {
        case Byte.dash: return q + 1 < n && isAlphanumeric(b[q + 1])
        case Byte.dot, 0x5F, 0x2F, 0x28, 0x7E, 0x2B, 0x24: return true  // . _ / ( ~ + $
        default: return false
        }
    }

    func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A)
    }

    /// The first byte of a key: a letter, a digit or `_`.
    func isWordStart(_ c: UInt8) -> Bool { isAlphanumeric(c) || c == 0x5F }

    /// A byte of a key after the first: a letter, a digit, `_`, `-` or `.` (one bit each in two masks).
    static func isWord(_ c: UInt8) -> Bool {
        // 0x00...0x3F: `-` (0x2D), `.` (0x2E), 0-9 (0x30...0x39); 0x40...0x7F: A-Z (0x41...0x5A), `_` (0x5F), a-z (0x61...0x7A).
        let low: UInt64 = 0x03FF_6000_0000_0000, high: UInt64 = 0x07FF_FFFE_87FF_FFFE
        return c < 0x40 ? (low >> c) & 1 == 1 : c < 0x80 && (high >> (c - 0x40)) & 1 == 1
    }
}
