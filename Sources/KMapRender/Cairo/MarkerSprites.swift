internal import CCairo
import KMapCompose

/// Place markers rasterised once per worker and laid on each frame as small images.
///
/// A marker is a handful of Cairo fills and strokes, a few tens of microseconds each: a campaign of 10,000
/// places spends most of a frame redrawing markers that did not change. A marker's image depends only on what
/// it looks like and where its centre falls inside a device pixel, so markers are placed on a quarter-pixel
/// grid (at most an eighth of a pixel from their exact place, which no reader sees) and one image serves every
/// marker of the same look and phase: a few hundred images for 10,000 places, made once, laid on every frame.
/// Every PNG draws markers this way, so a frame's bytes depend only on its scene.
final class MarkerSprites {
    /// Quarter pixels.
    static let phases = 4.0

    private struct Key: Hashable {
        /// The marker with its centre inside the device pixel at the origin, in scene units.
        var marker: Marker
        var scale: Double
    }

    private final class Sprite {
        let image: OpaquePointer
        /// Device pixel offset of the image's top left corner from the pixel holding the marker's centre.
        let x: Int, y: Int
        /// The columns of each row that hold any of the marker.
        let spans: [ImageOver.RowSpan]

        init(image: OpaquePointer, x: Int, y: Int) {
            self.image = image
            self.x = x
            self.y = y
            spans = ImageOver.spans(of: image)
        }

        deinit { cairo_surface_destroy(image) }
    }

    /// Kept for a month of daily frames: the look of a changed place (its glow, its new colour) comes back on
    /// other places and days. At most 4,096 images (a few to some tens of megabytes) outlive their frame.
    private let kept = KeptWhileShown<Key, Sprite>(frames: 30, limit: 4096)

    /// Sprites held, for tests.
    var count: Int { kept.count }

    /// Ends a frame: sprites the last 30 frames did not use are dropped (`kept`).
    func endFrame() { kept.endFrame() }

    /// Draws `m` on `cr`, an image context scaled by `scale` with no other transformation and no clip.
    func draw(_ m: Marker, on cr: OpaquePointer, scale: Double) throws(RenderError) {
        // A centre no image could hold (not finite, or a billion pixels away) draws nothing, as Cairo would.
        guard abs(m.center.x * scale) < 1e9, abs(m.center.y * scale) < 1e9 else { return }
        let (pixelX, phaseX) = Self.split(m.center.x * scale)
        let (pixelY, phaseY) = Self.split(m.center.y * scale)
        var local = m
        local.center = Point(x: phaseX / scale, y: phaseY / scale)
        let sprite = try kept.value(Key(marker: local, scale: scale)) { () throws(RenderError) in
            try Self.make(local, scale: scale)
        }
        ImageOver.composite(
            sprite.image, x: pixelX + sprite.x, y: pixelY + sprite.y, onto: cairo_get_target(cr), spans: sprite.spans)
    }

    /// A device coordinate as a whole pixel and a phase inside it, rounded to the nearest quarter.
    static func split(_ v: Double) -> (pixel: Int, phase: Double) {
        let quarters = (v * phases).rounded()
        let pixel = (quarters / phases).rounded(.down)
        return (Int(pixel), (quarters - pixel * phases) / phases)
    }

    /// `m` (centred inside the origin's pixel) drawn on a transparent image around everything it marks.
    private static func make(_ m: Marker, scale: Double) throws(RenderError) -> Sprite {
        // Only what the marker draws: most markers have neither glow nor ring, and every pixel of the image is
        // laid on the frame.
        let reach =
            max(
                m.radius * 1.2, m.highlight == nil ? 0 : m.glowRadius + 2 * m.scale,
                m.ring == nil ? 0 : m.ringRadius + 1.5 * m.scale)
            + m.stroke.width + 2
        let x0 = ((m.center.x - reach) * scale).rounded(.down)
        let y0 = ((m.center.y - reach) * scale).rounded(.down)
        let x1 = ((m.center.x + reach) * scale).rounded(.up)
        let y1 = ((m.center.y + reach) * scale).rounded(.up)
        let canvas = try CairoCanvas(
            surface: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(max(1, x1 - x0)), Int32(max(1, y1 - y0)))!,
            during: "drawing a marker")
        cairo_translate(canvas.cr, -x0, -y0)
        cairo_scale(canvas.cr, scale, scale)
        CairoSceneRenderer.draw(SceneItem(id: "", layer: .markers, symbol: .marker(m)), on: canvas.cr)
        try canvas.check(during: "drawing a marker")
        cairo_surface_flush(canvas.surface)
        return Sprite(image: cairo_surface_reference(canvas.surface)!, x: Int(x0), y: Int(y0))
    }
}
