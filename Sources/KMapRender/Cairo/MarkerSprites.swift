internal import CCairo
import KMapCompose

/// Place markers rasterised once per worker and laid on each frame as small images.
///
/// A marker is a handful of Cairo fills and strokes, a few tens of microseconds each: a campaign of 10,000
/// places spends most of a frame redrawing markers that did not change. Each marker (its shape, colours and
/// marks at its own sub-pixel position) is drawn once on a transparent image around it, and frames composite
/// that image. Every PNG draws markers this way, so a frame's bytes depend only on its scene.
final class MarkerSprites {
    private struct Key: Hashable {
        var marker: Marker
        var scale: Double

        /// Position and fill only: they tell markers apart, and hashing all of a marker's twenty-odd fields for
        /// each of 10,000 places a frame cost more than drawing them. Equality still compares every field.
        func hash(into hasher: inout Hasher) {
            hasher.combine(marker.center.x)
            hasher.combine(marker.center.y)
            hasher.combine(marker.fill.r)
            hasher.combine(marker.fill.g)
            hasher.combine(marker.fill.b)
        }
    }

    private final class Sprite {
        let image: OpaquePointer
        /// Device pixel of the frame where the image's top left corner goes.
        let x: Double, y: Double

        init(image: OpaquePointer, x: Double, y: Double) {
            self.image = image
            self.x = x
            self.y = y
        }

        deinit { cairo_surface_destroy(image) }
    }

    private let kept = KeptWhileShown<Key, Sprite>()

    /// Sprites held, for tests.
    var count: Int { kept.count }

    /// Ends a frame: sprites it did not use are dropped after the next one.
    func endFrame() { kept.endFrame() }

    /// Draws `m` on `cr`, an image context scaled by `scale` with no other transformation and no clip.
    func draw(_ m: Marker, on cr: OpaquePointer, scale: Double) throws(RenderError) {
        let sprite = try kept.value(Key(marker: m, scale: scale)) { () throws(RenderError) in
            try Self.make(m, scale: scale)
        }
        ImageOver.composite(sprite.image, x: Int(sprite.x), y: Int(sprite.y), onto: cairo_get_target(cr))
    }

    /// `m` drawn on a transparent image aligned to whole device pixels around everything it marks.
    private static func make(_ m: Marker, scale: Double) throws(RenderError) -> Sprite {
        // Only what the marker draws: most markers have neither glow nor ring, and every pixel of the image is
        // laid on the frame.
        let reach =
            max(m.radius * 1.2, m.highlight == nil ? 0 : m.glowRadius + 2, m.ring == nil ? 0 : m.ringRadius + 1.5)
            + m.stroke.width + 2
        let x0 = ((m.center.x - reach) * scale).rounded(.down)
        let y0 = ((m.center.y - reach) * scale).rounded(.down)
        let x1 = ((m.center.x + reach) * scale).rounded(.up)
        let y1 = ((m.center.y + reach) * scale).rounded(.up)
        let canvas = try CairoCanvas(
            surface: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(max(1, x1 - x0)), Int32(max(1, y1 - y0)))!,
            during: "drawing a marker")
        // Whole device pixels of translation: the marker's edges fall on the same sub-pixel positions as on the frame.
        cairo_translate(canvas.cr, -x0, -y0)
        cairo_scale(canvas.cr, scale, scale)
        CairoSceneRenderer.draw(SceneItem(id: "", layer: .markers, symbol: .marker(m)), on: canvas.cr)
        try canvas.check(during: "drawing a marker")
        cairo_surface_flush(canvas.surface)
        return Sprite(image: cairo_surface_reference(canvas.surface)!, x: x0, y: y0)
    }
}
