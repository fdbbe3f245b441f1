/// Who held what before the first event.
///
/// A default controller for every place, and exceptions, each with the sentence it rests on.
public struct InitialControl: Sendable, Hashable {
    public var controller: String
    public var quote: String
    public var source: String
    public var confidence: EventConfidence
    public var line: Int
    /// Exceptions to the default, as events with `places` and `controller`.
    public var exceptions: [Event]

    public init(controller: String, quote: String, source: String, confidence: EventConfidence, line: Int = 0, exceptions: [Event] = []) {
        self.controller = controller
        self.quote = quote
        self.source = source
        self.confidence = confidence
        self.line = line
        self.exceptions = exceptions
    }
}
