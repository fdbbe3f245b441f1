/// The file formats kmap writes.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case png, svg, pdf

    /// The format a path's extension names, if any.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }

    public var fileExtension: String { rawValue }
}
