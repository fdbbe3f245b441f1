/// What every gazetteer feature carries: identity, names and provenance.
public struct FeatureInfo: Sendable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]
    /// The feature's name in other languages, by language code (`ar`, `uk`, `ru`…): the gazetteer's `names`
    /// (and its older `arabic`, which is `names.ar`). Only names a source wrote; none is transliterated.
    public var names: [String: String]
    /// A source id from the campaign's `sources`.
    public var source: String
    /// Where in the source (a GeoNames id, a module line, a headline and date).
    public var sourceRef: String?
    public var confidence: LocationConfidence
    public var note: String?
    /// The data file line the feature starts on, for messages.
    public var line: Int

    public init(
        id: String, name: String, aliases: [String] = [], arabic: String? = nil, names: [String: String] = [:],
        source: String, sourceRef: String? = nil, confidence: LocationConfidence, note: String? = nil, line: Int = 0
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        var all = names
        if let arabic { all["ar"] = arabic }
        self.names = all
        self.source = source
        self.sourceRef = sourceRef
        self.confidence = confidence
        self.note = note
        self.line = line
    }

    /// The Arabic name (`names["ar"]`), kept for the campaigns and code written before `names`.
    public var arabic: String? {
        get { names["ar"] }
        set { names["ar"] = newValue }
    }

    /// The names in other languages, ordered by language code: the same order in every process.
    public var localNames: [(language: String, name: String)] {
        names.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Every name a user might type for this feature: id, name, aliases and the names in other languages.
    public var allNames: [String] { [id, name] + aliases + localNames.map(\.name) }
}
