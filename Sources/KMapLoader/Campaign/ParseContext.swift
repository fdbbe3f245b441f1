import Foundation
import KMapModel

/// The state of one load: diagnostics, plus what earlier files defined, so later files can be checked
/// against it (events name places from the gazetteer and factions and sources from campaign.yaml).
final class ParseContext {
    let diagnostics: Diagnostics
    /// Source and faction ids from campaign.yaml, once read (empty when it failed to parse).
    var sourceIDs: [String] = []
    var factionIDs: [String] = []
    /// Ids of entries (features, factions, sources) that were written but refused for an error already
    /// reported: a later use of such an id is not "unknown", and saying so would bury the real error.
    var rejectedIDs: Set<String> = []

    init(diagnostics: Diagnostics) { self.diagnostics = diagnostics }

    /// Parses a file as YAML or JSON, reporting a syntax error at its line and refused characters in its texts.
    func root(_ file: CampaignTexts.File, json: Bool) -> DataNode? {
        let node = parse(file, json: json)
        if let node { checkText(node, file: file.name) }
        return node
    }

    private func parse(_ file: CampaignTexts.File, json: Bool) -> DataNode? {
        if file.text.unicodeScalars.allSatisfy({ CharacterSet.whitespacesAndNewlines.contains($0) }) {
            diagnostics.error(file.name, line: nil, "the file is empty; see docs/DATA.md for what it must hold")
            return nil
        }
        if json {
            do {
                return try JSONParser.parse(file.text)
            } catch {
                diagnostics.append(
                    Finding(
                        file: file.name, line: error.line, column: error.column,
                        message: "JSON syntax: \(error.message)"))
                return nil
            }
        }
        do {
            guard let node = try YAMLReader.parse(file.text) else {
                diagnostics.error(file.name, line: nil, "the file holds no YAML document")
                return nil
            }
            return node
        } catch {
            diagnostics.append(Finding(file: file.name, line: error.line, column: error.column, message: error.message))
            return nil
        }
    }

    /// Checks that `id` is one of `known`, reporting it with a suggestion otherwise.
    ///
    /// `line` is worked out only for a report: callers look it up in the record, once per id checked.
    @discardableResult
    func expect(_ id: String, in known: [String], what: String, file: String, line: @autoclosure () -> Int) -> Bool {
        known.contains(id) || report(id, in: known, what: what, file: file, line: line())
    }

    /// `expect` against ids looked up in a set: the events of a large campaign name many places.
    @discardableResult
    func expect(_ id: String, in known: KnownIDs, what: String, file: String, line: @autoclosure () -> Int) -> Bool {
        known.set.contains(id) || report(id, in: known.list, what: what, file: file, line: line())
    }

    private func report(_ id: String, in known: [String], what: String, file: String, line: @autoclosure () -> Int)
        -> Bool
    {
        if rejectedIDs.contains(id) { return false }
        diagnostics.error(file, line: line(), "unknown \(what) '\(id)'\(Suggestion.hint(for: id, in: known))")
        return false
    }

    /// Reports ids used twice.
    func checkUnique(_ ids: [(String, Int)], what: String, file: String) {
        var seen: [String: Int] = [:]
        for (id, line) in ids {
            if let first = seen[id] {
                diagnostics.error(
                    file, line: line, "duplicate \(what) id '\(id)' (first at line \(first)); ids must be unique")
            } else {
                seen[id] = line
            }
        }
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// Ids that references are checked against: a set to look them up, the list for "did you mean" hints.
///
/// 100,000 events naming places of a 10,000-place gazetteer made a linear search the loader's main cost.
struct KnownIDs {
    let list: [String]
    let set: Set<String>

    init(_ list: [String]) {
        self.list = list
        set = Set(list)
    }
}
