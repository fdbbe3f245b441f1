import KMapGazetteer
import KMapTimeline

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
    /// The default frame extent.
    public var view: GeoBounds
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
    }

    public struct SupplyRoute: Sendable, Hashable {
        public var name: String
        public var faction: String
        public var from: String
        public var to: String
        /// The lines of `from` and `to` in campaign.yaml, for messages.
        public var fromLine = 0
        public var toLine = 0
    }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
}
