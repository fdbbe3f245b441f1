import KMapCompose
import Testing

@testable import KMapLoader

/// Built-in themes: the YAML users copy, and the value composers default to.
@Suite struct ThemeTests {
    @Test func theStandardThemeIsTheWikipediaThemesYAML() throws {
        var parsed = try ThemeLoader.resolve("wikipedia")
        parsed.name = Theme.standard.name
        #expect(parsed == Theme.standard)
    }

    @Test func aFontThatIsNotInstalledIsRefusedAtItsLine() throws {
        let yaml = "name: mine\nfont: Comic Sanz\n"
        #expect(throws: ThemeError.self) {
            try ThemeLoader.parse(yaml, name: "mine.yaml", fonts: ["DejaVu Sans", "Comic Sans"])
        }
        do {
            _ = try ThemeLoader.parse(yaml, name: "mine.yaml", fonts: ["DejaVu Sans", "Comic Sans"])
        } catch {
            #expect(error.description.contains("mine.yaml:2:7"))
            #expect(error.description.contains("use one of: Comic Sans, DejaVu Sans"))
        }
        #expect(try ThemeLoader.parse(yaml, name: "mine.yaml").fontFamily == "Comic Sanz")
    }
}
