/// Why a campaign could not be read, or a day not served.
public enum CampaignError: Error, Sendable, CustomStringConvertible {
    /// The folder or a required file does not exist.
    case missing(path: String, what: String)
    /// A file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// The data has errors; every finding is listed.
    case invalid([Finding])
    case dayOutOfRange(Day, start: Day, end: Day, campaign: String)
    case noBuiltin(String, available: [String])

    public var description: String {
        switch self {
        case .missing(let path, let what):
            "\(path): no such \(what); give a campaign folder holding campaign.yaml, gazetteer.geojson and events.yaml"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .invalid(let findings):
            findings.map(\.description).joined(separator: "\n")
                + "\n\(findings.filter { $0.severity == .error }.count) error(s) in the campaign data; fix them and run again"
        case .dayOutOfRange(let day, let start, let end, let campaign):
            "\(day) is outside the \(campaign) campaign, which runs from \(start) to \(end); pick a day in that range"
        case .noBuiltin(let name, let available):
            "no folder '\(name)' here and no built-in campaign of that id; built-in campaigns: \(available.joined(separator: ", ")) (kmap campaigns lists them), or give a folder path\(Suggestion.hint(for: name, in: available))"
        }
    }
}
