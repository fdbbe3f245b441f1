/// Who held what before the first event.
///
/// A default controller for every place, and exceptions, each with the sentence it rests on.
public struct InitialControl: Sendable, Hashable {
    public var controller: String
    /// The places the default covers: only those its quote speaks of. nil: every place not in `exceptions`
    /// (for campaigns whose opening sentence covers the whole map). Places covered by neither start unknown.
    public var places: [String]?
    public var quote: String
    public var source: String
    public var confidence: EventConfidence
    public var line: Int
    /// Exceptions to the default, as events with `places` and `controller`.
    public var exceptions: [Event]

    public init(
        controller: String, quote: String, source: String, confidence: EventConfidence, line: Int = 0,
        exceptions: [Event] = [], places: [String]? = nil
    ) {
        self.controller = controller
        self.places = places
        self.quote = quote
        self.source = source
        self.confidence = confidence
        self.line = line
        self.exceptions = exceptions
    }
}
