/// Documents that share most of their lines, stored once: a table of distinct lines and, per document, runs into it.
///
/// A campaign's daily maps differ in a few lines (the date, the markers that changed, the changes panel), so
/// storing every distinct line once and each day as runs of line numbers keeps a year of SVG maps to about the
/// size of a few maps. Lines are numbered in order of first appearance, so a day much like the one before is a
/// handful of runs.
public struct LineTable: Sendable {
    /// Every distinct line, in order of first appearance.
    public private(set) var lines: [String] = []
    /// Per document: pairs of (first line number, count), flattened.
    public private(set) var documents: [[Int]] = []
    private var numbers: [String: Int] = [:]

    public init() {}

    /// Adds a document (split at line feeds; no line feed survives inside a line).
    public mutating func add(_ text: String) {
        var runs: [Int] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let key = String(line)
            let number: Int
            if let known = numbers[key] {
                number = known
            } else {
                number = lines.count
                numbers[key] = number
                lines.append(key)
            }
            if runs.count >= 2, runs[runs.count - 2] + runs[runs.count - 1] == number {
                runs[runs.count - 1] += 1
            } else {
                runs += [number, 1]
            }
        }
        documents.append(runs)
    }

    /// The document as added (what the viewer's script rebuilds).
    public func document(_ i: Int) -> String {
        var out: [String] = []
        let runs = documents[i]
        for k in stride(from: 0, to: runs.count, by: 2) { out += lines[runs[k]..<(runs[k] + runs[k + 1])] }
        return out.joined(separator: "\n")
    }
}
