import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// kmap's own PNG writer gives the same decoded pixels as Cairo's, opaque and transparent.
@Suite struct FastPNGTests {
    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.builtin() }

    static let days = ["2016-02-21", "2016-02-23", "2016-02-26", "2016-03-01"]

    func scene(_ day: String, transparent: Bool, zones: Double? = nil) throws -> Scene {
        let composer = SceneComposer(
            campaign: campaign, options: FrameOptions(transparent: transparent, zoneRadiusKm: zones))
        let d = try #require(Day(day))
        return composer.scene(
            for: try campaign.state(on: d), previous: campaign.timeline.state(at: Instant.endOf(d.adding(days: -1))))
    }

    func expectSamePixels(_ scene: Scene, scale: Double = 1, alpha: Bool) throws {
        let cairo = try CairoSceneRenderer.pngByCairo(scene, scale: scale)
        let fast = try SceneEncoder.encode(scene, as: .png, options: EncodingOptions(scale: scale))
        let a = try RasterImage(png: cairo)
        let b = try RasterImage(png: fast)
        #expect(a.width == b.width && a.height == b.height)
        #expect(a.pixels == b.pixels, "decoded pixels differ from Cairo's writer")
        // Colour type (byte 25 of a PNG): 2 RGB, 6 RGBA; the fast writer picks as Cairo does.
        #expect(fast[25] == cairo[25])
        #expect(fast[25] == (alpha ? 6 : 2))
    }

    @Test(arguments: days) func opaqueFramesDecodeToCairosPixels(day: String) throws {
        try expectSamePixels(try scene(day, transparent: false), alpha: false)
    }

    @Test(arguments: days) func transparentFramesDecodeToCairosPixels(day: String) throws {
        try expectSamePixels(try scene(day, transparent: true), alpha: true)
    }

    @Test func zonesAndHiDPIDecodeToCairosPixels() throws {
        try expectSamePixels(try scene("2016-02-24", transparent: true, zones: 5), scale: 2, alpha: true)
        try expectSamePixels(try scene("2016-02-24", transparent: false, zones: 5), scale: 2, alpha: false)
    }

    @Test func fastFilesAreNoLargerOnOpaqueMaps() throws {
        for day in Self.days {
            let s = try scene(day, transparent: false)
            let cairo = try CairoSceneRenderer.pngByCairo(s)
            let fast = try SceneEncoder.encode(s, as: .png)
            #expect(fast.count <= cairo.count, "\(day): fast \(fast.count) bytes, Cairo \(cairo.count)")
        }
    }

    @Test func semiTransparentPixelsUnpremultiplyAsCairoDoes() throws {
        // Every alpha level over a colour ramp: the rounding of un-premultiplication must match Cairo's exactly.
        var items: [SceneItem] = []
        for i in 0..<256 {
            let c = Color(r: Double(i) / 255, g: Double(255 - i) / 255, b: 0.5, a: Double(i) / 255)
            items.append(
                SceneItem(
                    id: "r\(i)", layer: .zones,
                    symbol: .rect(Rect(x: Double(i), y: 0, width: 1, height: 8), fill: c, stroke: nil)))
        }
        let s = Scene(width: 400, height: 300, background: nil, items: items, title: "ramp", subject: "test")
        try expectSamePixels(s, alpha: true)
    }
}
