internal import CCairo
import Foundation

/// Static layers drawn once per sequence: the background, the lake, the roads, the labels and the legend do
/// not change from day to day, so a workspace keeps an image of them and a frame copies it and draws only the
/// rest (`CairoSceneRenderer.renderPNG`).
///
/// The frame must come out byte for byte as if drawn whole, and Cairo's OVER is not associative in 8-bit
/// arithmetic: a label cannot be laid over a marker drawn after it. So an item is cached only when
///
/// - it is *settled*: its id had the same value in every frame this workspace drew since the cache was
///   started (an id that changed once, a marker that changed colour, today's title, stays out for good), and
/// - no item drawn before it in the frame, and not cached, touches a pixel it touches (`Footprint`).
///
/// Then, for every pixel, the cached items that touch it come before the fresh ones that touch it, in frame
/// order, and each item's effect on a pixel depends only on that pixel: drawing the cached ones into the image
/// first changes nothing. Fresh items are drawn with the Cairo state they have in the whole frame (the fill
/// rule is the only state one item leaves to the next). Surfaces are never in Cairo's "clear" state when drawn
/// on, whole frame or not (`FrameWorkspace.imageSurface`), since Cairo draws the first operation on a clear
/// surface through a different path whose rounding differs in the last bit.
///
/// The image is rebuilt when the set of cached items changes and the new set has held for two frames in a
/// row, and only when it holds enough work to be worth a copy of the frame (`copyWeight`). Measuring the
/// footprints of items never seen before costs about what drawing them does; a workspace whose cached items
/// saved less than the copies and the measuring cost over four frames in a row stops trying (kmap's own frame
/// changes its panel, badges and glows every day and gains little). A workspace
/// belongs to one frame at a time, so the cache needs no lock; which frames a workspace happens to draw
/// changes only how much is cached, never a byte of the output.
final class LayerCache {
    /// Frames drawn from the cached image, and images built: for tests and benchmarks.
    private(set) var framesFromCache = 0
    private(set) var imagesBuilt = 0

    private var geometry: Geometry?
    private var image: OpaquePointer?
    /// The image's content: its background and items, in frame order, with their fill rule.
    private var baked: Content?
    /// The candidate set of the previous frame, to rebuild only when a set repeats.
    private var lastChoice: Content?
    /// Every id's value in the previous frame, and the ids that changed at least once.
    private var previous: [String: SceneItem] = [:]
    private var unsettled: Set<String> = []
    /// Footprints used by this frame and by the previous one: kept no longer, so that memory follows what a frame
    /// holds, not the length of the sequence (every new colour of a changing zone is a new item).
    private var footprints: [FootprintKey: Footprint] = [:]
    private var olderFootprints: [FootprintKey: Footprint] = [:]
    /// Footprints held between frames (for tests).
    var heldFootprints: Int { footprints.count + olderFootprints.count }
    /// What measuring new footprints cost this frame, in `weight` units, and the balance of the last frames:
    /// what caching saved minus what it cost. A workspace whose frames change too much to gain stops trying.
    private var measuredWeight = 0.0
    private var balance: [Double] = []
    private(set) var gaveUp = false
    /// Tests set it so that every frame of a sequence is drawn from the cache where possible.
    var neverGiveUp = false

    private struct Geometry: Equatable {
        var width: Int32, height: Int32, scale: Double
    }

    private struct Content: Equatable {
        var background: Color?
        var items: [SceneItem]
        var evenOdd: [Bool]
    }

    private struct FootprintKey: Hashable {
        var item: SceneItem
        var evenOdd: Bool
    }

    /// A copy of the frame's cost that caching must save at least, in `weight` units (a haloed label is 1).
    static let copyWeight = 3.0

    deinit {
        if let image { cairo_surface_destroy(image) }
    }

