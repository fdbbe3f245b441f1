internal import CCairo

/// One frame on two cores: the frame drawn in bands of rows by two threads at once, then its two PNG parts
/// converted and deflated at once.
///
/// A single frame (`kmap render`) otherwise leaves the second core idle while it draws and deflates. Each band
/// is a Cairo surface of its own over the frame's memory, clipped to the band's rows. There are four bands,
/// taken by the two threads in turn, the costliest first (`bandsByCost`): labels crowd some parts of a map, so
/// halves would leave one thread waiting for the other. Then the two halves of the image are converted and
/// deflated, one on each thread, and joined into one file (`FastPNGEncoder.encode`).
///
/// The pixels are those of the frame drawn whole: every item is drawn with the frame's own coordinates, a
/// clip of whole rows only keeps each band's writes within its rows, and a band leaves out only items that
/// cannot reach them (`verticalReach`). The fill rule, the one piece of state an item leaves to the next,
/// is set for each item as it is in the whole frame. Frames with items that are not finite or lie far outside
/// are drawn whole (`bandReach`). `BandTests` hold the bands to whole frames byte for byte. Text is shaped by
/// every band it reaches; its halo, the larger cost, is stroked only where it is seen.
extension CairoSceneRenderer {
    /// Bands a frame is drawn in (measured on the reference frame: 4 beat 2, 6 and 8 by 2 to 4 %).
    static let drawBands = 4

    /// The device rows each item of `scene` can reach, or nil when the frame must be drawn whole: some item is
    /// not finite or lies far outside any frame (Cairo's fixed-point coordinates overflow there, and where they
    /// overflow depends on the band's offset), or cannot be bounded cheaply.
    static func bandReach(_ scene: Scene, scale: Double) -> [ClosedRange<Double>]? {
        var reach: [ClosedRange<Double>] = []
        reach.reserveCapacity(scene.items.count)
        for item in scene.items {
            guard let r = item.verticalReach(scale: scale) else { return nil }
            reach.append(r)
        }
        return reach
    }

    static func renderInBands(
        _ scene: Scene, reach: [ClosedRange<Double>], on surface: OpaquePointer, clear: Bool, scale: Double, pngWriter: PNGWriter,
        threads: Int, in workspace: FrameWorkspace
    ) throws(RenderError) -> [UInt8] {
        let pixels = try FastPNGEncoder.Pixels(surface)  // flushes the surface before other surfaces write to its memory
        let evenOdd = evenOddBefore(scene.items)
        let bands = Self.bandsByCost(scene, reach: reach, height: pixels.height, count: Self.drawBands)
        _ = try Parallel.map(bands.count, threads: threads) { k throws(RenderError) in
            FontWarmUp.adoptSpare()
            try drawBand(scene, rows: bands[k], pixels: pixels, clear: clear, scale: scale, reach: reach, evenOdd: evenOdd)
        }
        cairo_surface_mark_dirty(surface)  // its memory was drawn on by the bands' surfaces
        guard pngWriter == .fast else { return try cairoPNG(surface) }
        return try FastPNGEncoder.encode(surface, threads: threads, in: workspace)  // its two parts at once
    }

    /// `count` bands of equal height, the costliest first, so that the two threads taking them in turn end
    /// together. The cost is a guess (a haloed label is stroked, the dearest thing drawn) and changes only
    /// which thread draws which rows, never a pixel.
    static func bandsByCost(_ scene: Scene, reach: [ClosedRange<Double>], height: Int, count: Int) -> [Range<Int>] {
        let bands = (0..<count).map { b in (height * b / count)..<(height * (b + 1) / count) }
        var cost = [Double](repeating: 0, count: count)
        for (item, r) in zip(scene.items, reach) {
            let weight: Double =
                switch item.symbol {
                case .text(let t): Double(t.text.utf8.count) * (t.halo != nil ? 4 : 1) + 8
                default: 1
                }
            let first = max(0, min(count - 1, Int(r.lowerBound) * count / max(1, height)))
            let last = max(0, min(count - 1, Int(r.upperBound) * count / max(1, height)))
            for b in first...last { cost[b] += weight }
        }
        return bands.indices.sorted { cost[$0] > cost[$1] || (cost[$0] == cost[$1] && $0 < $1) }.map { bands[$0] }
    }

