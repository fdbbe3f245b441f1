internal import CCairo

/// An image laid over another at a whole pixel offset, with pixman's arithmetic and none of Cairo's set-up.
///
/// `cairo_paint` of a small image costs a few microseconds of pattern and clip set-up before any pixel moves:
/// for the 10,000 marker sprites of a large campaign that is most of drawing a frame. Porter-Duff OVER on
/// premultiplied ARGB32 at an integer offset needs no filtering, so the same bytes come from a plain loop with
/// pixman's rounding (`UN8x4_MUL_UN8_ADD_UN8x4`); a test compares it with `cairo_paint`, byte for byte.
enum ImageOver {
    /// Where a row of an image holds anything: from its first to its last pixel that is not fully transparent,
    /// and within that its longest run of opaque pixels, which is copied rather than blended.
    struct RowSpan: Equatable {
        var marked: Range<Int>
        var opaque: Range<Int>
    }

    /// Lays `source` with its top left corner at device pixel (x, y) of `target`, clipped to `target`.
    ///
    /// Both are ARGB32 image surfaces; `target` is flushed first and marked dirty after, so Cairo drawing
    /// before and after sees the change. `spans`, when given, are the source's rows as `spans(of:)` finds them:
    /// a round marker leaves its image's corners clear and its middle opaque.
    static func composite(
        _ source: OpaquePointer, x: Int, y: Int, onto target: OpaquePointer, spans: [RowSpan]? = nil
    ) {
        let sw = Int(cairo_image_surface_get_width(source))
        let sh = Int(cairo_image_surface_get_height(source))
        let tw = Int(cairo_image_surface_get_width(target))
        let th = Int(cairo_image_surface_get_height(target))
        let x0 = max(0, x)
        let y0 = max(0, y)
        let x1 = min(tw, x + sw)
        let y1 = min(th, y + sh)
        guard x0 < x1, y0 < y1, let sp = cairo_image_surface_get_data(source) else { return }
        cairo_surface_flush(target)
        guard let tp = cairo_image_surface_get_data(target) else { return }
        let ss = Int(cairo_image_surface_get_stride(source))
        let ts = Int(cairo_image_surface_get_stride(target))
        for row in y0..<y1 {
            let s = UnsafeRawPointer(sp + (row - y) * ss).assumingMemoryBound(to: UInt32.self) - x
            let t = UnsafeMutableRawPointer(tp + row * ts).assumingMemoryBound(to: UInt32.self)
            let span = spans?[row - y] ?? RowSpan(marked: 0..<sw, opaque: 0..<0)
            // Target columns: blend [lo, copyLo), copy [copyLo, copyHi), blend [copyHi, hi).
            let lo = max(x0, x + span.marked.lowerBound)
            let hi = max(lo, min(x1, x + span.marked.upperBound))
            let copyLo = min(max(lo, x + span.opaque.lowerBound), hi)
            let copyHi = max(copyLo, min(hi, x + span.opaque.upperBound))
            blend(s, onto: t, lo..<copyLo)
            (t + copyLo).update(from: s + copyLo, count: copyHi - copyLo)
            blend(s, onto: t, copyHi..<hi)
        }
        cairo_surface_mark_dirty_rectangle(target, Int32(x0), Int32(y0), Int32(x1 - x0), Int32(y1 - y0))
    }

    @inline(__always)
    static func blend(_ s: UnsafePointer<UInt32>, onto t: UnsafeMutablePointer<UInt32>, _ columns: Range<Int>) {
        for col in columns {
            let sv = s[col]
            let alpha = sv >> 24
            if alpha == 0xFF {
                t[col] = sv
            } else if sv != 0 {
                t[col] = over(sv, t[col], inverseAlpha: 0xFF - alpha)
            }
        }
    }

    /// Each row's extent and longest opaque run (both empty for a clear row).
    static func spans(of source: OpaquePointer) -> [RowSpan] {
        cairo_surface_flush(source)
        let w = Int(cairo_image_surface_get_width(source))
        let h = Int(cairo_image_surface_get_height(source))
        let stride = Int(cairo_image_surface_get_stride(source))
        let clear = RowSpan(marked: 0..<0, opaque: 0..<0)
        guard let data = cairo_image_surface_get_data(source) else { return Array(repeating: clear, count: h) }
        return (0..<h).map { row in
            let p = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            guard let first = (0..<w).first(where: { p[$0] != 0 }) else { return clear }
            let last = (0..<w).last { p[$0] != 0 }!
            var opaque = 0..<0
            var run = first
            for col in first...(last + 1) where col > last || p[col] >> 24 != 0xFF {
                if col - run > opaque.count { opaque = run..<col }
                run = col + 1
            }
            return RowSpan(marked: first..<(last + 1), opaque: opaque)
        }
    }

    /// `s + d × ia / 255` per channel, rounded and saturated as pixman does.
    @inline(__always)
    static func over(_ s: UInt32, _ d: UInt32, inverseAlpha ia: UInt32) -> UInt32 {
        var lo = (d & 0xFF00FF) &* ia &+ 0x80_0080
        lo = ((lo &+ ((lo >> 8) & 0xFF00FF)) >> 8) & 0xFF00FF
        var hi = ((d >> 8) & 0xFF00FF) &* ia &+ 0x80_0080
        hi = ((hi &+ ((hi >> 8) & 0xFF00FF)) >> 8) & 0xFF00FF
        return add(lo, s & 0xFF00FF) | (add(hi, (s >> 8) & 0xFF00FF) << 8)
    }

    /// Two 8-bit channels (bits 0–7 and 16–23) added with saturation at 255.
    @inline(__always)
    static func add(_ a: UInt32, _ b: UInt32) -> UInt32 {
        let sum = a &+ b
        return (sum | (0x1000_0100 &- ((sum >> 8) & 0xFF00FF))) & 0xFF00FF
    }
}
