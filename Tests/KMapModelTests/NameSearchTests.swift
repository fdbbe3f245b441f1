import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@Suite struct NameSearchTests {
    @Test(arguments: [
        ("Alpha", "alpha"), ("alfa", "alpha"), ("ALPHA", "alpha"), ("tal charlie", "charlie-hill"),
        ("Charlie-Hill", "charlie-hill"),
        ("Test lake", "test-lake"),
    ])
    func findsFeaturesByIdNameOrAlias(_ query: String, _ id: String) throws {
        let g = try CampaignLoader.load(folder: testlandPath).gazetteer
        #expect(g.search(query).map(\.id) == [id])
    }

    @Test func matchesTransliterationsByConsonants() {
        #expect(NameKey("khanaser").skeleton == NameKey("Khanasir").skeleton)
        #expect(NameKey("Rasm al-Nafl").skeleton == NameKey("Rasm Al-Nafal").skeleton)
        #expect(NameKey("Khanāṣir").text == "khanasir")
        #expect(NameKey("zzz").score(against: NameKey("Khanasir")) == 0)
    }
}

/// Found with a 100,000-row import (issue 16): the skeleton collapsed doubled digits, so "Place 11" matched "Place 1".
@Test func doubledDigitsAreNotATransliterationVariant() {
    #expect(NameKey("Place 11").score(against: NameKey("Place 1")) == 0)
    #expect(NameKey("Tal Zaarour").score(against: NameKey("Tal Za'rour")) >= 2)
}

/// NameKey's ASCII fast path folds exactly as Foundation does (`kmap lookup` relies on it for speed).
@Test(arguments: ["Tal Za'rour", "RASM al-Nafal", "Khanasir-2", "Place 11", "a_b c", "Ithriya (east)", "", "--"])
func asciiFoldingMatchesFoundation(_ name: String) {
    let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    let expected = String(
        String.UnicodeScalarView(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
    #expect(NameKey(name).text == expected)
}
