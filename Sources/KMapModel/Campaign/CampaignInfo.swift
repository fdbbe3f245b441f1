/// A campaign's `campaign.yaml`: what it is called, when and where it happens, and what it rests on.
public struct CampaignInfo: Sendable {
    public var id: String
    /// Prefix of default file names (`khanasir` → `Renders/khanasir-2016-02-23.png`).
    public var slug: String
    public var title: String
    public var start: Day
    public var end: Day
    /// Every coordinate must lie inside.
    public var area: GeoBounds
    /// The frame extent the campaign fixes, if any; nil lets kmap fit the places where control changes
    /// (`Campaign.defaultView`).
    public var view: GeoBounds?
    public var attribution: String
    /// A summary quoted from the main source (its lead), for report covers.
    public var summary: String?
    /// The source id `summary` is quoted from.
    public var summarySource: String?

    /// "2016 Khanasir offensive, Wikipedia": the source of the summary, for its attribution line.
    public var summaryAttribution: String? {
        guard summary != nil, let s = summarySource.flatMap(source) ?? sources.first else { return nil }
        return [s.title, s.publisher].compactMap { $0 }.joined(separator: ", ")
    }
    public var sources: [Source]
    public var supplyRoute: SupplyRoute?
    /// How long evidence lasts before a state is shown weaker (`staleAfter`); nil: it never ages.
    public var staleness: Staleness?
    /// The language of the local-script names `--labels both` shows (`localLanguage`, an ISO 639 code); nil: the
    /// language most places have a name in (`Campaign.localLanguage`).
    public var localLanguage: String?

    /// A document, data set or report that data rests on.
    public struct Source: Sendable, Hashable, Identifiable {
        public var id: String
        public var title: String
        public var publisher: String?
        public var url: String?
        public var licence: String?
        public var note: String?
        /// The day it was published, when known: a source cannot state what happened after it.
        public var date: Day?
        /// For a party to the conflict or its outlet (SANA, Amaq, Al-Masdar, FNA): who it speaks for.
        public var partisan: String?

        public init(
            id: String, title: String, publisher: String? = nil, url: String? = nil, licence: String? = nil,
            note: String? = nil,
            date: Day? = nil, partisan: String? = nil
        ) {
            self.id = id
            self.title = title
            self.publisher = publisher
            self.url = url
            self.licence = licence
            self.note = note
            self.date = date
            self.partisan = partisan
        }
    }

    public struct SupplyRoute: Sendable, Hashable {
        public var name: String
        public var faction: String
        public var from: String
        public var to: String
        /// The lines of `from` and `to` in campaign.yaml, for messages.
        public var fromLine = 0
        public var toLine = 0
        public init(name: String, faction: String, from: String, to: String, fromLine: Int = 0, toLine: Int = 0) {
            self.name = name
            self.faction = faction
            self.from = from
            self.to = to
            self.fromLine = fromLine
            self.toLine = toLine
        }
    }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
    public init(
        id: String, slug: String, title: String, start: Day, end: Day, area: GeoBounds, view: GeoBounds? = nil,
        attribution: String, summary: String? = nil, summarySource: String? = nil, sources: [Source],
        supplyRoute: SupplyRoute? = nil
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.start = start
        self.end = end
        self.area = area
        self.view = view
        self.attribution = attribution
        self.summary = summary
        self.summarySource = summarySource
        self.sources = sources
        self.supplyRoute = supplyRoute
    }
}
