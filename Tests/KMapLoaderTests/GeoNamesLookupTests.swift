import Foundation
import KMapModel
import Testing

@testable import KMapLoader

/// `kmap lookup`'s index (issue 16): the built-in GeoNames extract and GeoNames dumps, searched under any spelling.
@Suite struct GeoNamesLookupTests {
    @Test func theBuiltinExtractFindsPlacesUnderOtherSpellings() throws {
        let index = GeoNamesIndex.builtin()
        #expect(index.entries.count > 5000, "Syria, Iraq, Lebanon, Jordan and Ukraine")
        let palmyra = try #require(index.search("Tadmor").first)
        #expect(palmyra.entry.id == 163808 && palmyra.entry.name == "Tadmur" && palmyra.entry.country == "SY")
        #expect(palmyra.entry.alternates.contains("Palmyra"))
        #expect(index.search("Palmyra", country: "SY").first?.entry.id == 163808, "an alternate name")
        #expect(index.search("Khanaser").first?.entry.id == 168351, "by consonants, as explain matches")
        #expect(index.search("Tadmur", country: "UA").isEmpty)
    }

    @Test func homonymsComeMostPopulousFirst() throws {
        let found = GeoNamesIndex.builtin().search("Balakliia", country: "UA")
        #expect(found.count >= 2)
        #expect(found[0].entry.population >= found[1].entry.population)
        #expect(
            found[0].entry.coordinate.distanceKm(to: Coordinate(lon: 36.86, lat: 49.46)) < 5, "the Kharkiv oblast town")
    }

    @Test func aGeoNamesDumpIsRead() throws {
        // Two lines of the per-country dump format (19 tab-separated columns).
        let dump =
            [
                [
                    "168351", "Khanāşir", "Khanasir", "Khanasser,Khanaser,خناصر", "35.78159", "37.49919", "P", "PPL",
                    "SY", "", "09", "", "", "", "8000", "", "330", "Asia/Damascus", "2012-01-18",
                ],
                [
                    "170063", "Aleppo", "Aleppo", "Halab,Haleb,حلب", "36.20124", "37.16117", "P", "PPLA", "SY", "",
                    "09", "", "", "", "1602264", "", "390", "Asia/Damascus", "2019-09-05",
                ],
            ].map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
        let index = try GeoNamesIndex(text: dump)
        #expect(index.entries.count == 2)
        let k = try #require(index.search("Khanaser").first)
        #expect(k.entry.population == 8000 && k.entry.coordinate == Coordinate(lon: 37.49919, lat: 35.78159))
        #expect(index.search("Halab").first?.entry.name == "Aleppo")
        #expect(throws: ImportError.self) { try GeoNamesIndex(text: "1\tonly\tthree\n") }
    }
}
