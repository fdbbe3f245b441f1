internal import CCairo

/// Measures text with Cairo's own font machinery, so layout matches what the Cairo backend draws.
public struct CairoTextMeasurer: TextMeasurer {
    public init() {}

    public func measure(_ text: String, font: Font) -> TextMetrics {
        // A 1×1 scratch surface per call keeps the measurer stateless (and so Sendable); it costs microseconds.
        let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)
        let cr = cairo_create(surface)
        defer {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
        }
        CairoSceneRenderer.setFont(font, on: cr!)
        var extents = cairo_text_extents_t()
        var fontExtents = cairo_font_extents_t()
        cairo_text_extents(cr, text, &extents)
        cairo_font_extents(cr, &fontExtents)
        return TextMetrics(width: extents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent)
    }
}
