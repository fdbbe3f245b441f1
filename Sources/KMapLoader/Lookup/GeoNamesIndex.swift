import Foundation
import KMapModel

/// Places from GeoNames, searchable by any of their names offline: the built-in extract or a GeoNames dump.
///
/// A new campaign's first hour goes into finding coordinates for names spelled five ways; GeoNames lists the
/// spellings, and the transliteration-tolerant `NameKey` matches them as `kmap explain` matches a campaign's.
public struct GeoNamesIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: Int
        public var name: String
        public var coordinate: Coordinate
        public var country: String
        public var population: Int
        public var alternates: [String]
    }

    /// A match: the entry, how well it matched (3 letters, 2 consonants, 1 contained) and the name it matched.
    public struct Match: Sendable, Hashable {
        public var entry: Entry
        public var score: Int
        public var matchedName: String
    }

    public var entries: [Entry]

    /// The built-in extract (Geo/geonames/cities500-extract.tsv, embedded).
    public static func builtin() -> GeoNamesIndex {
        let encoded = EmbeddedCampaigns.files["geonames/cities500-extract.tsv"] ?? ""
        return (try? GeoNamesIndex(text: String(decoding: Data(base64Encoded: encoded) ?? Data(), as: UTF8.self)))
            ?? GeoNamesIndex(entries: [])
    }

    init(entries: [Entry]) { self.entries = entries }

    /// Parses kmap's extract (7 columns) or a GeoNames dump (`SY.txt`, `cities500.txt`: 19 columns).
    public init(text: String) throws(ImportError) {
        var out: [Entry] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated()
        where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let entry: Entry?
            switch f.count {
            case 7:
                entry = Self.entry(
                    id: f[0], name: f[1], lat: f[2], lon: f[3], country: f[4], population: f[5], alternates: f[6])
            case 19:
                // geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code,
                // country code, cc2, admin1–4, population, elevation, dem, timezone, modification date.
                entry = Self.entry(
                    id: f[0], name: f[1], lat: f[4], lon: f[5], country: f[8], population: f[14], alternates: f[3],
                    ascii: f[2])
            default:
                entry = nil
            }
            guard let entry else {
                throw ImportError(
                    line: n + 1,
                    "not a GeoNames line (\(f.count) tab-separated fields; a dump such as SY.txt or cities500.txt has 19)"
                )
            }
            out.append(entry)
        }
        entries = out
    }

    static func entry(
        id: String, name: String, lat: String, lon: String, country: String, population: String, alternates: String,
        ascii: String? = nil
    ) -> Entry? {
        guard let id = Int(id), let lat = Double(lat), let lon = Double(lon) else { return nil }
        var alts = alternates.split(separator: ",").map(String.init)
        if let ascii, ascii != name { alts.insert(ascii, at: 0) }
        return Entry(
            id: id, name: name, coordinate: Coordinate(lon: lon, lat: lat), country: country,
            population: Int(population) ?? 0, alternates: alts)
    }

    /// Entries matching `query` by the best kind of match any has, most populous first (then nearest to `near`).
    ///
    /// - Complexity: O(entries × names): a scan, about 40,000 names for the built-in extract.
    public func search(_ query: String, country: String? = nil, near: Coordinate? = nil, limit: Int = 10) -> [Match] {
        let key = NameKey(query)
        var matches: [Match] = []
        for e in entries where country == nil || e.country == country {
            var best = (0, "")
            for name in [e.name] + e.alternates {
                let s = key.score(against: NameKey(name))
                if s > best.0 { best = (s, name) }
                if s == 3 { break }
            }
            if best.0 > 0 { matches.append(Match(entry: e, score: best.0, matchedName: best.1)) }
        }
        guard let top = matches.map(\.score).max() else { return [] }
        return matches.filter { $0.score == top }.sorted {
            if let near, $0.entry.population == $1.entry.population {
                return $0.entry.coordinate.distanceKm(to: near) < $1.entry.coordinate.distanceKm(to: near)
            }
            return ($0.entry.population, $1.entry.id) > ($1.entry.population, $0.entry.id)
        }.prefix(limit).map { $0 }
    }
}
