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
    /// The weakest link of the basis (aged by the campaign's `staleAfter`), the place's identification and its
    /// position; `unknown` when no evidence covers the instant.
    public var confidence: Confidence = .stated

    /// The controller of a place no source speaks for: never a faction id.
    public static let unknown = "unknown"

    /// Whether any evidence gives its control.
    public var isKnown: Bool { controller != PlaceControl.unknown }

    /// The record behind a place's state: an event, or the initial control.
    public struct Basis: Sendable, Hashable {
        /// The event id (`e12`), or nil for initial control.
        public var eventID: String?
        public var quote: String
        public var source: String
        public var confidence: EventConfidence
        public var line: Int
        /// The day of the evidence: the event's day, or the campaign's start for initial control.
        public var day: Day

        public init(
            eventID: String?, quote: String, source: String, confidence: EventConfidence, line: Int,
            day: Day = Day(ordinal: 0)
        ) {
            self.day = day
            self.eventID = eventID
            self.quote = quote
            self.source = source
            self.confidence = confidence
            self.line = line
        }

        init(_ event: Event, initial: Bool = false) {
            self.init(
                eventID: initial ? nil : event.id, quote: event.quote, source: event.source,
                confidence: event.confidence, line: event.line, day: event.day)
        }
    }

    /// Whether `faction` can move through the place: it holds it and nobody is fighting for it.
    /// An unknown place does not cut a road: a cut needs a source.
    public func isPassable(for faction: String) -> Bool { !isKnown || (controller == faction && status == .held) }
}
