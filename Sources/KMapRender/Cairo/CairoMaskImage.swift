internal import CCairo
import KMapCompose

extension CairoSceneRenderer {
    /// A `MaskImage`: its colour painted through an A8 surface of its coverage, stretched over its frame.
    ///
    /// At one device pixel a cell (the frame's own resolution, whole-pixel frame) every filter copies the cells
    /// exactly; at `--scale 2` or on a PDF page Cairo's default filter interpolates them. A surface that cannot
    /// be made leaves the context's sticky error for `CairoCanvas.check`.
    static func maskImage(_ m: MaskImage, _ cr: OpaquePointer) {
        guard m.columns > 0, m.rows > 0, m.coverage.count == m.columns * m.rows else { return }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(m.columns), Int32(m.rows))!
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface)
        else {
            cairo_set_source_surface(cr, surface, 0, 0)  // carries the surface's error into the context
            return
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        m.coverage.withUnsafeBufferPointer { cells in
            for row in 0..<m.rows {
                (data + row * stride).update(from: cells.baseAddress! + row * m.columns, count: m.columns)
            }
        }
        cairo_surface_mark_dirty(surface)
        cairo_save(cr)
        cairo_translate(cr, m.frame.x, m.frame.y)
        cairo_scale(cr, m.frame.width / Double(m.columns), m.frame.height / Double(m.rows))
        setColor(m.color, cr)
        cairo_mask_surface(cr, surface, 0, 0)
        cairo_restore(cr)
    }
}
