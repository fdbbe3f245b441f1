internal import CCairo
import KMapCompose

/// Measures text with Pango on Cairo, exactly as the Cairo backend will draw it.
public struct CairoTextMeasurer: TextMeasurer {
    public init() {}

    public func measure(_ text: String, font: Font) -> TextMetrics {
        // A 1×1 scratch surface per call keeps the measurer stateless (and so Sendable); it costs microseconds.
        let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)
        let cr = cairo_create(surface)!
        defer {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
        }
        return PangoText.withLayout(cr, text, font) { PangoText.metrics($0) }
    }
}
