import CCairo
import KMapTestSupport
import Testing

@testable import KMapRender

/// `ImageOver` gives the bytes `cairo_paint` gives when an image is laid at a whole pixel offset.
@Suite struct ImageOverTests {
    /// An ARGB32 image of random premultiplied pixels, with runs of fully clear and fully opaque ones.
    static func image(width: Int32, height: Int32, rng: inout SplitMix64) -> OpaquePointer {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)!
        cairo_surface_flush(surface)
        let data = cairo_image_surface_get_data(surface)!
        let stride = Int(cairo_image_surface_get_stride(surface))
        for row in 0..<Int(height) {
            let p = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for col in 0..<Int(width) {
                let alpha: UInt32 = [0, 255, UInt32(rng.below(256))][rng.below(3)]
                func channel() -> UInt32 { alpha == 0 ? 0 : UInt32(rng.below(Int(alpha) + 1)) }
                p[col] = alpha << 24 | channel() << 16 | channel() << 8 | channel()
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    static func bytes(_ surface: OpaquePointer) -> [UInt8] {
        cairo_surface_flush(surface)
        let count = Int(cairo_image_surface_get_stride(surface) * cairo_image_surface_get_height(surface))
        return Array(UnsafeBufferPointer(start: cairo_image_surface_get_data(surface)!, count: count))
    }

    /// Cairo's result and ours for `sprite` laid at (x, y) on a copy of `target`.
    static func both(_ sprite: OpaquePointer, x: Int, y: Int, on target: OpaquePointer) -> (
        ours: [UInt8], cairo: [UInt8]
    ) {
        let w = cairo_image_surface_get_width(target)
        let h = cairo_image_surface_get_height(target)
        let theirs = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)!
        let cr = cairo_create(theirs)!
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_set_source_surface(cr, target, 0, 0)
        cairo_paint(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
        cairo_set_source_surface(cr, sprite, Double(x), Double(y))
        cairo_paint(cr)
        cairo_destroy(cr)
        ImageOver.composite(sprite, x: x, y: y, onto: target)
        defer { cairo_surface_destroy(theirs) }
        return (bytes(target), bytes(theirs))
    }

    /// Laying each row's marked span, copying its opaque run, gives the bytes of blending the whole image.
    @Test func spansSkipOnlyClearPixels() {
        var rng = SplitMix64(seed: 24)
        let sprite = Self.image(width: 21, height: 15, rng: &rng)
        // Clear margins of random widths on every row, and two clear rows.
        cairo_surface_flush(sprite)
        let stride = Int(cairo_image_surface_get_stride(sprite))
        let data = cairo_image_surface_get_data(sprite)!
        for row in 0..<15 {
            let p = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            let (left, right) = row == 3 || row == 9 ? (21, 0) : (rng.below(8), 21 - rng.below(8))
            for col in 0..<21 where col < left || col >= right { p[col] = 0 }
            if row == 5 { for col in left..<right { p[col] = 0xFF00_0000 | p[col] } }
        }
        cairo_surface_mark_dirty(sprite)
        let spans = ImageOver.spans(of: sprite)
        #expect(spans[3].marked.isEmpty && spans[9].marked.isEmpty)
        #expect(spans[5].opaque == spans[5].marked, "a wholly opaque row is copied whole")
        // Inside, across each edge, and with whole rows' spans beyond the right edge.
        for (x, y) in [(4, 6), (-5, 2), (40, 30), (-3, -4), (45, 10), (-18, 20)] {
            let whole = Self.image(width: 48, height: 36, rng: &rng)
            let spanned = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 48, 36)!
            let cr = cairo_create(spanned)!
            cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
            cairo_set_source_surface(cr, whole, 0, 0)
            cairo_paint(cr)
            cairo_destroy(cr)
            ImageOver.composite(sprite, x: x, y: y, onto: whole)
            ImageOver.composite(sprite, x: x, y: y, onto: spanned, spans: spans)
            #expect(Self.bytes(whole) == Self.bytes(spanned), "offset (\(x), \(y))")
            for s in [whole, spanned] { cairo_surface_destroy(s) }
        }
        cairo_surface_destroy(sprite)
    }

    /// Every source alpha over every target value, in every channel: the rounding is pixman's everywhere.
    @Test func everyAlphaOverEveryValueRoundsAsPixmanDoes() {
        let sprite = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 256, 256)!
        let target = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 256, 256)!
        for (surface, value) in [
            (sprite, { (row: UInt32, col: UInt32) in row << 24 | (row / 2) * 0x01_0101 }),
            (target, { (row: UInt32, col: UInt32) in col * 0x0101_0101 }),
        ] {
            cairo_surface_flush(surface)
            let stride = Int(cairo_image_surface_get_stride(surface))
            let data = cairo_image_surface_get_data(surface)!
            for row in 0..<256 {
                let p = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                for col in 0..<256 { p[col] = value(UInt32(row), UInt32(col)) }
            }
            cairo_surface_mark_dirty(surface)
        }
        let (ours, cairo) = Self.both(sprite, x: 0, y: 0, on: target)
        #expect(zip(ours, cairo).count { $0 != $1 } == 0, "bytes differ from Cairo's")
        for s in [sprite, target] { cairo_surface_destroy(s) }
    }

    @Test func layingAnImageGivesCairosBytes() {
        var rng = SplitMix64(seed: 2016)
        // Offsets inside, across every edge and wholly outside the target.
        let offsets = [(5, 7), (-6, 3), (50, -4), (55, 40), (-20, -20), (100, 100), (0, 0)]
        for (x, y) in offsets {
            let sprite = Self.image(width: 17, height: 13, rng: &rng)
            let target = Self.image(width: 64, height: 48, rng: &rng)
            let (ours, cairo) = Self.both(sprite, x: x, y: y, on: target)
            #expect(zip(ours, cairo).count { $0 != $1 } == 0, "offset (\(x), \(y))")
            for s in [sprite, target] { cairo_surface_destroy(s) }
        }
    }
}
