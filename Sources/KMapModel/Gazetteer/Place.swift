/// A point place: a town, a village, a hill, an oil field.
public struct Place: Sendable, Hashable, Identifiable {
    public var info: FeatureInfo
    public var kind: PlaceKind
    public var coordinate: Coordinate
    /// For places a source only counts ("six other villages"): which sentence this one is tied to.
    public var tie: Tie?

    public init(info: FeatureInfo, kind: PlaceKind, coordinate: Coordinate, tie: Tie? = nil) {
        self.info = info
        self.kind = kind
        self.coordinate = coordinate
        self.tie = tie
    }

    public var id: String { info.id }
    public var name: String { info.name }

    /// Why a place that the article only counts is believed to be one of those counted.
    public struct Tie: Sendable, Hashable {
        /// The article's sentence, verbatim.
        public var sentence: String
        /// The source id that names this place for that sentence.
        public var source: String
        /// `stated`, `reported` or `inferred`.
        public var confidence: String

        public init(sentence: String, source: String, confidence: String) {
            self.sentence = sentence
            self.source = source
            self.confidence = confidence
        }
    }
}
