internal import CYaml
import Foundation
import Yams

/// Reads YAML into a `DataNode`, keeping libyaml's line and column marks.
///
/// Two paths, one result. `fast` first tries `YAMLScanner`, which reads the plain subset of YAML that campaign
/// files use straight from the bytes and declines anything else; then it drives libyaml's event parser directly
/// (`events`) and builds `DataNode`s as the events arrive: no `Yams.Node` tree, no tag resolution (Yams
/// resolves every plain scalar's tag against regular expressions, about 90 % of loading a campaign; `DataNode`
/// only keeps the text and whether it was quoted). It gives up, rather than report, on anything that is an
/// error or that Yams treats specially: a syntax error, a non-text key, a key written twice, a second document.
/// `composed` (Yams' composer, the original reader) then reads the text again, so every message, line and
/// column is Yams' own. Aliases (`*name`) are refused where the fast path meets them, never handed to the
/// composer, which would expand them (nested aliases grow exponentially). `FastYAMLTests` compares the fast
/// path with the composer on good and bad input; `YAMLScannerTests` compares the scanner with `events`.
enum YAMLReader {
    struct Failure: Error, Equatable {
        var message: String
        var line: Int?
        var column: Int?
    }

    static func parse(_ text: String) throws(Failure) -> DataNode? {
        if let read = fast(text) {
            if let (line, column) = read.alias {
                // Refused here, before Yams' composer could expand it: nested aliases grow exponentially
                // ("billion laughs": a 2 KB file, gigabytes of nodes).
                throw Failure(
                    message: "YAML aliases (*name) are not supported in campaign and theme files; write the value out", line: line, column: column)
            }
            return read.node
        }
        return try composed(text)
    }

    /// What the fast path read: `node` is nil for an empty stream, as Yams' `compose` returns.
    struct Read {
        var node: DataNode?
        /// Where the first alias (`*name`) stands, when the text has one; `node` is then nil.
        var alias: (line: Int, column: Int)? = nil
    }

    /// The document read by `YAMLScanner` or else straight from libyaml's events, or nil when `composed`
    /// must decide.
    static func fast(_ text: String) -> Read? {
        if useComposerOnly { return nil }
        if let node = YAMLScanner.read(text) { return Read(node: node) }
        return events(text)
    }

    /// The document read straight from libyaml's events, or nil when `composed` must decide.
    ///
    /// - Complexity: O(bytes + keys) for mappings of up to `linearKeys` keys; larger ones index their keys.
    static func events(_ text: String) -> Read? {
        var text = text
        return text.withUTF8 { bytes -> Read? in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
            defer {
                parser.deallocate()
                event.deallocate()
            }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var reader = EventReader(parser: parser, event: event)
            defer { reader.drop() }
            guard reader.next() == YAML_STREAM_START_EVENT else { return nil }
            reader.drop()
            guard let first = reader.next() else { return nil }
            reader.drop()
            if first == YAML_STREAM_END_EVENT { return Read(node: nil) }
            guard first == YAML_DOCUMENT_START_EVENT, reader.next() != nil, let root = reader.node(),
                reader.next() == YAML_DOCUMENT_END_EVENT
            else {
                if let alias = reader.alias { return Read(node: nil, alias: alias) }
                return nil
            }
            reader.drop()
            guard reader.next() == YAML_STREAM_END_EVENT else { return nil }
            reader.drop()
            return Read(node: root)
        }
    }

    /// Mappings with more keys than this look keys up in a set rather than scanning the entries.
    static let linearKeys = 12

    /// Yams reads UTF-16 when `YAMS_DEFAULT_ENCODING` asks for it; leave such runs to Yams entirely.
    static let useComposerOnly: Bool = {
        guard let value = getenv("YAMS_DEFAULT_ENCODING") else { return false }
        return String(cString: value).lowercased() != "utf8"
    }()

    /// libyaml's parser and the one event it last produced.
    struct EventReader {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let event: UnsafeMutablePointer<yaml_event_t>
        var holding = false
        /// The first alias met, which ends the fast read.
        var alias: (line: Int, column: Int)?

        /// Parses the next event into `event`; nil on a syntax error.
        mutating func next() -> yaml_event_type_t? {
            precondition(!holding, "drop the previous event first")
            guard yaml_parser_parse(parser, event) == 1 else { return nil }
            holding = true
            return event.pointee.type
        }

        /// Frees the held event's strings.
        mutating func drop() {
            if holding { yaml_event_delete(event) }
            holding = false
        }

        /// The node that starts with the held event, read to its end (all its events dropped); nil to fall back.
        mutating func node() -> DataNode? {
            defer { drop() }
            let e = event.pointee
            let line = Int(e.start_mark.line) + 1, column = Int(e.start_mark.column) + 1
            switch e.type {
            case YAML_SCALAR_EVENT:
                let s = e.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                let quoted =
                    s.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || s.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                    || s.style == YAML_LITERAL_SCALAR_STYLE || s.style == YAML_FOLDED_SCALAR_STYLE
                if !quoted, text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" {
                    return DataNode(.null, line: line, column: column)
                }
                return DataNode(.scalar(text, quoted: quoted), line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                drop()
                var items: [DataNode] = []
                while true {
                    guard let type = next() else { return nil }
                    if type == YAML_SEQUENCE_END_EVENT { return DataNode(.list(items), line: line, column: column) }
                    guard let item = node() else { return nil }
                    items.append(item)
                }
            case YAML_MAPPING_START_EVENT:
                drop()
                var entries: [DataNode.Entry] = []
                var keys: Set<String> = []
                while true {
                    guard let type = next() else { return nil }
                    if type == YAML_MAPPING_END_EVENT { return DataNode(.map(entries), line: line, column: column) }
                    // A key that is not text, or text seen before in this mapping, is an error whose exact
                    // message (Yams' duplicate check compares resolved tags too) is the composer's to give.
                    guard type == YAML_SCALAR_EVENT, let key = node(), case .scalar(let name, _) = key.value else { return nil }
                    if entries.count < YAMLReader.linearKeys {
                        if entries.contains(where: { $0.key == name }) { return nil }
                    } else {
                        if keys.isEmpty { keys = Set(entries.map(\.key)) }
                        guard keys.insert(name).inserted else { return nil }
                    }
                    guard next() != nil, let value = node() else { return nil }
                    entries.append(DataNode.Entry(key: name, keyLine: key.line, value: value))
                }
            case YAML_ALIAS_EVENT:
                alias = (line, column)
                return nil
            default:
                return nil
            }
        }
    }

    /// The original reader: Yams' composer, then a conversion of its tree; the messages of every error.
    static func composed(_ text: String) throws(Failure) -> DataNode? {
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
            throw Failure(message: "YAML aliases (*name) are not supported in campaign and theme files; write the value out", line: line, column: column)
        }
    }
}
