/// One dated statement of a source, and what it changes.
///
/// An event with places but neither `controller` nor `status` is narrative: it is on record (and shown by
/// `kmap timeline`) but changes no control.
public struct Event: Sendable, Hashable, Identifiable {
    /// Position in the events file (0-based); breaks ties between events at the same instant.
    public var index: Int
    public var day: Day
    /// nil when the source gives no time: the event then belongs to its day, after the events the source tells
    /// before it and before those it tells after it.
    public var time: TimeOfDay?
    /// The source's own words for the time ("Throughout the morning"), printed instead of a clock time.
    public var when: String?
    public var places: [String]
    /// How many more places the source counts without naming them ("six other villages"): on record, but
    /// nothing on the map can change for them.
    public var unnamed: Int
    public var controller: String?
    public var status: ControlStatus?
    /// The forces acting; for `contested` and `besieged`, the attackers.
    public var by: [String]
    /// With `traffic`: the roads reopened. With `unnamed` and `controller`: the roads the unnamed places lie on.
    public var roads: [String]
    public var traffic: Traffic?
    public var quote: String
    public var source: String
    /// Further sources reporting the same (source ids): primary reports behind the main source's sentence.
    public var citations: [String]
    public var confidence: EventConfidence
    public var note: String?
    /// The line of the events file the event starts on.
    public var line: Int

    public init(
        index: Int, day: Day, time: TimeOfDay? = nil, places: [String], unnamed: Int = 0, controller: String? = nil,
        status: ControlStatus? = nil, by: [String] = [], roads: [String] = [], traffic: Traffic? = nil,
        quote: String, source: String, confidence: EventConfidence, note: String? = nil, line: Int = 0,
        when: String? = nil,
        citations: [String] = []
    ) {
        self.when = when
        self.citations = citations
        self.index = index
        self.day = day
        self.time = time
        self.places = places
        self.unnamed = unnamed
        self.controller = controller
        self.status = status
        self.by = by
        self.roads = roads
        self.traffic = traffic
        self.quote = quote
        self.source = source
        self.confidence = confidence
        self.note = note
        self.line = line
    }

    /// `e<n>`: the event's position in its file, counting from 1.
    public var id: String { "e\(index + 1)" }

    /// When it applies: its time, or the end of its day.
    public var instant: Instant { Instant(day: day, time: time ?? .endOfDay) }

    /// The time as the source gives it: its words, else the clock time written in the data, else
    /// "time not stated". Never an hour the source did not give.
    public var timeWords: String {
        if let when { return "“\(when)”" }
        return time.map { "\($0)" } ?? "time not stated"
    }

    /// Whether it changes control (rather than only being on record).
    public var changesControl: Bool { !places.isEmpty && (controller != nil || status != nil) }
}
