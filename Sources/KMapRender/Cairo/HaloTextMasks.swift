internal import CCairo
internal import CPangoCairo
import KMapCompose

/// Haloed labels rasterised once per worker and laid on each frame as masks.
///
/// A label's halo is a stroke of its glyph outlines, the costliest thing a frame draws, and the same labels
/// stand on every frame of a sequence. Each haloed text item is rasterised into two coverage masks (halo
/// stroke, glyph fill) at its own sub-pixel position; a frame composites the halo colour, then the text colour,
/// through them. Every PNG draws haloed text this way, the first frame as the hundredth, so a frame's bytes
/// depend only on its scene.
final class HaloTextMasks {
    private struct Key: Hashable {
        var text: String
        var font: Font
        var x: Double, y: Double
        var scale: Double
        var haloWidth: Double
    }

    private final class Masks {
        let halo: OpaquePointer
        let fill: OpaquePointer
        /// Device pixel of the frame where the masks' top left corner goes.
        let x: Double, y: Double

        init(halo: OpaquePointer, fill: OpaquePointer, x: Double, y: Double) {
            self.halo = halo
            self.fill = fill
            self.x = x
            self.y = y
        }

        deinit {
            cairo_surface_destroy(halo)
            cairo_surface_destroy(fill)
        }
    }

    private let kept = KeptWhileShown<Key, Masks>()

    /// Masks held, for tests.
    var count: Int { kept.count }

    /// Ends a frame: masks it did not use are dropped after the next one.
    func endFrame() { kept.endFrame() }

    /// Draws haloed `t` on `cr`, an image context scaled by `scale` with no other transformation.
    func draw(_ t: TextItem, halo: Color, on cr: OpaquePointer, scale: Double) throws(RenderError) {
        let key = Key(text: t.text, font: t.font, x: t.origin.x, y: t.origin.y, scale: scale, haloWidth: t.haloWidth)
        let masks = try kept.value(key) { () throws(RenderError) in try Self.make(t, scale: scale) }
        cairo_save(cr)
        cairo_identity_matrix(cr)
        cairo_set_source_rgba(cr, halo.r, halo.g, halo.b, halo.a)
        cairo_mask_surface(cr, masks.halo, masks.x, masks.y)
        cairo_set_source_rgba(cr, t.color.r, t.color.g, t.color.b, t.color.a)
        cairo_mask_surface(cr, masks.fill, masks.x, masks.y)
        cairo_restore(cr)
    }

    /// The halo and fill coverage of `t`, on whole-pixel-aligned A8 images around its ink.
    private static func make(_ t: TextItem, scale: Double) throws(RenderError) -> Masks {
        let scratch = try CairoCanvas(
            surface: cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)!, during: "measuring a label")
        let ink = PangoText.inkBox(t, on: scratch.cr)
        let pad = t.haloWidth / 2 + 2
        let x0 = ((ink.x - pad) * scale).rounded(.down)
        let y0 = ((ink.y - pad) * scale).rounded(.down)
        let x1 = ((ink.x + ink.width + pad) * scale).rounded(.up)
        let y1 = ((ink.y + ink.height + pad) * scale).rounded(.up)
        let w = Int32(max(1, x1 - x0))
        let h = Int32(max(1, y1 - y0))
        func layer(_ paint: (OpaquePointer) -> Void) throws(RenderError) -> OpaquePointer {
            let canvas = try CairoCanvas(
                surface: cairo_image_surface_create(CAIRO_FORMAT_A8, w, h)!, during: "rasterising a label")
            // Whole device pixels of translation: the glyphs fall on the same sub-pixel positions as on the frame.
            cairo_translate(canvas.cr, -x0, -y0)
            cairo_scale(canvas.cr, scale, scale)
            cairo_set_fill_rule(canvas.cr, CAIRO_FILL_RULE_EVEN_ODD)
            cairo_set_source_rgba(canvas.cr, 0, 0, 0, 1)
            PangoText.withLayout(canvas.cr, t.text, t.font) { layout in
                let baseline = Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
                cairo_move_to(canvas.cr, t.origin.x, t.origin.y - baseline)
                pango_cairo_layout_path(canvas.cr, layout)
            }
            paint(canvas.cr)
            try canvas.check(during: "rasterising a label")
            cairo_surface_flush(canvas.surface)
            return cairo_surface_reference(canvas.surface)!
        }
        let halo = try layer { cr in
            cairo_set_line_width(cr, t.haloWidth)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke(cr)
        }
        let fill = try layer { cr in cairo_fill(cr) }
        return Masks(halo: halo, fill: fill, x: x0, y: y0)
    }
}
