/// PROJ refused a projection or a point: what was asked, and PROJ's own reason.
///
/// The command line exits 70 with this message; it names the definition, which carries the view's centre and
/// parallels, and says what to check (the view's latitudes and width, the PROJ installation).
public struct ProjectionError: Error, Sendable, CustomStringConvertible {
    /// The PROJ definition that failed, e.g. `+proj=lcc +lat_1=… …`.
    public var definition: String
    /// What kmap was doing: "creating the projection", "projecting the view's centre (37.2, 36.0)".
    public var operation: String
    /// PROJ's message for its error number.
    public var reason: String

    public var description: String {
        "PROJ failed \(operation) with “\(definition)”: \(reason). Check the view (campaign.yaml `view`, or --view) "
            + "lies within ±85° latitude and spans less than 180° of longitude; PROJ is Debian's libproj-dev."
    }
}
