import Foundation
import KMapModel

/// A strict JSON (RFC 8259) parser that records the line and column of every value.
///
/// Foundation's JSONSerialization reports no positions, and a user fixing a 2,000-line GeoJSON file needs
/// them. Numbers are kept as their source text; the decoding layer converts them.
struct JSONParser {
    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
    }

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    static func parse(_ text: String) throws(Failure) -> DataNode {
        var p = JSONParser(text)
        // A byte order mark, which some editors on Windows write: RFC 8259 lets a parser ignore it.
        if p.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { (p.i, p.lineStart) = (3, 3) }
        p.skipSpace()
        if p.i == p.bytes.count { throw p.fail("the file is empty; expected a JSON object") }
        let node = try p.value()
        p.skipSpace()
        if p.i < p.bytes.count {
            throw p.fail("unexpected \(p.describe(p.bytes[p.i])) after the end of the JSON value")
        }
        return node
    }

    private var column: Int {
        // Columns count Unicode scalars: skip UTF-8 continuation bytes.
        var c = 1
        var k = lineStart
        while k < i {
            if bytes[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return c
    }

    /// Where the counting of `mark` stopped: the byte, its column, and the line start the count began at.
    private var counted = (at: 0, column: 1, lineStart: 0)

    /// The line and column of byte `i`, counting on from the previous mark on the same line: GeoJSON puts a whole
    /// feature (hundreds of values) on one line, and counting each value's column from the line's start made
    /// reading such a file quadratic in the line's length.
    private mutating func mark() -> (line: Int, column: Int) {
        if counted.lineStart != lineStart || counted.at > i { counted = (lineStart, 1, lineStart) }
        var (k, c) = (counted.at, counted.column)
        while k < i {
            if bytes[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        counted = (k, c, lineStart)
        return (line, c)
    }

    private func fail(_ message: String) -> Failure { Failure(message: message, line: line, column: column) }

    private func describe(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? "'\(Character(UnicodeScalar(b)))'" : String(format: "byte 0x%02X", b)
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
            default: return
            }
        }
    }

    private mutating func value() throws(Failure) -> DataNode {
        guard i < bytes.count else { throw fail("the file ends where a value was expected") }
        let (l, c) = mark()
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return DataNode(.scalar(try string(), quoted: true), line: l, column: c)
        case UInt8(ascii: "t"):
            try literal("true")
            return DataNode(.scalar("true", quoted: false), line: l, column: c)
        case UInt8(ascii: "f"):
            try literal("false")
            return DataNode(.scalar("false", quoted: false), line: l, column: c)
        case UInt8(ascii: "n"):
            try literal("null")
            return DataNode(.null, line: l, column: c)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return DataNode(.scalar(try number(), quoted: false), line: l, column: c)
        default:
            throw fail(
                "unexpected \(describe(bytes[i])); expected a JSON value (object, array, string, number, true, false or null)"
            )
        }
    }

    private mutating func nest() throws(Failure) {
        depth += 1
        if depth > 512 { throw fail("nesting deeper than 512 levels") }
    }

    private mutating func object() throws(Failure) -> DataNode {
        let (l, c) = mark()
        try nest()
        i += 1
        var entries: [DataNode.Entry] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return DataNode(.map(entries), line: l, column: c)
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw fail(
                    i < bytes.count
                        ? "expected a quoted key, found \(describe(bytes[i]))" : "the file ends inside an object")
            }
            let keyLine = line
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw fail("expected ':' after the key \"\(key)\"")
            }
            i += 1
            skipSpace()
            entries.append(DataNode.Entry(key: key, keyLine: keyLine, value: try value()))
            skipSpace()
            guard i < bytes.count else { throw fail("the file ends inside an object (missing '}')") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                break
            }
            throw fail("expected ',' or '}' in an object, found \(describe(bytes[i]))")
        }
        depth -= 1
        return DataNode(.map(entries), line: l, column: c)
    }

    private mutating func array() throws(Failure) -> DataNode {
        let (l, c) = mark()
        try nest()
        i += 1
        var items: [DataNode] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return DataNode(.list(items), line: l, column: c)
        }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw fail("the file ends inside an array (missing ']')") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                break
            }
            throw fail("expected ',' or ']' in an array, found \(describe(bytes[i]))")
        }
        depth -= 1
        return DataNode(.list(items), line: l, column: c)
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else {
            throw fail("unexpected text; expected \(word)")
        }
        i += w.count
    }

    private mutating func number() throws(Failure) -> String {
        let start = i
        func digits(_ p: inout JSONParser) -> Int {
            let s = p.i
            while p.i < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.i]) { p.i += 1 }
            return p.i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        if digits(&self) == 0 { throw fail("a number needs digits") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits(&self) == 0 { throw fail("a number needs digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits(&self) == 0 { throw fail("a number needs digits in its exponent") }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func string() throws(Failure) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw fail("the file ends inside a string (missing closing '\"')") }
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    throw fail("the string is not valid UTF-8; save the file as UTF-8")
                }
                return s
            case UInt8(ascii: "\\"):
                i += 1
                guard i < bytes.count else { throw fail("the file ends inside a string escape") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u")
                        else {
                            throw fail("a \\u escape of a high surrogate must be followed by a low surrogate")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else {
                            throw fail("invalid low surrogate in a \\u escape")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = UnicodeScalar(scalar) else { throw fail("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw fail("invalid escape '\\\(Character(UnicodeScalar(e)))' in a string")
                }
            case 0x00..<0x20:
                throw fail(
                    b == 0x0A
                        ? "a string runs past the end of its line (missing closing '\"')"
                        : "a control character inside a string; escape it")
            default:
                out.append(b)
                i += 1
            }
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else {
            throw fail("a \\u escape needs four hex digits")
        }
        i += 4
        return v
    }
}
