/// A loaded, validated campaign: metadata, factions, gazetteer and timeline.
public struct Campaign: Sendable {
    public let info: CampaignInfo
    public let factions: [Faction]
    public let gazetteer: Gazetteer
    public let timeline: Timeline
    /// Where it was read from, for messages: a folder path, or "built-in khanasir-2016".
    public let origin: String
    /// Warnings found while loading (errors stop the load).
    public let warnings: [Finding]
    /// The names its files go by in messages.
    public let files: Files
    /// The inset locator map's outlines: `locator.geojson`, or else the context's countries.
    public let locator: Locator?
    /// The ground around the campaign, when it has `context.geojson`.
    public let context: Context?
    /// Whether `locator` comes from the context's countries (no `locator.geojson`): the frame credits the context.
    public let locatorFromContext: Bool
    /// Every language code some feature has a name in (`names`), sorted: what `--labels LANG` may ask for.
    public let nameLanguages: [String]
    /// The language of the local-script names `--labels both` (and marker titles) show beside English: the
    /// campaign's `localLanguage`, or else the language the most places have a name in (ties to the earlier
    /// code); nil when no place has one. Computed once here, since every frame asks for it per place.
    public let localLanguage: String?

    public struct Files: Sendable {
        public var campaign: String
        public var gazetteer: String
        public var events: String
        public init(campaign: String, gazetteer: String, events: String) {
            self.campaign = campaign
            self.gazetteer = gazetteer
            self.events = events
        }
    }

    public init(
        info: CampaignInfo, factions: [Faction], gazetteer: Gazetteer, timeline: Timeline, origin: String,
        warnings: [Finding],
        locator: Locator? = nil, context: Context? = nil, files: Files
    ) {
        self.locator = locator ?? context?.locator
        self.locatorFromContext = locator == nil && context?.locator != nil
        self.context = context
        self.files = files
        self.info = info
        self.factions = factions
        self.gazetteer = gazetteer
        self.timeline = timeline
        self.origin = origin
        self.warnings = warnings
        nameLanguages = Self.nameLanguages(in: gazetteer)
        localLanguage = info.localLanguage ?? Self.commonestLanguage(in: gazetteer)
    }

    public func faction(_ id: String) -> Faction? { factions.first { $0.id == id } }

    /// The day checked against the campaign's span.
    public func validate(_ day: Day) throws(CampaignError) -> Day {
        guard day >= info.start, day <= info.end else {
            throw .dayOutOfRange(day, start: info.start, end: info.end, campaign: info.title)
        }
        return day
    }

    /// Control at the end of `day`, or at `time` on it.
    public func state(on day: Day, at time: TimeOfDay = .endOfDay) throws(CampaignError) -> ControlState {
        timeline.state(at: Instant(day: try validate(day), time: time))
    }

    /// Control at the end of the day before `day` (the initial control for the first day): what a frame of
    /// `day` shows changes against.
    public func stateBefore(_ day: Day) -> ControlState {
        timeline.state(at: .endOf(day.adding(days: -1)))
    }

    /// Day number within the campaign: its first day is day 1.
    public func dayNumber(_ day: Day) -> Int { day.days(since: info.start) + 1 }
}
