import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// Haloed labels and markers laid as masks and sprites look like those drawn on the frame, and what a worker
/// keeps follows what its frames show.
@Suite struct RasterisedItemTests {
    @Test(arguments: [1.0, 2.0])
    func rasterisedLabelsAndMarkersMatchThoseDrawnOnTheFrame(scale: Double) throws {
        let campaign = try CampaignLoader.builtin()
        let day = try #require(Day("2016-02-24"))
        let scene = SceneComposer(campaign: campaign, options: FrameOptions(labels: .both)).scene(
            for: try campaign.state(on: day))
        let masked = try RasterImage(png: CairoSceneRenderer.pngByCairo(scene, scale: scale))
        let stroked = try RasterImage(png: CairoSceneRenderer.pngByCairo(scene, scale: scale, sprites: false))
        var differing = 0
        var worst: UInt32 = 0
        for (a, b) in zip(masked.pixels, stroked.pixels) where a != b {
            differing += 1
            for shift in stride(from: 0, to: 32, by: 8) {
                let d = UInt32(abs(Int((a >> UInt32(shift)) & 0xFF) - Int((b >> UInt32(shift)) & 0xFF)))
                worst = max(worst, d)
            }
        }
        // The coverage of a halo's antialiased edge rounds a little differently on an A8 mask (by up to 44 of 255
        // at 2x, seen); a misplaced or clipped mask would differ by whole steps over many pixels.
        #expect(worst <= 64, "a channel differs by \(worst)")
        #expect(Double(differing) / Double(masked.pixels.count) < 0.01, "\(differing) pixels differ")
    }

    @Test func markersFallOnTheNearestQuarterPixel() {
        for (v, pixel, phase) in [
            (10.0, 10, 0.0), (10.1, 10, 0.0), (10.2, 10, 0.25), (10.9, 11, 0.0), (10.6, 10, 0.5), (-0.3, -1, 0.75),
            (-1.0, -1, 0.0),
        ] {
            let split = MarkerSprites.split(v)
            #expect(split.pixel == pixel && split.phase == phase, "\(v) → \(split)")
            #expect(abs(Double(split.pixel) + split.phase - v) <= 0.125)
        }
    }

    /// Markers that look alike and share a phase share one image, however many places there are.
    @Test func markersOfOneLookAndPhaseShareAnImage() throws {
        func marker(_ x: Double, _ y: Double, fill: Color = .black) -> SceneItem {
            SceneItem(
                id: "\(x),\(y)", layer: .markers,
                symbol: .marker(
                    Marker(
                        shape: .circle, center: Point(x: x, y: y), radius: 5, fill: fill,
                        stroke: Stroke(color: .white, width: 1))))
        }
        let items =
            (0..<50).map { marker(Double(10 + 3 * $0), 40) } + [marker(20.5, 70), marker(30.5, 70)]
            + [marker(60, 70, fill: .white)]
        let scene = Scene(width: 200, height: 100, background: .white, items: items, title: "t", subject: "s")
        let workspace = FrameWorkspace()
        let png = try RasterImage(png: try SceneEncoder.encode(scene, as: .png, workspace: workspace))
        #expect(workspace.markers.count == 3, "one image per look and phase: whole, half, and the white one")
        #expect(png.pixels.count == 200 * 100)
    }

    /// A value lasts `frames` frames after its last use; past `limit` values, only the last frame's stay.
    @Test func keptValuesLastTheirFramesAndNoMoreThanTheLimit() throws {
        let kept = KeptWhileShown<Int, Int>(frames: 3, limit: 5)
        func use(_ keys: [Int]) throws {
            for k in keys { _ = try kept.value(k) { () throws(RenderError) in k } }
            kept.endFrame()
        }
        try use([1, 2])
        try use([2])
        try use([])
        #expect(kept.count == 2, "1 was used two frames ago, 2 one frame ago")
        try use([])
        #expect(kept.count == 1, "1 is three frames old: gone")
        try use([10, 11, 12, 13, 14, 15])
        #expect(kept.count == 6, "past the limit only the last frame's values stay")
        try use([20])
        #expect(kept.count == 1, "seven values: still past the limit, so the six of the frame before go")
        var made = 0
        for key in [20, 10] {
            _ = try kept.value(key) { () throws(RenderError) in
                made += 1
                return 0
            }
        }
        #expect(made == 1, "20 is kept; 10 was dropped and is made again")
    }

    @Test func masksAFrameNoLongerShowsAreDropped() throws {
        let font = Font(family: "DejaVu Sans", size: 14)
        func label(_ text: String) -> SceneItem {
            SceneItem(
                id: text, layer: .labels,
                symbol: .text(
                    TextItem(
                        text: text, origin: Point(x: 20, y: 40), font: font, color: .black, halo: .white,
                        bounds: Rect(x: 20, y: 30, width: 0, height: 0))))
        }
        func scene(_ texts: [String]) -> Scene {
            Scene(width: 200, height: 100, background: .white, items: texts.map(label), title: "t", subject: "s")
        }
        let workspace = FrameWorkspace()
        _ = try SceneEncoder.encode(scene(["a", "b"]), as: .png, workspace: workspace)
        #expect(workspace.haloText.count == 2)
        _ = try SceneEncoder.encode(scene(["c"]), as: .png, workspace: workspace)
        #expect(workspace.haloText.count == 1, "masks the last frame did not use are gone")
        _ = try SceneEncoder.encode(scene(["c", "d"]), as: .png, workspace: workspace)
        #expect(workspace.haloText.count == 2)
    }
}
