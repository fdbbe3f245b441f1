import Foundation
import KMapCompose
import KMapModel

/// A new campaign folder's files (`kmap init`): valid as written, with comments that teach the format.
///
/// A new user learns the format from the files in front of them, not from docs/DATA.md alone: every key is
/// written with a comment saying what it holds, and what is optional is written commented out. The folder
/// passes `kmap check` before anything is added, so every later error is the user's newest edit.
public struct CampaignTemplate: Sendable {
    /// One side: `id:Name:#rrggbb` on the command line.
    public struct FactionSpec: Sendable, Hashable {
        public var id: String
        public var name: String
        public var color: String
    }

    public var id: String
    public var title: String
    public var start: Day
    public var end: Day
    public var factions: [FactionSpec]
    /// ISO 3166-1 alpha-2, upper case; nil when not given.
    public var country: String?
    public var area: GeoBounds

    public init(
        id: String, title: String, start: Day, end: Day, factions: [FactionSpec], country: String?, area: GeoBounds
    ) {
        self.id = id
        self.title = title
        self.start = start
        self.end = end
        self.factions = factions
        self.country = country
        self.area = area
    }

    /// A faction from `id:Name` or `id:Name:#rrggbb`; without a colour, the `index`th colour-blind-safe colour.
    /// The message of a thrown error says what to write instead.
    public static func faction(_ text: String, index: Int) throws(TemplateError) -> FactionSpec {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var color = Theme.fallbackPalette[index % Theme.fallbackPalette.count]
        if parts.count >= 3, parts.last!.hasPrefix("#") { color = parts.removeLast().lowercased() }
        guard parts.count >= 2 else {
            throw TemplateError(
                "--faction '\(text)' needs an id and a name: write id:Name or id:Name:#rrggbb, e.g. government:Syrian government:#e3242b"
            )
        }
        let id = parts[0]
        let name = parts.dropFirst().joined(separator: ":").trimmingCharacters(in: .whitespaces)
        guard ParseContext.isValidID(id) else {
            throw TemplateError("--faction '\(text)': the id '\(id)' may hold only a-z, 0-9 and '-'")
        }
        guard !name.isEmpty else { throw TemplateError("--faction '\(text)': the name is empty") }
        guard ParseContext.isHexColor(color) else {
            throw TemplateError("--faction '\(text)': the colour '\(color)' must be #rrggbb")
        }
        return FactionSpec(id: id, name: name, color: color)
    }

    /// A campaign id from a folder name: "Palmyra 2016" → "palmyra-2016".
    public static func id(forFolder name: String) -> String {
        let lowered = name.lowercased().map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? $0 : "-" }
        let id = String(lowered).split(separator: "-").joined(separator: "-")
        return id.isEmpty ? "campaign" : id
    }

    /// The built-in inset outline for a country, when kmap has one (Syria's, from the Khanasir campaign).
    static func locator(for country: String?) -> (text: String, area: GeoBounds, sources: [CampaignInfo.Source])? {
        guard country == "SY", let khanasir = try? CampaignLoader.builtin(),
            let encoded = EmbeddedCampaigns.files["\(CampaignLoader.defaultBuiltin)/\(CampaignLoader.locatorFile)"],
            let data = Data(base64Encoded: encoded),
            let focus = khanasir.locator?.countries.first(where: { $0.isFocus })
        else { return nil }
        let points = focus.polygons.flatMap { $0.flatMap { $0 } }
        // Rounded outward to a tenth of a degree: a box a person can read and widen.
        func down(_ v: Double) -> Double { (v * 10).rounded(.down) / 10 }
        func up(_ v: Double) -> Double { (v * 10).rounded(.up) / 10 }
        let area = GeoBounds(
            minLon: down(points.map(\.lon).min()!), minLat: down(points.map(\.lat).min()!),
            maxLon: up(points.map(\.lon).max()!),
            maxLat: up(points.map(\.lat).max()!))
        let sources = ["naturalearth", "geonames"].compactMap { khanasir.info.source($0) }
        return (String(decoding: data, as: UTF8.self), area, sources)
    }

    /// The default area for a country: its outline's box when kmap has one (SY), else the box of the country's
    /// places in the built-in GeoNames extract (Iraq, Lebanon, Jordan, Ukraine); nil for any other country.
    public static func area(for country: String?) -> GeoBounds? {
        if let known = locator(for: country)?.area { return known }
        guard let country else { return nil }
        let points = GeoNamesIndex.builtin().entries.filter { $0.country == country }.map(\.coordinate)
        guard !points.isEmpty else { return nil }
        func down(_ v: Double) -> Double { (v * 10).rounded(.down) / 10 - 0.1 }
        func up(_ v: Double) -> Double { (v * 10).rounded(.up) / 10 + 0.1 }
        return GeoBounds(
            minLon: down(points.map(\.lon).min()!), minLat: down(points.map(\.lat).min()!),
            maxLon: up(points.map(\.lon).max()!),
            maxLat: up(points.map(\.lat).max()!))
    }
}

/// A `kmap init` argument that cannot make a campaign, with what to write instead.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
