import Foundation

/// A CSV or TSV file as a header and rows of fields, each row with the line it starts on.
///
/// Spreadsheet exports (and ACLED's) are RFC 4180: fields in double quotes may hold the separator, doubled
/// quotes and line breaks, as ACLED's `notes` often do; splitting on commas would cut them apart.
public struct DelimitedTable: Sendable {
    public struct Row: Sendable {
        /// The line the row starts on (1 is the header).
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var rows: [Row]

    /// Parses `text`, separated by `separator` (`,` or tab); a byte order mark and blank lines are ignored.
    public init(_ text: String, separator: Character) throws(ImportError) {
        var records: [Row] = []
        var field = ""
        var fields: [String] = []
        var quoted = false
        var wasQuoted = false
        var line = 1
        var start = 1
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        chars.append("\n")
        var i = 0
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
                records.append(Row(line: start, fields: fields))
            }
            fields = []
            field = ""
            wasQuoted = false
        }
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
                wasQuoted = true
            } else if c == separator {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                endRecord()
                line += 1
                start = line
            } else {
                field.append(c)
            }
            i += 1
        }
        if quoted { throw ImportError(line: start, "a quoted field is never closed (a '\"' is missing)") }
        guard let first = records.first else {
            throw ImportError(line: 1, "the file is empty; the first line must name the columns")
        }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = Array(records.dropFirst())
        for row in rows where row.fields.count != header.count {
            throw ImportError(
                line: row.line,
                "this row has \(row.fields.count) fields but the header has \(header.count); quote fields that hold a '\(separator == "\t" ? "tab" : String(separator))'"
            )
        }
    }
}

/// A problem with an import file, at a line, with the fix.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var line: Int?
    public var message: String
    public init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }
    public var description: String { message }
}
