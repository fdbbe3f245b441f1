import KMapModel

/// One input row as a control change, in kmap's terms, before it is matched to the campaign.
///
/// Both readers (a plain table, an ACLED export) produce these, so matching places, mapping actors and merging
/// into the campaign are written once. A row that cannot become a record is a `Skip` with its reason.
public struct ImportRecord: Sendable, Hashable {
    /// The line of the row in the input file.
    public var line: Int
    /// What identifies the row across re-imports: ACLED's event_id_cnty, or the row's own content.
    public var ref: String
    public var day: Day
    public var time: String?
    public var place: String
    public var lat: Double?
    public var lon: Double?
    /// A faction id, or (ACLED) an actor name that the actor map turns into one.
    public var controller: String
    public var isActor: Bool
    public var status: String?
    public var by: [String] = []
    public var quote: String
    /// A source id of the campaign, or (with `url`) one to add.
    public var source: String
    public var sourceTitle: String?
    public var url: String?
    public var confidence: String
    public var positionConfidence: String
    public var note: String?
}

/// A row left out, and why.
public struct ImportSkip: Sendable, Hashable {
    public var line: Int
    public var reason: String
}
