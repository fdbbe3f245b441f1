import KMapModel

/// A parsed JSON or YAML value that remembers where it was written.
///
/// Both formats are read into this one tree so that a single decoding layer turns it into campaign values,
/// and every message can name the file, line and column to fix.
public struct DataNode: Sendable {
    public enum Value: Sendable {
        case map([Entry])
        case list([DataNode])
        /// Text of a string, number or boolean; `quoted` when the source wrote it as a string.
        case scalar(String, quoted: Bool)
        case null
    }

    public struct Entry: Sendable {
        public var key: String
        public var keyLine: Int
        public var value: DataNode
    }

    public var value: Value
    /// 1-based.
    public var line: Int
    /// 1-based, in Unicode scalars.
    public var column: Int

    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// What kind of value this is, for messages: "a list", "a string".
    public var kindDescription: String {
        switch value {
        case .map: "a mapping"
        case .list: "a list"
        case .scalar(_, let quoted): quoted ? "a string" : "a value"
        case .null: "nothing (null)"
        }
    }

    public subscript(key: String) -> DataNode? {
        guard case .map(let entries) = value else { return nil }
        // An index loop: `first(where:)` copied each entry it passed (its key and value retained, then released).
        for i in entries.indices where entries[i].key == key { return entries[i].value }
        return nil
    }
}
