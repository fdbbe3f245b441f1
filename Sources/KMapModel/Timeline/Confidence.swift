/// How sure a place's state is, all links of its chain together: the event, the place's identification and
/// its position.
///
/// A frame is only as good as its weakest link: a capture the article states, of a village a report names
/// only by inference, is inferred. `unknown` means no source gives the place's control at that time (none
/// ever did, or the evidence is older than the campaign's `staleAfter`). Cases are ordered strongest first.
public enum Confidence: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case stated
    case reported
    case inferred
    case unknown

    var rank: Int { Confidence.allCases.firstIndex(of: self)! }

    /// Weaker is greater: `max` of two links is the weakest.
    public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }

    public init(_ event: EventConfidence) {
        switch event {
        case .stated: self = .stated
        case .reported: self = .reported
        case .inferred: self = .inferred
        }
    }

    /// A position weakens a claim only when no source locates the place: an `approximate` point is still
    /// a source's, an `estimate` is ours.
    public init(position: LocationConfidence) {
        self = position == .estimate ? .inferred : .stated
    }

    /// The identification of a counted place ("six other villages") with a named one: the tie's confidence,
    /// or `stated` for a place its source names.
    public init(tie: String?) {
        self = tie.flatMap { Confidence(rawValue: $0) } ?? .stated
    }

    /// Whether a state this sure passes an `--evidence` threshold.
    public func passes(_ threshold: Confidence) -> Bool { self <= threshold }
}

/// How long evidence lasts before a state is shown weaker: a campaign's `staleAfter`.
///
/// Sources speak about a place on some days and are silent on others; a control stated in February is not
/// stated in December. After `inferred` days without new evidence a stated or reported control is shown as
/// inferred; after `unknown` days as unknown.
public struct Staleness: Sendable, Hashable {
    public var inferred: Int
    public var unknown: Int

    public init(inferred: Int, unknown: Int) {
        self.inferred = inferred
        self.unknown = unknown
    }

    /// The confidence of evidence `age` days old that was `confidence` when new.
    public func aged(_ confidence: Confidence, age: Int) -> Confidence {
        if age > unknown { return .unknown }
        if age > inferred { return max(confidence, .inferred) }
        return confidence
    }
}
