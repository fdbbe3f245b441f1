import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// Frames of the Kharkiv 2022 campaign: labels per language, its own colours, its country's inset and ground.
@Suite struct KharkivFrameTests {
    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.builtin("kharkiv-2022") }

    func scene(_ d: String, options: FrameOptions = FrameOptions()) throws -> Scene {
        let day = try #require(Day(d))
        let composer = SceneComposer(campaign: campaign, options: options)
        return composer.scene(for: try campaign.state(on: day), previous: campaign.stateBefore(day))
    }

    func label(_ id: String, in scene: Scene) throws -> String {
        guard case .text(let t) = try #require(scene.item("label:\(id)")).symbol else {
            Issue.record("label:\(id) is not text")
            return ""
        }
        return t.text
    }

    @Test(arguments: [
        (LabelLanguage.english, "Izium"), (.local("uk"), "Ізюм"), (.local("ru"), "Изюм"), (.both, "Izium\nІзюм"),
    ])
    func labelsInTheLanguageAsked(_ labels: LabelLanguage, _ expected: String) throws {
        let scene = try scene("2022-09-10", options: FrameOptions(labels: labels))
        #expect(try label("izium", in: scene) == expected)
    }

    /// A place with no name in the language keeps its English one (GeoNames gives Drobysheve only in Russian).
    @Test func aMissingNameFallsBackToEnglish() throws {
        let scene = try scene("2022-10-01", options: FrameOptions(labels: .local("uk")))
        #expect(try label("drobysheve", in: scene) == "Drobysheve")
        #expect(try label("lyman", in: scene) == "Лиман")
    }

    /// Every Ukrainian label is in Cyrillic where the gazetteer has a Ukrainian name.
    @Test func ukrainianLabelsAreCyrillic() throws {
        let scene = try scene("2022-09-10", options: FrameOptions(labels: .local("uk")))
        for place in campaign.gazetteer.places {
            guard let uk = place.info.names["uk"], scene.item("label:\(place.id)") != nil else { continue }
            #expect(try label(place.id, in: scene) == uk)
        }
    }

    /// On a small frame, names with no room go to the legend's key, in the language of the labels.
    @Test func theKeyOfUnlabelledPlacesUsesTheLabelLanguage() throws {
        let scene = try scene("2022-10-01", options: FrameOptions(width: 640, height: 480, labels: .local("uk")))
        let keyed = scene.items.compactMap { item -> String? in
            guard item.id.hasPrefix("key:"), case .text(let t) = item.symbol else { return nil }
            return t.text
        }
        #expect(!keyed.isEmpty, "a 640x480 frame of 1 October keys some names")
        for entry in keyed {
            #expect(entry.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(entry)")
        }
        #expect(
            LabelLanguage.both.singleLine(name: "Lyman", names: ["uk": "Лиман"], localLanguage: "uk") == "Lyman / Лиман"
        )
    }

    /// A marker's title (the SVG <title>, the viewer's hover) names the place in English and Ukrainian.
    @Test func markerTitlesCarryTheLocalName() throws {
        let scene = try scene("2022-09-10")
        let title = try #require(scene.item("place:izium")?.title)
        #expect(title.hasPrefix("Izium (Ізюм): Ukraine, held since 10 September 2022"))
    }

    @Test func theLabelLanguageParsesFromTheCommandLine() {
        #expect(LabelLanguage(rawValue: "en") == .english)
        #expect(LabelLanguage(rawValue: "uk") == .local("uk"))
        #expect(LabelLanguage(rawValue: "ar") == .arabic)
        #expect(LabelLanguage(rawValue: "both") == .both)
        #expect(LabelLanguage(rawValue: "Ukrainian") == nil)
        #expect(LabelLanguage(rawValue: "u") == nil)
        #expect(LabelLanguage.local("ru").rawValue == "ru")
    }

    /// Ukraine blue and Russia red reach the pixels, with Ukraine in the inset.
    @Test func drawsItsOwnColoursWithUkrainesInset() throws {
        let day = try #require(Day("2022-09-10"))
        let composer = SceneComposer(campaign: campaign)
        let scene = composer.scene(for: try campaign.state(on: day), previous: campaign.stateBefore(day))
        let image = try RasterImage(png: SceneEncoder.encode(scene, as: .png))
        func colour(_ id: String) throws -> Color {
            let place = try #require(campaign.gazetteer.place(id))
            return try #require(image.color(at: composer.projection.project(place.coordinate)))
        }
        let blue = try #require(Color(hex: "#1f5fbf"))
        let red = try #require(Color(hex: "#d62828"))
        let izium = try colour("izium")
        let lyman = try colour("lyman")
        #expect(izium.isClose(to: blue), "Izium, Ukrainian: \(izium.hex)")
        #expect(lyman.isClose(to: red), "Lyman, Russian: \(lyman.hex)")
        let countries = campaign.locator?.countries ?? []
        let focus = try #require(countries.first { $0.isFocus })
        #expect(focus.name == "Ukraine")
        #expect(scene.items(in: .furniture).contains { $0.id.hasPrefix("inset:country:\(focus.id)") })
    }
}
