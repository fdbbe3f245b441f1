import Yams

/// Reads YAML into a `DataNode` through Yams' composer, keeping libyaml's line and column marks.
enum YAMLReader {
    struct Failure: Error {
        var message: String
        var line: Int?
        var column: Int?
    }

    static func parse(_ text: String) throws(Failure) -> DataNode? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let where_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
                throw Failure(message: "YAML syntax: \(problem)\(where_)", line: mark.line, column: mark.column)
            case .duplicatedKeysInMapping(let duplicates, let context):
                let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                throw Failure(
                    message: "the key \(keys) appears more than once in one mapping (first here); keep one",
                    line: context.mark.line, column: context.mark.column)
            case .reader(let problem, _, _, _):
                throw Failure(message: "cannot read the text: \(problem); save the file as UTF-8", line: nil, column: nil)
            default:
                throw Failure(message: "YAML: \(error)", line: nil, column: nil)
            }
        } catch {
            throw Failure(message: "YAML: \(error)", line: nil, column: nil)
        }
        guard let node else { return nil }
        return try convert(node)
    }

    private static func convert(_ node: Node) throws(Failure) -> DataNode {
        let line = node.mark?.line ?? 0
        let column = node.mark?.column ?? 0
        switch node {
        case .scalar(let s):
            let quoted = s.style == .singleQuoted || s.style == .doubleQuoted || s.style == .literal || s.style == .folded
            if !quoted, ["", "~", "null", "Null", "NULL"].contains(s.string) {
                return DataNode(.null, line: line, column: column)
            }
            return DataNode(.scalar(s.string, quoted: quoted), line: line, column: column)
        case .mapping(let m):
            var entries: [DataNode.Entry] = []
            for (k, v) in m {
                guard case .scalar(let key) = k else {
                    throw Failure(message: "a mapping key must be plain text", line: k.mark?.line, column: k.mark?.column)
                }
                if entries.contains(where: { $0.key == key.string }) {
                    throw Failure(message: "the key '\(key.string)' appears twice in one mapping; keep one", line: k.mark?.line, column: k.mark?.column)
                }
                entries.append(DataNode.Entry(key: key.string, keyLine: k.mark?.line ?? line, value: try convert(v)))
            }
            return DataNode(.map(entries), line: line, column: column)
        case .sequence(let s):
            var items: [DataNode] = []
            for item in s { items.append(try convert(item)) }
            return DataNode(.list(items), line: line, column: column)
        case .alias:
            throw Failure(message: "YAML aliases (*name) are not supported in campaign files; write the value out", line: line, column: column)
        }
    }
}
