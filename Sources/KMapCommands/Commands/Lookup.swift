import ArgumentParser
import Foundation
import KMapLoader
import KMapModel

/// `kmap lookup NAME`: coordinates for a place name, offline, from GeoNames.
///
/// The gazetteer needs a sourced coordinate for every place; this finds candidates under any spelling, with
/// what tells homonyms apart (country, population, distance from the campaign) and the id to cite.
struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find a place's coordinates by any of its names, offline, in GeoNames.",
        discussion: """
            Searches kmap's built-in extract of GeoNames cities500 (Syria, Iraq, Lebanon, Jordan, Ukraine: places \
            of 500 people or more) or, with --geonames, a GeoNames dump (a per-country file such as SY.txt or \
            UA.txt, or cities500.txt, from https://download.geonames.org/export/dump/). Names match ignoring \
            case, accents and punctuation, and failing that vowels ("Tadmor", "Tadmur", "Palmyra"). Data: \
            GeoNames, CC BY 4.0: cite the geonameid as the place's sourceRef.

            Examples:
              kmap lookup Tadmor
              kmap lookup Balakliia --country UA
              kmap lookup "Rasm al-Nafl" --campaign my-war       # distances from the campaign's area
              kmap lookup Khanasir --geonames SY.txt
            """)

    @Argument(help: ArgumentHelp("The place name, in any spelling.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("A GeoNames dump to search instead of the built-in extract.", valueName: "file"))
    var geonames: String?

    @Option(help: ArgumentHelp("Only this country (ISO 3166 alpha-2, e.g. SY).", valueName: "ISO2"))
    var country: String?

    @Option(
        help: ArgumentHelp(
            "Distances from this point, lat,lon (default: the campaign's view centre).", valueName: "lat,lon"))
    var near: String?

    @Option(help: ArgumentHelp("At most this many results.", valueName: "n"))
    var limit: Int = 10

    @OptionGroup var campaignOptions: CampaignOptions

    func run() throws {
        try reportingErrors {
            guard (1...1000).contains(limit) else {
                throw CLIError.usage("--limit \(limit) is out of range; use 1 to 1000")
            }
            let index: GeoNamesIndex
            if let geonames {
                guard let data = FileManager.default.contents(atPath: geonames) else {
                    throw CLIError(message: "\(geonames): no such file or not readable", code: 66)
                }
                do {
                    index = try GeoNamesIndex(text: String(decoding: data, as: UTF8.self))
                } catch let error as ImportError {
                    throw CLIError(message: "\(geonames):\(error.line ?? 1): error: \(error.message)", code: 65)
                }
            } else {
                index = GeoNamesIndex.builtin()
            }
            let origin = try self.origin()
            let matches = index.search(name, country: country?.uppercased(), near: origin?.point, limit: limit)
            Console.out(Self.describe(matches, query: name, origin: origin))
            if matches.isEmpty { throw ExitCode(1) }
        }
    }

    func origin() throws -> (point: Coordinate, label: String)? {
        if let near {
            let n = near.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard n.count == 2, let lat = n[0], let lon = n[1], (-90...90).contains(lat), (-180...180).contains(lon)
            else {
                throw CLIError.usage("--near '\(near)' must be lat,lon in degrees, e.g. --near 35.7,37.5")
            }
            return (Coordinate(lon: lon, lat: lat), "\(lat),\(lon)")
        }
        guard campaignOptions.campaign != nil else { return nil }
        let c = try campaignOptions.load()
        let v = c.info.view ?? c.info.area
        return (
            Coordinate(lon: (v.minLon + v.maxLon) / 2, lat: (v.minLat + v.maxLat) / 2), "the centre of \(c.info.title)"
        )
    }

    static func describe(_ matches: [GeoNamesIndex.Match], query: String, origin: (point: Coordinate, label: String)?)
        -> String
    {
        guard !matches.isEmpty else {
            return "no GeoNames place matches '\(query)'; try another spelling, or --geonames with a country's dump\n"
        }
        var out = ""
        for m in matches {
            let e = m.entry
            out +=
                "\(e.name) (\(e.country)), geonameid \(e.id): [\(e.coordinate.lon), \(e.coordinate.lat)]  population \(e.population)"
            if let origin {
                out += String(format: "  %.1f km from %@", e.coordinate.distanceKm(to: origin.point), origin.label)
            }
            out += "\n"
            if m.matchedName != e.name { out += "  matched: \(m.matchedName)\n" }
            if !e.alternates.isEmpty { out += "  also: \(e.alternates.joined(separator: ", "))\n" }
        }
        return out + "Data: GeoNames (CC BY 4.0).\n"
    }
}
