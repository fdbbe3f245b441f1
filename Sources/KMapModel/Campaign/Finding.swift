/// A problem in campaign data, located to the line, with how to fix it.
///
/// Loading collects every finding instead of stopping at the first, so `kmap check` can list them all.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    /// The file as the user knows it: a path, or `khanasir-2016/events.yaml` for built-in data.
    public var file: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int?, column: Int? = nil, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `file:line:column: error: message`, the shape editors and CI logs link.
    public var description: String {
        var s = file
        if let line, line > 0 { s += ":\(line)" }
        if let column, column > 0, line != nil { s += ":\(column)" }
        return "\(s): \(severity.rawValue): \(message)"
    }
}
