internal import CCairo
import KMapCompose

/// Draws a `Scene` with Cairo: PNG images, PDF pages and Cairo's SVG.
///
/// Every item is drawn with the Cairo state it sets itself (colour, line, dash, fill rule), never with state an
/// earlier item left, so a frame can start from the image of its static layers (`StaticImage`) and draw the
/// rest with the same result as drawing everything.
enum CairoSceneRenderer {
    /// The PNG bytes of `scene` at `scale` device pixels per scene pixel, drawn and encoded with `workspace`'s
    /// buffers.
    static func png(_ scene: Scene, scale: Double, in workspace: FrameWorkspace) throws(RenderError) -> [UInt8] {
        let w = Int32((scene.width * scale).rounded())
        let h = Int32((scene.height * scale).rounded())
        let image = try workspace.image(width: w, height: h)
        try workspace.statics.copy(scene, scale: scale, onto: image, workspace: workspace)
        let canvas = try CairoCanvas(surface: cairo_surface_reference(image)!, during: "creating a \(w)×\(h) image")
        cairo_scale(canvas.cr, scale, scale)
        for item in scene.items[scene.staticCount...] {
            try draw(item, onImage: canvas.cr, scale: scale, in: workspace)
        }
        workspace.endFrame()
        try canvas.check(during: "drawing")
        return try FastPNGEncoder.encode(canvas.surface, metadata: scene.metadata, in: workspace)
    }

