import KMapModel

/// Parses a YAML or JSON document into `DataNode`s with positions, for other modules' data files (themes).
public enum DataDocument {
    /// The document's root, or `CampaignError.invalid` with the syntax error located in `name`.
    public static func parse(_ text: String, name: String, json: Bool = false) throws(CampaignError) -> DataNode {
        let diagnostics = Diagnostics()
        guard let node = ParseContext(diagnostics: diagnostics).root(.init(name: name, text: text), json: json) else {
            throw .invalid(diagnostics.findings)
        }
        return node
    }
}

extension DataNode {
    /// The text of a scalar node.
    public var scalarText: String? {
        if case .scalar(let s, _) = value { return s }
        return nil
    }

    /// The entries of a mapping node, in order.
    public var entries: [Entry]? {
        if case .map(let e) = value { return e }
        return nil
    }
}
