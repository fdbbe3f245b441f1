/// One place's control at an instant, with what it rests on.
public struct PlaceControl: Sendable, Hashable {
    public var placeID: String
    /// The faction holding it.
    public var controller: String
    public var status: ControlStatus
    /// Attackers (contested) or besiegers (besieged); empty when held.
    public var contestedBy: [String]
    /// The day the controller took it (the campaign's start for initial control).
    public var since: Day
    /// The day the current status began.
    public var statusSince: Day
    /// What the current control and status rest on.
    public var basis: Basis

    /// The record behind a place's state: an event, or the initial control.
    public struct Basis: Sendable, Hashable {
        /// The event id (`e12`), or nil for initial control.
        public var eventID: String?
        public var quote: String
        public var source: String
        public var confidence: EventConfidence
        public var line: Int

        public init(eventID: String?, quote: String, source: String, confidence: EventConfidence, line: Int) {
            self.eventID = eventID
            self.quote = quote
            self.source = source
            self.confidence = confidence
            self.line = line
        }

        init(_ event: Event, initial: Bool = false) {
            self.init(
                eventID: initial ? nil : event.id, quote: event.quote, source: event.source,
                confidence: event.confidence, line: event.line)
        }
    }

    /// Whether `faction` can move through the place: it holds it and nobody is fighting for it.
    public func isPassable(for faction: String) -> Bool { controller == faction && status == .held }
}
