internal import CCairo

extension CairoSceneRenderer {
    /// A multi-page PDF, one page per scene (each page its own size), for reports.
    public static func renderPDF(pages: [Scene], dpi: Double = 96, title: String, subject: String) throws(RenderError) -> [UInt8] {
        guard let first = pages.first else { throw .badSize("a PDF needs at least one page") }
        let sink = ByteSink()
        let k = 72.0 / dpi
        let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, first.width * k, first.height * k)!
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "kmap")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
        let canvas = try CairoCanvas(surface: surface, during: "creating a PDF surface")
        for page in pages {
            cairo_pdf_surface_set_size(canvas.surface, page.width * k, page.height * k)
            cairo_save(canvas.cr)
            cairo_scale(canvas.cr, k, k)
            draw(page, on: canvas.cr)
            cairo_restore(canvas.cr)
            cairo_show_page(canvas.cr)
        }
        try canvas.finish(during: "writing the PDF report")
        return sink.bytes
    }
}
