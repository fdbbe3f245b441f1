internal import CCairo

/// Draws a `Scene` with Cairo and encodes it as PNG, SVG or PDF: the write stage of the pipeline.
public enum CairoSceneRenderer {
    /// The encoded bytes of `scene` in `format`.
    ///
    /// - Parameters:
    ///   - scale: device pixels per scene pixel (2 for HiDPI PNGs); vector formats ignore it.
    ///   - dpi: for PDF, scene pixels per inch: it sets the page's physical size (96, as in CSS, by default).
    ///   - pngWriter: Cairo's PNG writer, or kmap's faster one; both give the same decoded pixels.
    ///   - staticLayers: for PNG, let the workspace reuse what earlier frames drew and did not change
    ///     (`LayerCache`); the bytes are the same.
    ///   - threads: for PNG, threads this one frame may use (bands drawn at once); the bytes are the same.
    public static func render(
        _ scene: Scene, format: OutputFormat, scale: Double = 1, dpi: Double = 96, pngWriter: PNGWriter = .cairo,
        staticLayers: Bool = false, threads: Int = 1
    ) throws(RenderError) -> [UInt8] {
        let sink = ByteSink()
        switch format {
        case .png:
            // The surface and the encoder's buffers come from a workspace this frame holds alone, reused from the
            // previous frame instead of being allocated (and page-faulted in) again: see `FrameWorkspace`.
            return try FrameWorkspace.Pool.shared.with { workspace throws(RenderError) in
                try renderPNG(scene, scale: scale, pngWriter: pngWriter, staticLayers: staticLayers, threads: threads, in: workspace)
            }
        case .svg:
            let surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, scene.width, scene.height)!
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
            let canvas = try CairoCanvas(surface: surface, during: "creating an SVG surface")
            draw(scene, on: canvas.cr)
            try canvas.finish(during: "writing SVG")
            return SVGIdentifiers.normalize(sink.bytes)
        case .pdf:
            // PDF pages are measured in points (1/72 inch); a scene pixel is 1/dpi inch.
            let k = 72.0 / dpi
            let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, scene.width * k, scene.height * k)!
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, scene.title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, scene.subject)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "kmap")
            // A fixed date keeps the file byte-identical from run to run.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
            let canvas = try CairoCanvas(surface: surface, during: "creating a PDF surface")
            cairo_scale(canvas.cr, k, k)
            draw(scene, on: canvas.cr)
            try canvas.finish(during: "writing PDF")
        }
        return sink.bytes
    }

    /// The PNG bytes of `scene`, drawn on `workspace`'s surface and encoded with its buffers.
    ///
    /// With `staticLayers`, the workspace's `LayerCache` may supply the items that did not change since its
    /// previous frames as one image, and only the others are drawn. Otherwise, with `threads` of 2 or more, a
    /// large frame is drawn and encoded in bands at once (`renderInBands`). The bytes are the same either way.
    static func renderPNG(
        _ scene: Scene, scale: Double, pngWriter: PNGWriter, staticLayers: Bool = false, threads: Int = 1, in workspace: FrameWorkspace
    ) throws(RenderError) -> [UInt8] {
        let w = Int32((scene.width * scale).rounded()), h = Int32((scene.height * scale).rounded())
        let (surface, isNew) = try workspace.uncleared(width: w, height: h)
        let canvas = try CairoCanvas(surface: cairo_surface_reference(surface)!, during: "creating a \(w)×\(h) image")
        cairo_scale(canvas.cr, scale, scale)
        if staticLayers, let plan = workspace.layers.prepare(scene, on: canvas.surface, width: w, height: h, scale: scale) {
            draw(scene, only: plan.fresh, evenOdd: plan.evenOdd, on: canvas.cr)  // the cached image overwrote every pixel
        } else if threads > 1, FastPNGEncoder.partRows(width: Int(w), height: Int(h)).count > 1, let reach = bandReach(scene, scale: scale) {
            return try renderInBands(
                scene, reach: reach, on: canvas.surface, clear: !isNew, scale: scale, pngWriter: pngWriter, threads: threads, in: workspace)
        } else {
            if !isNew { workspace.clear(surface) }
            draw(scene, on: canvas.cr)
        }
        try canvas.check(during: "drawing")
        if pngWriter == .fast { return try FastPNGEncoder.encode(canvas.surface, threads: threads, in: workspace) }
        return try cairoPNG(canvas.surface)
    }

    /// Cairo's own PNG writer.
    static func cairoPNG(_ surface: OpaquePointer) throws(RenderError) -> [UInt8] {
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(CairoCanvas.describe(status), during: "encoding PNG") }
        return sink.bytes
    }

    /// The whole frame, in order. Items leave one piece of Cairo state to the next: a polygon sets the even-odd
    /// fill rule, and it stays (it matters to the fill of haloed text).
    static func draw(_ scene: Scene, on cr: OpaquePointer) {
        paintBackground(scene.background, cr)
        prepare(cr)
        for item in scene.items { draw(item, on: cr) }
    }

    /// Some of the frame's items (indices in frame order), each with the fill rule it has in the whole frame
    /// (`evenOdd`, from `evenOddBefore`).
    static func draw(_ scene: Scene, only indices: [Int], evenOdd: [Bool], on cr: OpaquePointer) {
        prepare(cr)
        for i in indices {
            cairo_set_fill_rule(cr, evenOdd[i] ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
            draw(scene.items[i], on: cr)
        }
    }

    /// For each item, whether a polygon came before it: the fill rule it is drawn with in the whole frame.
    static func evenOddBefore(_ items: [SceneItem]) -> [Bool] {
        var seen = false
        return items.map { item in
            defer { if case .polygon = item.symbol { seen = true } }
            return seen
        }
    }

    static func paintBackground(_ background: Color?, _ cr: OpaquePointer) {
        guard let background else { return }
        setColor(background, cr)
        cairo_paint(cr)
    }

    /// The state every frame starts its items with.
    static func prepare(_ cr: OpaquePointer) {
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
    }

    static func draw(_ item: SceneItem, on cr: OpaquePointer) {
        switch item.symbol {
        case .polygon(let rings, let fill, let stroke):
            cairo_new_path(cr)
            for ring in rings { path(ring, closed: true, cr) }
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD)
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
            setStroke(Stroke(color: glow.withAlpha(0.85), width: 4), cr)
            cairo_stroke(cr)
        }
        if let ring = m.ring {
            outlinePath(.circle(center: m.center, radius: m.ringRadius), cr)
            setStroke(Stroke(color: ring, width: 3), cr)
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
