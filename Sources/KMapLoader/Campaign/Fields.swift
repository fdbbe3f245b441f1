import Foundation
import KMapModel

/// Typed access to one mapping of a data file, reporting every problem to `Diagnostics`.
///
/// Each accessor returns nil after reporting when a value is missing or malformed, so a loader reads a whole
/// record and reports all of its problems at once.
struct Fields {
    let node: DataNode
    let file: String
    let what: String
    let diagnostics: Diagnostics

    /// nil (after reporting) when `node` is not a mapping.
    init?(_ node: DataNode, file: String, what: String, diagnostics: Diagnostics) {
        guard case .map = node.value else {
            diagnostics.error(file, node, "\(what) must be a mapping of keys to values, found \(node.kindDescription)")
            return nil
        }
        self.node = node
        self.file = file
        self.what = what
        self.diagnostics = diagnostics
    }

    func node(_ key: String) -> DataNode? {
        guard let n = node[key] else { return nil }
        if case .null = n.value { return nil }
        return n
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    /// Warns about keys outside `known`, with a suggestion: a misspelt optional key is otherwise silently ignored.
    func allowOnly(_ known: [String]) {
        guard case .map(let entries) = node.value else { return }
        for e in entries where !known.contains(e.key) {
            diagnostics.warning(
                file, line: e.keyLine,
                "unknown key '\(e.key)' in \(what)\(Suggestion.hint(for: e.key, in: known)); it is ignored")
        }
    }

    func missing(_ key: String, _ hint: String) {
        diagnostics.error(file, line: node.line, "\(what) has no '\(key)'; add \(hint)")
    }

    func string(_ key: String, required hint: String? = nil) -> String? {
        guard let n = node(key) else {
            if let hint { missing(key, hint) }
            return nil
        }
        guard case .scalar(let s, _) = n.value else {
            diagnostics.error(file, n, "'\(key)' of \(what) must be text, found \(n.kindDescription)")
            return nil
        }
        if hint != nil, Fields.isBlank(s) {
            diagnostics.error(file, n, "'\(key)' of \(what) is empty; write \(hint!)")
            return nil
        }
        return s
    }

    /// True when the text is only spaces and tabs (Foundation's `CharacterSet.whitespaces`). ASCII is decided
    /// without the character set, which costs more than the check for every required field of a large campaign.
    static func isBlank(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            if u.isASCII {
                if u == " " || u == "\t" { continue }
                return false
            }
            if !blankScalars.contains(u) { return false }
        }
        return true
    }

    private static let blankScalars = CharacterSet.whitespaces

    func strings(_ key: String, required hint: String? = nil) -> [String]? {
        guard let n = node(key) else {
            if let hint { missing(key, hint) }
            return nil
        }
        switch n.value {
        case .list(let items):
            var out: [String] = []
            for item in items {
                guard case .scalar(let s, _) = item.value else {
                    diagnostics.error(
                        file, item, "'\(key)' of \(what) must list text items, found \(item.kindDescription)")
                    continue
                }
                out.append(s)
            }
            return out
        default:
            diagnostics.error(file, n, "'\(key)' of \(what) must be a list such as [a, b], found \(n.kindDescription)")
            return nil
        }
    }

    /// A finite number; `subject` names whose number it is (default: this mapping's `what`).
    func number(_ node: DataNode, _ label: String, of subject: String? = nil) -> Double? {
        guard case .scalar(let s, let quoted) = node.value, !quoted, let v = Double(s), v.isFinite else {
            let found: String
            switch node.value {
            case .scalar(let s, false) where Double(s) != nil: found = "\(s), which is too large (not a finite number)"
            case .scalar(let s, true): found = "the text \"\(s.prefix(40))\"; write the number without quotes"
            case .scalar(let s, false): found = "'\(s.prefix(40))'"
            default: found = node.kindDescription
            }
            diagnostics.error(file, node, "\(label) of \(subject ?? what) must be a number, found \(found)")
            return nil
        }
        return v
    }

    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required hint: String? = nil) -> E?
    where E.RawValue == String {
        guard let s = string(key, required: hint) else { return nil }
        if let v = E(rawValue: s) { return v }
        let options = E.allCases.map(\.rawValue)
        diagnostics.error(
            file, node(key),
            "'\(key)' of \(what) is '\(s)'; use one of \(options.joined(separator: ", "))\(Suggestion.hint(for: s, in: options))"
        )
        return nil
    }

    func day(_ key: String, required hint: String? = nil) -> Day? {
        guard let s = string(key, required: hint) else { return nil }
        if let d = Day(s) { return d }
        diagnostics.error(
            file, node(key), "'\(key)' of \(what) is '\(s)', not a real date; write YYYY-MM-DD (e.g. 2016-02-23)")
        return nil
    }
}
