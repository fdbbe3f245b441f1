/// What every gazetteer feature carries: identity, names and provenance.
public struct FeatureInfo: Sendable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var arabic: String?
    /// A source id from the campaign's `sources`.
    public var source: String
    /// Where in the source (a GeoNames id, a module line, a headline and date).
    public var sourceRef: String?
    public var confidence: LocationConfidence
    public var note: String?
    /// The data file line the feature starts on, for messages.
    public var line: Int

    public init(
        id: String, name: String, aliases: [String] = [], arabic: String? = nil, source: String,
        sourceRef: String? = nil, confidence: LocationConfidence, note: String? = nil, line: Int = 0
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.arabic = arabic
        self.source = source
        self.sourceRef = sourceRef
        self.confidence = confidence
        self.note = note
        self.line = line
    }

    /// Every name a user might type for this feature: id, name, aliases and Arabic.
    public var allNames: [String] { [id, name] + aliases + (arabic.map { [$0] } ?? []) }
}
