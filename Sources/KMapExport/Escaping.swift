/// The one place campaign text is made safe for each output language.
///
/// Campaign strings (names, quotes, notes) come from data files anyone may write. Every format that a program
/// interprets (JSON in a script, XML and HTML in Google Earth's balloons, a formula in a spreadsheet) gets its
/// text through these functions, so no campaign string can end a string, open a tag or start a formula.
public enum Escaping {
    /// A JSON string literal, quotes included; `<` is written `\u003c`, so the text is also safe inside an
    /// HTML `<script>` element.
    public static func json(_ s: String) -> String {
        // Most strings (ids, dates, names) need nothing: one byte scan instead of a scalar-by-scalar copy.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0xE2 }) {
            return "\"" + s + "\""
        }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Text for XML (and HTML) element content and attribute values: `& < > " '` as entities; control
    /// characters XML 1.0 forbids are dropped.
    public static func xml(_ s: String) -> String {
        if !s.utf8.contains(where: {
            $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF
        }) {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
    ///
    /// Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so a spreadsheet
    /// shows it as text instead of running it as a formula (OWASP's advice on CSV injection). Numbers are
    /// written by `number`, which never needs it.
    public static func csv(_ s: String) -> String {
        var text = s
        if let first = text.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) { text = "'" + text }
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var quoted = "\""
        for c in text { quoted += c == "\"" ? "\"\"" : String(c) }
        return quoted + "\""
    }

    /// A number for CSV, JSON or KML: an integer without ".0", else Swift's shortest round-tripping form.
    public static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
