import KMapModel

/// One event as a report lists it: its number on the day's map and its quote, or where that quote was printed.
///
/// One sentence of a source often carries several events (a joint attack on a village and two road points);
/// a report prints the sentence once, at its first event, and the later ones point back to it.
public struct ReportEntry: Sendable {
    public let event: Event
    /// The number beside the places it changed on the day's map (the report's composer's: the HTML and Markdown
    /// maps); nil for an event the map gives no number.
    public let number: Int?
    /// nil when this entry prints the quote; otherwise the entry that printed it.
    public let quotedAt: QuotedAt?

    /// Where a quote was printed first: the event (and so its day) and its headline, for a reference a reader
    /// can follow.
    public struct QuotedAt: Sendable {
        public let event: Event
        public let headline: String
    }
}
