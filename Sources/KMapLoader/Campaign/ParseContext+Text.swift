import KMapModel

/// Checks every text of a data file for what no campaign needs and some readers or terminals act on.
///
/// A control character (ESC, BEL, NUL, VT…) in a name ends up in SVG (which it makes ill-formed), in a PDF's
/// title (cut at a NUL) and on terminals (an escape sequence can retitle the window or write the clipboard);
/// a noncharacter (U+FFFE, U+FFFF, U+FDD0…) is no character at all. A run of thousands of combining marks on
/// one letter makes text shaping quadratic (a label of 200,000 marks hung kmap). All are refused at load, at
/// the text's line and column, whether written raw or as an escape (`\u001b`, `\e`).
extension ParseContext {
    /// Combining marks one letter may carry: real scripts stack a handful (Vietnamese, Arabic with harakat).
    static let maxMarksPerLetter = 16
    /// Characters of a label (a place's or faction's name): what fits on a map.
    static let maxLabelLength = 200

    func checkText(_ node: DataNode, file: String) {
        switch node.value {
        case .scalar(let s, _):
            if let problem = Self.textProblem(s) { diagnostics.error(file, node, problem) }
        case .list(let items):
            for item in items { checkText(item, file: file) }
        case .map(let entries):
            for entry in entries {
                if let problem = Self.textProblem(entry.key) {
                    diagnostics.append(
                        Finding(file: file, line: entry.keyLine, column: nil, message: "in a key: " + problem))
                }
                checkText(entry.value, file: file)
            }
        case .null:
            break
        }
    }

    /// What is wrong with a text, or nil. Linear in its length; ASCII is decided byte by byte.
    static func textProblem(_ s: String) -> String? {
        var marks = 0
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                marks = 0
                if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D || v == 0x7F {
                    return "control character \(code(u)) in the text; remove it"
                }
                continue
            }
            if (0x80...0x9F).contains(v) { return "control character \(code(u)) in the text; remove it" }
            if (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE {
                return "noncharacter \(code(u)) in the text; remove it"
            }
            switch u.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                marks += 1
                if marks > maxMarksPerLetter {
                    return
                        "more than \(maxMarksPerLetter) combining marks on one letter; a letter may carry at most \(maxMarksPerLetter): remove the extra marks"
                }
            default:
                if v != 0x200D && !(0xFE00...0xFE0F).contains(v) { marks = 0 }
            }
        }
        return nil
    }

    static func code(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Refuses a label longer than `maxLabelLength` characters.
    func checkLabel(_ text: String?, _ node: DataNode?, file: String, what: String) {
        guard let text, text.unicodeScalars.count > Self.maxLabelLength else { return }
        diagnostics.error(
            file, node,
            "\(what) is \(text.unicodeScalars.count) characters long; a label may have at most \(Self.maxLabelLength): shorten it"
        )
    }
}