    /// Prepares `surface` (a `width`×`height` ARGB32 image at `scale`) for `scene`: when the cached image
    /// serves, copies it in and returns the indices of the items still to draw, with every item's fill rule in
    /// the whole frame (`CairoSceneRenderer.evenOddBefore`, worked out once here); otherwise returns nil and the
    /// whole frame is to be drawn. Either way it remembers the scene for the next frame.
    func prepare(
        _ scene: Scene, on surface: OpaquePointer, width: Int32, height: Int32, scale: Double
    ) -> (fresh: [Int], evenOdd: [Bool])? {
        let here = Geometry(width: width, height: height, scale: scale)
        if geometry != here { reset(here) }
        defer {
            remember(scene)
            olderFootprints = footprints
            footprints = [:]
        }
        guard !previous.isEmpty, !gaveUp else { return nil }
        measuredWeight = 0

        let evenOdd = CairoSceneRenderer.evenOddBefore(scene.items)
        var fresh: [Int] = [], cached: [Int] = []
        // Footprints of fresh items are measured only when a settled item after them needs the test.
        var freshPrints: [Footprint] = []
        for (i, item) in scene.items.enumerated() {
            if !unsettled.contains(item.id), previous[item.id] == item {
                if fresh.count > freshPrints.count {
                    for k in fresh[freshPrints.count...] { freshPrints.append(footprint(scene.items[k], evenOdd[k], scale)) }
                }
                if freshPrints.isEmpty {
                    cached.append(i)
                    continue
                }
                let print = footprint(item, evenOdd[i], scale)
                if !freshPrints.contains(where: { $0.intersects(print) }) {
                    cached.append(i)
                    continue
                }
            }
            fresh.append(i)
        }
        let choice = Content(background: scene.background, items: cached.map { scene.items[$0] }, evenOdd: cached.map { evenOdd[$0] })
        defer { lastChoice = choice }
        // Judged over 4 frames: the first frames of a sequence measure every item once.
        let saved = Self.weight(choice.items)
        balance.append(saved - Self.copyWeight - measuredWeight)
        if balance.count > 4 { balance.removeFirst() }
        if balance.count == 4, balance.reduce(0, +) <= 0, !neverGiveUp {
            gaveUp = true
            return nil
        }
        if choice != baked {
            guard choice == lastChoice, neverGiveUp || saved >= Self.copyWeight, build(choice) else { return nil }
        }
        guard let image else { return nil }
        copy(image, into: surface)
        framesFromCache += 1
        return (fresh, evenOdd)
    }

    private func reset(_ g: Geometry) {
        geometry = g
        if let image { cairo_surface_destroy(image) }
        image = nil
        baked = nil
        lastChoice = nil
        balance = []
        gaveUp = false
        previous = [:]
        unsettled = []
        olderFootprints = [:]
    }

    private func remember(_ scene: Scene) {
        var now: [String: SceneItem] = [:]
        now.reserveCapacity(scene.items.count)
        for item in scene.items where now.updateValue(item, forKey: item.id) != nil {
            unsettled.insert(item.id)  // an id used twice in one frame is never treated as one item
        }
        if !previous.isEmpty {
            for (id, item) in now where previous[id] != item { unsettled.insert(id) }
            for id in previous.keys where now[id] == nil { unsettled.insert(id) }
        }
        previous = now
    }

    private func footprint(_ item: SceneItem, _ evenOdd: Bool, _ scale: Double) -> Footprint {
        let key = FootprintKey(item: item, evenOdd: evenOdd)
        if let known = footprints[key] { return known }
        if let known = olderFootprints[key] {
            footprints[key] = known
            return known
        }
        let measured = Footprint.measure(item, evenOdd: evenOdd, scale: scale)
        measuredWeight += Self.weight([item])
        footprints[key] = measured
        return measured
    }

    /// Roughly what drawing the items costs, a haloed label being 1: whether a cached image saves more than the
    /// copy of the frame that using it costs.
    static func weight(_ items: [SceneItem]) -> Double {
        items.reduce(0) { sum, item in
            switch item.symbol {
            case .text(let t): sum + (t.halo != nil ? 1 : 0.4)
            case .polygon(let rings, _, _): sum + 0.2 + Double(rings.reduce(0) { $0 + $1.count }) / 400
            case .polyline(let points, _): sum + 0.2 + Double(points.count) / 400
            case .marker: sum + 0.1
            case .rect: sum + 0.05
            }
        }
    }

    /// Draws `content` into the cached image; false if Cairo failed (the frame is then drawn whole).
    private func build(_ content: Content) -> Bool {
        guard let g = geometry else { return false }
        if image == nil {
            let fresh = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, g.width, g.height)!
            guard cairo_surface_status(fresh) == CAIRO_STATUS_SUCCESS else {
                cairo_surface_destroy(fresh)
                return false
            }
            image = fresh
        }
        let cr = cairo_create(image)!
        cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR)
        cairo_paint(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
        cairo_surface_mark_dirty(image)  // not "clear": see the type's comment
        cairo_scale(cr, g.scale, g.scale)
        CairoSceneRenderer.paintBackground(content.background, cr)
        CairoSceneRenderer.prepare(cr)
        for (item, evenOdd) in zip(content.items, content.evenOdd) {
            cairo_set_fill_rule(cr, evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
            CairoSceneRenderer.draw(item, on: cr)
        }
        let ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS
        cairo_destroy(cr)
        cairo_surface_flush(image)
        baked = ok ? content : nil
        if ok { imagesBuilt += 1 }
        return ok
    }

    private func copy(_ source: OpaquePointer, into target: OpaquePointer) {
        cairo_surface_flush(target)
        let bytes = Int(cairo_image_surface_get_stride(target)) * Int(cairo_image_surface_get_height(target))
        memcpy(cairo_image_surface_get_data(target), cairo_image_surface_get_data(source), bytes)
        cairo_surface_mark_dirty(target)
    }
}