    /// Draws the items of `scene` that reach `rows` onto those rows of `pixels`.
    static func drawBand(
        _ scene: Scene, rows: Range<Int>, pixels: FastPNGEncoder.Pixels, clear: Bool, scale: Double, reach: [ClosedRange<Double>],
        evenOdd: [Bool]
    ) throws(RenderError) {
        // A surface over the whole frame, clipped to the band: the frame's own coordinates, so no number Cairo or
        // Pango computes differs from the whole frame's. (Moving the frame up by the band's first row instead
        // changed the last bit of some pixels at scales 1.5, 2.5 and 3: a coordinate on a rounding tie of
        // Cairo's 1/256-pixel grid rounded the other way.) The clip is whole rows, so the band's Cairo writes
        // no pixel outside them while the other thread draws there.
        let memory = UnsafeMutablePointer(mutating: pixels.base.assumingMemoryBound(to: UInt8.self))
        let surface = cairo_image_surface_create_for_data(memory, CAIRO_FORMAT_ARGB32, Int32(pixels.width), Int32(pixels.height), Int32(pixels.stride))!
        let canvas = try CairoCanvas(surface: surface, during: "creating a band of rows \(rows)")
        cairo_rectangle(canvas.cr, 0, Double(rows.lowerBound), Double(pixels.width), Double(rows.count))
        cairo_clip(canvas.cr)
        if clear {
            cairo_set_operator(canvas.cr, CAIRO_OPERATOR_CLEAR)
            cairo_paint(canvas.cr)
            cairo_set_operator(canvas.cr, CAIRO_OPERATOR_OVER)
        }
        cairo_surface_mark_dirty(surface)  // not in Cairo's "clear" state: see `FrameWorkspace.uncleared`
        cairo_scale(canvas.cr, scale, scale)
        paintBackground(scene.background, canvas.cr)
        // Items touching the rows just outside the band are drawn too: a margin against rounding.
        let top = Double(rows.lowerBound) - 2, bottom = Double(rows.upperBound) + 2
        let inBand = scene.items.indices.filter { reach[$0].upperBound >= top && reach[$0].lowerBound <= bottom }
        draw(scene, only: inBand, evenOdd: evenOdd, on: canvas.cr)
        try canvas.check(during: "drawing")
        cairo_surface_flush(surface)
    }
}

extension SceneItem {
    /// The device rows the item can touch at `scale`, generously; nil if it cannot be told cheaply, or if the
    /// item is not finite or reaches beyond a million pixels (`CairoSceneRenderer.bandReach`).
    ///
    /// Text is not measured (that is what the band saves): its ink stays within three ems of each line's
    /// baseline, lines one under the other, plus one em for each combining mark, plus its halo. Other symbols use their geometry
    /// (`conservativeBounds`).
    func verticalReach(scale: Double) -> ClosedRange<Double>? {
        let limit = 1e6
        var low: Double, high: Double
        switch symbol {
        case .text(let t):
            guard abs(t.origin.x * scale) < limit else { return nil }
            let em = abs(t.font.size)
            // Line breaks stack lines; combining marks stack on (or under) their letter, about half an em each
            // (a review's "e" with 14 acute accents reached 7.7 ems above its baseline): one em per mark.
            var breaks = 0, marks = 0
            for u in t.text.unicodeScalars {
                switch u {
                case "\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}": breaks += 1
                case _ where u.value >= 0x300:
                    let category = u.properties.generalCategory
                    if category == .nonspacingMark || category == .enclosingMark || category == .spacingMark { marks += 1 }
                default: break
                }
            }
            let pad = (3 + Double(marks)) * em + 4
            low = t.origin.y - pad
            high = t.origin.y + Double(breaks) * 3 * em + pad
        default:
            guard let box = conservativeBounds(scale: scale), abs(box.x * scale) < limit, abs((box.x + box.width) * scale) < limit else {
                return nil
            }
            low = box.y
            high = box.y + box.height
        }
        low *= scale
        high *= scale
        guard abs(low) < limit, abs(high) < limit, low <= high else { return nil }  // false for NaN
        return low...high
    }
}