    /// Cairo's SVG: text as glyph outlines, in pixels.
    static func svg(_ scene: Scene) throws(RenderError) -> [UInt8] {
        let sink = ByteSink()
        let surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, scene.width, scene.height)!
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        let canvas = try CairoCanvas(surface: surface, during: "creating an SVG surface")
        draw(scene, on: canvas.cr)
        try canvas.finish(during: "writing SVG")
        return SVGIdentifiers.normalize(sink.bytes)
    }

    /// A PDF of one page per scene, each page its own size; a scene pixel is 1/`dpi` inch.
    static func pdf(pages: [Scene], dpi: Double, title: String, subject: String) throws(RenderError) -> [UInt8] {
        guard let first = pages.first else { throw .badSize("a PDF needs at least one page") }
        let sink = ByteSink()
        let k = 72.0 / dpi  // PDF pages are measured in points (1/72 inch)
        let surface = cairo_pdf_surface_create_for_stream(
            ByteSink.write, sink.closure, first.width * k, first.height * k)!
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "kmap")
        // A fixed date keeps the file byte-identical from run to run.
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
        try canvas.finish(during: "writing PDF")
        return sink.bytes
    }

    /// The image of `scene` written by Cairo's own PNG writer (libpng): the reference the fast encoder's
    /// pixels are tested against; with `sprites` false, haloed text and markers are drawn on the frame itself.
    static func pngByCairo(_ scene: Scene, scale: Double = 1, sprites: Bool = true) throws(RenderError) -> [UInt8] {
        let w = Int32((scene.width * scale).rounded())
        let h = Int32((scene.height * scale).rounded())
        let canvas = try CairoCanvas(
            surface: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)!, during: "creating a \(w)×\(h) image")
        cairo_scale(canvas.cr, scale, scale)
        paintBackground(scene.background, canvas.cr)
        let workspace = FrameWorkspace()
        for item in scene.items {
            if sprites {
                try draw(item, onImage: canvas.cr, scale: scale, in: workspace)
            } else {
                draw(item, on: canvas.cr)
            }
        }
        try canvas.check(during: "drawing")
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(canvas.surface, ByteSink.write, sink.closure)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(CairoCanvas.describe(status), during: "encoding PNG") }
        return sink.bytes
    }

    /// One item on an image: haloed text and markers through the workspace's masks and sprites, everything else
    /// as on any surface.
    static func draw(_ item: SceneItem, onImage cr: OpaquePointer, scale: Double, in workspace: FrameWorkspace)
        throws(RenderError)
    {
        switch item.symbol {
        case .text(let t) where t.halo != nil: try workspace.haloText.draw(t, halo: t.halo!, on: cr, scale: scale)
        case .marker(let m): try workspace.markers.draw(m, on: cr, scale: scale)
        default: draw(item, on: cr)
        }
    }

    /// The whole frame, in order.
    static func draw(_ scene: Scene, on cr: OpaquePointer) {
        paintBackground(scene.background, cr)
        for item in scene.items { draw(item, on: cr) }
    }

    static func paintBackground(_ background: Color?, _ cr: OpaquePointer) {
        guard let background else { return }
        setColor(background, cr)
        cairo_paint(cr)
    }

    /// One item, setting all the Cairo state it uses.
    static func draw(_ item: SceneItem, on cr: OpaquePointer) {
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD)
        switch item.symbol {
        case .polygon(let rings, let fill, let stroke):
            cairo_new_path(cr)
            for ring in rings { path(ring, closed: true, cr) }
            paint(fill: fill, stroke: stroke, cr)
        case .polyline(let points, let stroke):
            cairo_new_path(cr)
            path(points, closed: false, cr)
            paint(fill: nil, stroke: stroke, cr)
        case .rect(let r, let fill, let stroke):
            cairo_new_path(cr)
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            paint(fill: fill, stroke: stroke, cr)
        case .marker(let m):
            marker(m, cr)
        case .text(let t):
            text(t, cr)
        }
    }

    static func setColor(_ c: Color, _ cr: OpaquePointer) {
        cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a)
    }

    static func path(_ points: [Point], closed: Bool, _ cr: OpaquePointer) {
        guard let first = points.first else { return }
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        if closed { cairo_close_path(cr) }
    }

    static func setStroke(_ s: Stroke, _ cr: OpaquePointer) {
        setColor(s.color, cr)
        cairo_set_line_width(cr, s.width)
        s.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    /// Fills then strokes the current path, and clears it.
    static func paint(fill: Color?, stroke: Stroke?, _ cr: OpaquePointer) {
        if let fill {
            setColor(fill, cr)
            if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke {
            setStroke(stroke, cr)
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    static func outlinePath(_ o: Outline, _ cr: OpaquePointer) {
        cairo_new_path(cr)
        switch o {
        case .circle(let c, let r): cairo_arc(cr, c.x, c.y, r, 0, 2 * Double.pi)
        case .polygon(let points): path(points, closed: true, cr)
        }
    }

    static func marker(_ m: Marker, _ cr: OpaquePointer) {
        if m.shape == .cutBadge {
            outlinePath(m.outline(), cr)
            setColor(m.fill, cr)
            cairo_fill_preserve(cr)
            setStroke(m.stroke, cr)
            cairo_stroke(cr)
            cairo_new_path(cr)
            for stroke in m.cutCross { path(stroke, closed: false, cr) }
            setStroke(Stroke(color: .white, width: max(1.5, m.radius * 0.3)), cr)
            cairo_stroke(cr)
            return
        }
        if let glow = m.highlight {
            outlinePath(.circle(center: m.center, radius: m.glowRadius), cr)
            setStroke(Stroke(color: glow.withAlpha(0.85), width: 4 * m.scale), cr)
            cairo_stroke(cr)
        }
        if let ring = m.ring {
            outlinePath(.circle(center: m.center, radius: m.ringRadius), cr)
            setStroke(Stroke(color: ring, width: 3 * m.scale), cr)
            cairo_stroke(cr)
        }
        outlinePath(m.outline(), cr)
        if let split = m.splitFill {
            // Left half the holder's colour, right half the attacker's.
            cairo_save(cr)
            cairo_clip_preserve(cr)
            setColor(m.fill, cr)
            cairo_fill(cr)
            let r = m.splitRect
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            setColor(split, cr)
            cairo_fill(cr)
            cairo_restore(cr)
            outlinePath(m.outline(), cr)
        } else {
            setColor(m.fill, cr)
            cairo_fill_preserve(cr)
        }
        setStroke(m.stroke, cr)
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
        if let centre = m.hollow {
            // Hollow: the controller's colour as a thick rim around a paper-coloured centre.
            outlinePath(m.outline(radius: m.hollowRadius), cr)
            setColor(centre, cr)
            cairo_fill(cr)
        }
    }

    static func text(_ t: TextItem, _ cr: OpaquePointer) {
        PangoText.draw(t, on: cr)
    }
}
