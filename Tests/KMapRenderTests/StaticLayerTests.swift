internal import CCairo
import Foundation
import KMapCampaign
import KMapTimeline
import Testing
@testable import KMapRender

/// Frames drawn from the static-layer image (`LayerCache`) are byte for byte the frames drawn whole, and the
/// footprints that decide what may stay cached hold every pixel an item touches.
@Suite struct StaticLayerTests {
    static let campaign = Result { try CampaignLoader.builtin() }

    /// Consecutive days of kmap's own frame with `options`.
    static func sequence(_ options: FrameOptions, from first: String, days: Int) throws -> [Scene] {
        let campaign = try campaign.get()
        let composer = SceneComposer(campaign: campaign, options: options)
        let start = try #require(Day(first))
        return try (0..<days).map { k in
            let d = start.adding(days: k)
            return composer.scene(for: try campaign.state(on: d), previous: campaign.timeline.state(at: Instant.endOf(d.adding(days: -1))))
        }
    }

    /// The benchmark's reference frames (`Scripts/bench/campaign`): what the cache is for.
    static func referenceSequence(frames: Int) throws -> [Scene] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let campaign = try CampaignLoader.load(folder: root.appendingPathComponent("Scripts/bench/campaign").path)
        return (0..<frames).map { f in
            let state = campaign.timeline.state(at: Instant.endOf(campaign.info.start.adding(days: f)))
            return ReferenceScene.scene(campaign: campaign, state: state, frame: f)
        }
    }

    static let configurations: [(name: String, options: FrameOptions, scale: Double)] = [
        ("opaque", FrameOptions(), 1),
        ("transparent", FrameOptions(transparent: true), 1),
        // Transparent frames with zones are where an earlier attempt at this cache went wrong by one bit.
        ("transparent with zones", FrameOptions(transparent: true, zoneRadiusKm: 5), 1),
        ("zones at 2x", FrameOptions(width: 800, height: 600, zoneRadiusKm: 5), 2),
        ("Arabic labels", FrameOptions(width: 800, height: 600, labels: .both), 1),
    ]

    /// Renders `scenes` on one workspace with the cache (forced to try on every frame) and on one without.
    static func compare(_ scenes: [Scene], scale: Double, writer: PNGWriter = .fast, _ name: String) throws -> LayerCache {
        let cached = FrameWorkspace(), plain = FrameWorkspace()
        cached.layers.neverGiveUp = true
        for (k, scene) in scenes.enumerated() {
            let a = try CairoSceneRenderer.renderPNG(scene, scale: scale, pngWriter: writer, staticLayers: true, in: cached)
            let b = try CairoSceneRenderer.renderPNG(scene, scale: scale, pngWriter: writer, staticLayers: false, in: plain)
            // A Bool, not `a == b` inside #expect: on failure the macro would diff two 100 KB arrays for minutes.
            let same = a == b
            #expect(same, "\(name), frame \(k): the frame drawn from the static-layer image differs from the whole frame")
        }
        return cached.layers
    }

    @Test(arguments: 0..<configurations.count) func cachedFramesAreTheWholeFrames(_ c: Int) throws {
        let (name, options, scale) = Self.configurations[c]
        let scenes = try Self.sequence(options, from: "2016-02-21", days: 12)
        let layers = try Self.compare(scenes, scale: scale, name)
        // The test proves something only if frames were drawn from the cache.
        // 3, not 5, since issue 18: unknown places and sourced losses change more of each day's frame.
        #expect(layers.framesFromCache >= 3, "\(name): only \(layers.framesFromCache) frames used the cache")
    }

    @Test(arguments: PNGWriter.allCases) func referenceFramesFromTheCacheAreTheWholeFrames(writer: PNGWriter) throws {
        let layers = try Self.compare(try Self.referenceSequence(frames: 16), scale: 1, writer: writer, "reference, \(writer) writer")
        #expect(layers.framesFromCache >= 10)
        #expect(layers.imagesBuilt >= 1)
    }

    @Test func aSequenceThatJumpsAroundStillGivesTheWholeFrames() throws {
        // Days out of order and a day twice: ids change back and forth, the cache must follow.
        let scenes = try Self.sequence(FrameOptions(transparent: true, zoneRadiusKm: 5), from: "2016-02-21", days: 10)
        let order = [0, 1, 2, 3, 3, 9, 2, 4, 5, 6, 7, 8, 0, 1]
        _ = try Self.compare(order.map { scenes[$0] }, scale: 1, "jumping")
    }

    /// Each item drawn alone on a whole frame changes no pixel outside its measured footprint, and no item
    /// needs the "everywhere" fallback (which would silently stop the cache from helping).
    @Test(arguments: [0, 2, 4]) func footprintsHoldEveryTouchedPixel(_ c: Int) throws {
        let (name, options, scale) = Self.configurations[c]
        var scenes = try Self.sequence(options, from: "2016-02-22", days: 1)
        if c == 0 { scenes += try Self.referenceSequence(frames: 1) }
        for scene in scenes {
            let w = Int32((scene.width * scale).rounded()), h = Int32((scene.height * scale).rounded())
            let evenOdd = CairoSceneRenderer.evenOddBefore(scene.items)
            let zeros = [UInt8](repeating: 0, count: Int(w) * Int(h) * 4)
            for (i, item) in scene.items.enumerated() {
                let print = Footprint.measure(item, evenOdd: evenOdd[i], scale: scale)
                #expect(!print.everywhere, "\(name): \(item.id) escaped its estimated bounds")
                if print.everywhere { continue }
                let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)!
                defer { cairo_surface_destroy(surface) }
                let cr = cairo_create(surface)!
                cairo_scale(cr, scale, scale)
                CairoSceneRenderer.prepare(cr)
                cairo_set_fill_rule(cr, evenOdd[i] ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
                CairoSceneRenderer.draw(item, on: cr)
                cairo_destroy(cr)
                // Clear the footprint; nothing may be left.
                let maskStride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_A8, w))
                let mask = cairo_image_surface_create(CAIRO_FORMAT_A8, w, h)!
                defer { cairo_surface_destroy(mask) }
                cairo_surface_flush(mask)
                let bytes = cairo_image_surface_get_data(mask)!
                for k in 0..<print.rows where print.y0 + k >= 0 && print.y0 + k < Int(h) {
                    var r = Int(print.rowStart[k])
                    while r < Int(print.rowStart[k + 1]) {
                        for x in max(0, Int(print.runs[r]))..<min(Int(w), Int(print.runs[r + 1])) {
                            bytes[(print.y0 + k) * maskStride + x] = 255
                        }
                        r += 2
                    }
                }
                cairo_surface_mark_dirty(mask)
                let clear = cairo_create(surface)!
                cairo_set_operator(clear, CAIRO_OPERATOR_CLEAR)
                cairo_mask_surface(clear, mask, 0, 0)
                cairo_destroy(clear)
                cairo_surface_flush(surface)
                let left = memcmp(cairo_image_surface_get_data(surface), zeros, zeros.count)
                #expect(left == 0, "\(name): \(item.id) touched pixels outside its footprint")
            }
        }
    }

    @Test func footprintsIntersectOnlyWhereBothTouch() {
        func rect(_ x: Double, _ y: Double) -> SceneItem {
            SceneItem(id: "r", layer: .zones, symbol: .rect(Rect(x: x, y: y, width: 10, height: 10), fill: .black, stroke: nil))
        }
        let a = Footprint.measure(rect(10, 10), evenOdd: false, scale: 1)
        #expect(a.intersects(Footprint.measure(rect(15, 15), evenOdd: false, scale: 1)))
        // One pixel apart still counts (the footprint is widened by a pixel); well apart does not.
        #expect(a.intersects(Footprint.measure(rect(21, 10), evenOdd: false, scale: 1)))
        #expect(!a.intersects(Footprint.measure(rect(24, 10), evenOdd: false, scale: 1)))
        #expect(!a.intersects(Footprint.measure(rect(10, 40), evenOdd: false, scale: 1)))
        #expect(Footprint.unbounded.intersects(a))
        // The runs hold the widened square: (9...21) on rows 9...21, nothing beyond.
        #expect(a.touches(x: 9, y: 9) && a.touches(x: 20, y: 20))
        #expect(!a.touches(x: 8, y: 15) && !a.touches(x: 15, y: 22) && !a.touches(x: 22, y: 15))
    }

    @Test func footprintsAreHeldForTwoFramesNotForTheSequence() throws {
        // Found by review: a zone that changes colour every frame, under settled labels, kept a footprint per
        // colour for the whole sequence (3 MB a frame at 2x).
        func scene(_ k: Int) -> Scene {
            let tint = Color(r: 1, g: Double(k % 50) / 50, b: 0.5, a: 0.3)
            var items = [
                SceneItem(
                    id: "zone", layer: .zones,
                    symbol: .polygon(rings: [[Point(x: 0, y: 0), Point(x: 150, y: 0), Point(x: 150, y: 200), Point(x: 0, y: 200)]], fill: tint, stroke: nil))
            ]
            for i in 0..<6 {
                let t = TextItem(
                    text: "Label \(i)", origin: Point(x: 100, y: 30 + Double(i) * 25), font: Font(family: "DejaVu Sans", size: 13),
                    color: .black, halo: .white, bounds: Rect(x: 100, y: 20, width: 60, height: 14))
                items.append(SceneItem(id: "label:\(i)", layer: .labels, symbol: .text(t)))
            }
            return Scene(width: 300, height: 200, background: nil, items: items, title: "zone", subject: "test")
        }
        let layers = try Self.compare((0..<30).map(scene), scale: 1, "changing zone")
        #expect(layers.framesFromCache > 0)
        #expect(layers.heldFootprints <= 2 * 7, "\(layers.heldFootprints) footprints held after 30 frames")
    }

    @Test func itemsFarOutsideTheFrameAreNotMeasured() {
        // A line of 2e10 pixels: the scratch surface cannot be made, and converting the box to integers would
        // trap; the item counts as touching everything.
        let far = SceneItem(
            id: "far", layer: .roads,
            symbol: .polyline(points: [Point(x: -1e10, y: -1e10), Point(x: 1e10, y: 1e10)], stroke: Stroke(color: .black, width: 2)))
        #expect(Footprint.measure(far, evenOdd: false, scale: 1).everywhere)
        let nan = SceneItem(id: "nan", layer: .roads, symbol: .rect(Rect(x: .nan, y: 0, width: 5, height: 5), fill: .black, stroke: nil))
        #expect(Footprint.measure(nan, evenOdd: false, scale: 1).everywhere)
    }

    @Test func aSequenceWithAnItemFarOutsideTheFrameStillGivesTheWholeFrames() throws {
        // Found by review: a fresh, changing item far outside the frame before a settled one trapped.
        func scene(_ k: Int) -> Scene {
            let gray = Color(r: Double(k) / 10, g: 0.5, b: 0.5, a: 1)
            var items = [
                SceneItem(
                    id: "far", layer: .roads,
                    symbol: .polyline(points: [Point(x: -1e10, y: -1e10), Point(x: 1e10, y: 1e10)], stroke: Stroke(color: gray, width: 2)))
            ]
            for i in 0..<8 {
                let t = TextItem(
                    text: "Label \(i)", origin: Point(x: 20, y: 30 + Double(i) * 20), font: Font(family: "DejaVu Sans", size: 13),
                    color: .black, halo: .white, bounds: Rect(x: 20, y: 20, width: 60, height: 14))
                items.append(SceneItem(id: "label:\(i)", layer: .labels, symbol: .text(t)))
            }
            return Scene(width: 200, height: 200, background: .white, items: items, title: "far", subject: "test")
        }
        // The far line counts as touching everything, so only the background can stay cached; the frames must
        // still be the whole frames, and drawing them must not trap.
        _ = try Self.compare((0..<6).map(scene), scale: 1, "far")
    }
}
