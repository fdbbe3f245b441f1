/// How sure a coordinate is.
///
/// `estimate` positions are drawn so a reader can tell them from sourced ones.
public enum LocationConfidence: String, Sendable, Hashable, CaseIterable, Codable {
    /// A gazetteer point for this very place.
    case exact
    /// A source places it, coarsely or by description.
    case approximate
    /// No source locates it; the data's note says how it was placed.
    case estimate
}
