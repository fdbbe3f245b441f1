/// How a place is held.
public enum ControlStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Its controller holds it.
    case held
    /// Fighting inside it: "re-entered", "breached", "advancing to the central district". The controller is
    /// unchanged until a source says the place was taken.
    case contested
    /// Surrounded; the controller is unchanged.
    case besieged
}

/// How sure an event is.
public enum EventConfidence: String, Sendable, Hashable, CaseIterable, Codable {
    /// The source says it.
    case stated
    /// The source attributes it ("reportedly").
    case reported
    /// Implied, e.g. a loss only implied by a later recapture.
    case inferred
}

/// A reported reopening of a road to traffic, which changes no control.
///
/// A road clear of enemy points is only `cleared` until a source reports it reopened.
public enum Traffic: String, Sendable, Hashable, CaseIterable, Codable {
    case reopened
}
