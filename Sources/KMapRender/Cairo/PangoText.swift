internal import CCairo
internal import CPangoCairo
import KMapCompose

/// Lays out text with Pango: the only place Pango objects are created and freed.
///
/// Pango shapes scripts Cairo's toy API cannot (Arabic is joined and laid right to left) and falls back
/// through fontconfig to a font that has the glyphs (Noto Sans Arabic for Arabic). Measuring and drawing use
/// the same font options, so a label measured on a scratch surface fits exactly when drawn on a PDF or SVG.
enum PangoText {
    /// The language every layout is shaped for, whatever the locale.
    static let language = "en"

    static func configure(_ cr: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    /// Runs `body` with a layout of `text` in `font` on `cr`; the layout is freed afterwards.
    static func withLayout<T>(_ cr: OpaquePointer, _ text: String, _ font: Font, _ body: (OpaquePointer) -> T) -> T {
        configure(cr)
        let layout = pango_cairo_create_layout(cr)!
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        // Pango takes its default language from LANG/LC_ALL, and the language steers font choice and shaping:
        // LANG=ar_SY.UTF-8 moved labels by up to a pixel. A fixed one makes a frame the same under any locale.
        pango_context_set_language(pango_layout_get_context(layout), pango_language_from_string(language))
        pango_layout_context_changed(layout)
        let description = pango_font_description_new()!
        defer { pango_font_description_free(description) }
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, description)
        pango_layout_set_text(layout, text, -1)
        return body(layout)
    }

    /// Width, and height above and below the first line's baseline, in pixels.
    static func metrics(_ layout: OpaquePointer) -> TextMetrics {
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let scale = Double(PANGO_SCALE)
        let baseline = Double(pango_layout_get_baseline(layout)) / scale
        let top = Double(logical.y) / scale
        let bottom = Double(logical.y + logical.height) / scale
        return TextMetrics(width: Double(logical.width) / scale, ascent: baseline - top, descent: bottom - baseline)
    }

    /// The ink box of `t` as `draw` places it, in the units of `cr`'s user space (halo not included).
    static func inkBox(_ t: TextItem, on cr: OpaquePointer) -> Rect {
        withLayout(cr, t.text, t.font) { layout in
            var ink = PangoRectangle()
            var logical = PangoRectangle()
            pango_layout_get_extents(layout, &ink, &logical)
            let scale = Double(PANGO_SCALE)
            let baseline = Double(pango_layout_get_baseline(layout)) / scale
            return Rect(
                x: t.origin.x + Double(ink.x) / scale, y: t.origin.y - baseline + Double(ink.y) / scale,
                width: Double(ink.width) / scale, height: Double(ink.height) / scale)
        }
    }

    /// Draws `t` with its first baseline at `t.origin`, with a halo when it has one.
    static func draw(_ t: TextItem, on cr: OpaquePointer) {
        withLayout(cr, t.text, t.font) { layout in
            let baseline = Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
            cairo_new_path(cr)
            cairo_move_to(cr, t.origin.x, t.origin.y - baseline)
            if let halo = t.halo {
                pango_cairo_layout_path(cr, layout)
                cairo_set_source_rgba(cr, halo.r, halo.g, halo.b, halo.a)
                cairo_set_line_width(cr, t.haloWidth)
                cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
                cairo_set_dash(cr, nil, 0, 0)
                cairo_stroke_preserve(cr)
                cairo_set_source_rgba(cr, t.color.r, t.color.g, t.color.b, t.color.a)
                cairo_fill(cr)
            } else {
                cairo_set_source_rgba(cr, t.color.r, t.color.g, t.color.b, t.color.a)
                pango_cairo_show_layout(cr, layout)
                cairo_new_path(cr)
            }
        }
    }
}
