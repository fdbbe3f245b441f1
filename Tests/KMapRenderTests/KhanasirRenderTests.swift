import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// The built-in campaign drawn and probed: what a reader sees at Khanasir.
@Suite struct KhanasirRenderTests {
    let campaign: Campaign
    let composer: SceneComposer
    init() throws {
        campaign = try CampaignLoader.builtin()
        composer = SceneComposer(campaign: campaign)
    }

    func png(_ day: String) throws -> RasterImage {
        let state = try campaign.state(on: try #require(Day(day)))
        return try RasterImage(png: SceneEncoder.encode(composer.scene(for: state), as: .png))
    }

    func factionColor(_ id: String) throws -> Color {
        let faction = try #require(campaign.faction(id))
        let hex = try #require(faction.color)
        return try #require(Color(hex: hex))
    }

    func khanasir() throws -> Point {
        composer.projection.project(try #require(campaign.gazetteer.place("khanasir")).coordinate)
    }

    @Test func khanasirIsDrawnInISILColourOn23February() throws {
        let image = try png("2016-02-23")
        #expect(image.width == 1600 && image.height == 1200)
        let isil = try factionColor("isil")
        let pixel = try #require(image.color(at: try khanasir()))
        #expect(pixel.isClose(to: isil), "found \(pixel.hex), expected \(isil.hex)")
    }

    @Test func khanasirIsDrawnInGovernmentColourOn25February() throws {
        let image = try png("2016-02-25")
        let government = try factionColor("government")
        let pixel = try #require(image.color(at: try khanasir()))
        #expect(pixel.isClose(to: government), "found \(pixel.hex), expected \(government.hex)")
    }

    @Test func contestedKhanasirOn24FebruaryShowsBothColours() throws {
        let state = try campaign.state(on: try #require(Day("2016-02-24")))
        #expect(state["khanasir"]?.status == .contested)
        let image = try png("2016-02-24")
        let c = try khanasir()
        let left = try #require(image.color(at: Point(x: c.x - 4, y: c.y)))
        let right = try #require(image.color(at: Point(x: c.x + 4, y: c.y)))
        #expect(left.isClose(to: try factionColor("isil")), "holder half: \(left.hex)")
        #expect(right.isClose(to: try factionColor("government")), "attacker half: \(right.hex)")
    }

    @Test(arguments: OutputFormat.allCases)
    func twoRendersAreByteIdentical(_ format: OutputFormat) throws {
        let state = try campaign.state(on: try #require(Day("2016-02-23")))
        let a = try SceneEncoder.encode(composer.scene(for: state), as: format)
        let b = try SceneEncoder.encode(SceneComposer(campaign: campaign).scene(for: state), as: format)
        #expect(a.count > 1000)
        #expect(a.count == b.count && a.elementsEqual(b), "two renders differ")
    }

    @Test func everyFormatHasItsSignatureAndSize() throws {
        let scene = composer.scene(for: try campaign.state(on: try #require(Day("2016-02-23"))))
        let png = try SceneEncoder.encode(scene, as: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let svg = String(decoding: try SceneEncoder.encode(scene, as: .svg), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("width=\"1600px\"") || svg.contains("width=\"1600\""))
        let pdf = String(decoding: try SceneEncoder.encode(scene, as: .pdf), as: UTF8.self)
        #expect(pdf.hasPrefix("%PDF-"))
        #expect(pdf.contains("/MediaBox [ 0 0 1200 900 ]"))
    }
}
