internal import CYaml
import Foundation
import KMapModel

/// Reads YAML into a `DataNode` from libyaml's events, with libyaml's line and column marks.
///
/// One pass over the events builds the tree: no `Yams.Node`, no tag resolution (Yams resolves every plain
/// scalar's tag against regular expressions; `DataNode` keeps only the text and whether it was quoted).
/// Errors carry the mark libyaml gives (syntax) or the node's own (a key that is not text, a key written twice,
/// an alias, a second document). Aliases are refused where they stand, never expanded: nested aliases grow
/// exponentially ("billion laughs": a 2 KB file, gigabytes of nodes).
enum YAMLReader {
    struct Failure: Error, Equatable {
        var message: String
        var line: Int?
        var column: Int?
    }

    /// The document in `text`, or nil for an empty stream.
    ///
    /// - Complexity: O(bytes + keys) for mappings of up to `linearKeys` keys; larger ones index their keys.
    static func parse(_ text: String) throws(Failure) -> DataNode? {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(Failure) -> DataNode? in try read(bytes) } }.get()
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> DataNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else {
            throw Failure(message: "YAML: out of memory", line: nil, column: nil)
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        var reader = EventReader(parser: parser, event: event)
        defer { reader.drop() }
        _ = try reader.next()  // stream start
        reader.drop()
        let first = try reader.next()
        reader.drop()
        if first == YAML_STREAM_END_EVENT { return nil }
        _ = try reader.next()
        let root = try reader.node()
        _ = try reader.next()  // document end
        reader.drop()
        if try reader.next() == YAML_DOCUMENT_START_EVENT {
            throw Failure(
                message: "a second YAML document ('---') follows the first; a campaign file holds one",
                line: reader.line, column: reader.column)
        }
        return root
    }

    /// Mappings with more keys than this look keys up in a set rather than scanning the entries.
    static let linearKeys = 12

    /// libyaml's parser and the one event it last produced.
    struct EventReader {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let event: UnsafeMutablePointer<yaml_event_t>
        var holding = false

        /// Where the held event starts, counted from 1.
        var line: Int { Int(event.pointee.start_mark.line) + 1 }
        var column: Int { Int(event.pointee.start_mark.column) + 1 }

        /// Parses the next event into `event`, or throws libyaml's problem at its mark.
        mutating func next() throws(Failure) -> yaml_event_type_t {
            precondition(!holding, "drop the previous event first")
            guard yaml_parser_parse(parser, event) == 1 else { throw syntaxError() }
            holding = true
            return event.pointee.type
        }

        /// libyaml's description of why it stopped, where it stopped.
        func syntaxError() -> Failure {
            let p = parser.pointee
            let problem = p.problem.map { String(cString: $0) } ?? "cannot parse"
            if p.error == YAML_READER_ERROR {
                return Failure(
                    message: "cannot read the text: \(problem); save the file as UTF-8", line: nil, column: nil)
            }
            let context = p.context.map { " (\(String(cString: $0)) at line \(Int(p.context_mark.line) + 1))" } ?? ""
            return Failure(
                message: "YAML syntax: \(problem)\(context)", line: Int(p.problem_mark.line) + 1,
                column: Int(p.problem_mark.column) + 1)
        }

        /// Frees the held event's strings.
        mutating func drop() {
            if holding { yaml_event_delete(event) }
            holding = false
        }

        /// The node that starts with the held event, read to its end (all its events dropped).
        mutating func node() throws(Failure) -> DataNode {
            defer { drop() }
            let e = event.pointee
            let line = line
            let column = column
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
                while try next() != YAML_SEQUENCE_END_EVENT { items.append(try node()) }
                return DataNode(.list(items), line: line, column: column)
            case YAML_MAPPING_START_EVENT:
                drop()
                var entries: [DataNode.Entry] = []
                var keys: Set<String> = []
                while try next() != YAML_MAPPING_END_EVENT {
                    let keyLine = self.line
                    let keyColumn = self.column
                    guard event.pointee.type == YAML_SCALAR_EVENT, case .scalar(let name, _) = try node().value else {
                        throw Failure(message: "a mapping key must be plain text", line: keyLine, column: keyColumn)
                    }
                    let seen: Bool
                    if entries.count < YAMLReader.linearKeys {
                        seen = entries.contains { $0.key == name }
                    } else {
                        if keys.isEmpty { keys = Set(entries.map(\.key)) }
                        seen = !keys.insert(name).inserted
                    }
                    if seen, let first = entries.first(where: { $0.key == name }) {
                        throw Failure(
                            message:
                                "the key '\(name)' appears twice in one mapping (first at line \(first.keyLine)); keep one",
                            line: keyLine,
                            column: keyColumn)
                    }
                    _ = try next()
                    entries.append(DataNode.Entry(key: name, keyLine: keyLine, value: try node()))
                }
                return DataNode(.map(entries), line: line, column: column)
            case YAML_ALIAS_EVENT:
                throw Failure(
                    message: "YAML aliases (*name) are not supported in campaign and theme files; write the value out",
                    line: line, column: column)
            default:
                throw Failure(message: "YAML: unexpected event", line: line, column: column)
            }
        }
    }
}
