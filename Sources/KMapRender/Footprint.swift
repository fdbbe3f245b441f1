internal import CCairo
import Foundation

/// The device pixels one scene item touches when drawn alone: what decides whether a cached item may stay in
/// the static-layer image (`LayerCache`) while another item is drawn afresh.
///
/// It is measured, not estimated: the item is drawn by itself on a transparent scratch surface around its
/// `conservativeBounds(scale:)`, exactly as in a frame (same scale, same Cairo state), and every pixel whose value
/// changed is marked; the marks are then widened by one pixel so that a glyph placed half a pixel differently
/// on the scratch surface is still covered. Over Cairo's OVER operator a pixel left at zero on a transparent
/// surface is left unchanged on any surface, so the marks are every pixel the item can change. If the item
/// touches the scratch surface's outer rim, the estimated bounds were wrong and the footprint is the whole
/// frame: the item is then simply never cached beside anything.
struct Footprint {
    /// Device-pixel origin and size of `mask`.
    let x0: Int, y0: Int, width: Int, height: Int
    /// One byte per pixel, row by row: 1 where the item may change the pixel.
    let mask: [UInt8]
    /// True when the measurement failed or escaped its bounds: treat as touching everything.
    let everywhere: Bool

    static let unbounded = Footprint(x0: 0, y0: 0, width: 0, height: 0, mask: [], everywhere: true)

    /// Whether the two items share at least one pixel they may both change.
    func intersects(_ other: Footprint) -> Bool {
        if everywhere || other.everywhere { return true }
        let left = max(x0, other.x0), right = min(x0 + width, other.x0 + other.width)
        let top = max(y0, other.y0), bottom = min(y0 + height, other.y0 + other.height)
        guard left < right, top < bottom else { return false }
        for y in top..<bottom {
            let a = (y - y0) * width - x0, b = (y - other.y0) * other.width - other.x0
            for x in left..<right where mask[a + x] != 0 && other.mask[b + x] != 0 { return true }
        }
        return false
    }

    /// Draws `item` alone at `scale` with the fill rule it has in the frame and records what it touched.
    static func measure(_ item: SceneItem, evenOdd: Bool, scale: Double) -> Footprint {
        guard let box = item.conservativeBounds(scale: scale) else { return .unbounded }
        // The bounds in device pixels, rounded outwards, then a rim of 2 pixels: 1 for the widening and 1 to
        // notice an item that escapes its bounds.
        let rim = 2
        let sx0 = Int((box.x * scale).rounded(.down)) - rim
        let sy0 = Int((box.y * scale).rounded(.down)) - rim
        let sx1 = Int(((box.x + box.width) * scale).rounded(.up)) + rim
        let sy1 = Int(((box.y + box.height) * scale).rounded(.up)) + rim
        let w = sx1 - sx0, h = sy1 - sy0
        guard w > 0, h > 0, w * h <= 16_000_000 else { return .unbounded }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h)),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else { return .unbounded }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_set_device_offset(surface, Double(-sx0), Double(-sy0))
        cairo_surface_mark_dirty(surface)
        let cr = cairo_create(surface)!
        cairo_scale(cr, scale, scale)
        CairoSceneRenderer.prepare(cr)
        cairo_set_fill_rule(cr, evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING)
        CairoSceneRenderer.draw(item, on: cr)
        let failed = cairo_status(cr) != CAIRO_STATUS_SUCCESS
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard !failed, let data = cairo_image_surface_get_data(surface) else { return .unbounded }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var touched = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            let row = (data + y * stride).withMemoryRebound(to: UInt32.self, capacity: w) { $0 }
            for x in 0..<w where row[x] != 0 {
                // The outer rim must stay untouched, or the bounds were not conservative.
                if x == 0 || y == 0 || x == w - 1 || y == h - 1 { return .unbounded }
                for dy in -1...1 {
                    let r = (y + dy) * w + x
                    touched[r - 1] = 1
                    touched[r] = 1
                    touched[r + 1] = 1
                }
            }
        }
        return Footprint(x0: sx0, y0: sy0, width: w, height: h, mask: touched, everywhere: false)
    }
}

extension SceneItem {
    /// A box in scene pixels that the item's ink stays inside, generously: strokes, caps, rings, glows and
    /// halos included, plus antialiasing. Text is measured through Pango as it will be drawn (a `TextItem`'s
    /// `bounds` is for label placement and may be empty). nil when no box can be given.
    func conservativeBounds(scale: Double) -> Rect? {
        func around(_ points: [Point], _ pad: Double) -> Rect? {
            guard let first = points.first else { return nil }
            var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
            for p in points {
                minX = min(minX, p.x)
                maxX = max(maxX, p.x)
                minY = min(minY, p.y)
                maxY = max(maxY, p.y)
            }
            return Rect(x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad)
        }
        let aa = 1.5
        switch symbol {
        case .polygon(let rings, _, let stroke):
            return around(rings.flatMap { $0 }, (stroke?.width ?? 0) / 2 + aa)
        case .polyline(let points, let stroke):
            return around(points, stroke.width / 2 + aa)
        case .rect(let r, _, let stroke):
            let pad = (stroke?.width ?? 0) / 2 + aa
            return Rect(x: r.x - pad, y: r.y - pad, width: r.width + 2 * pad, height: r.height + 2 * pad)
        case .marker(let m):
            var reach = 1.1 * m.radius + m.stroke.width / 2
            if m.shape == .cutBadge { reach = max(reach, m.radius + max(1.5, m.radius * 0.3)) }
            if m.ring != nil { reach = max(reach, m.ringRadius + 1.5) }
            if m.highlight != nil { reach = max(reach, m.glowRadius + 2) }
            return around([m.center], reach + aa)
        case .text(let t):
            // Measured on a scratch context with the frame's scale, so that hinting-free metrics match.
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else { return nil }
            defer { cairo_surface_destroy(surface) }
            let cr = cairo_create(surface)!
            defer { cairo_destroy(cr) }
            cairo_scale(cr, scale, scale)
            let ink = PangoText.inkBox(t, on: cr)
            // The halo is 3.5 px wide (1.75 beyond the glyphs); 2 more pixels for antialiasing and rounding.
            let pad = (t.halo != nil ? 1.75 : 0) + 2 + aa
            return Rect(x: ink.x - pad, y: ink.y - pad, width: ink.width + 2 * pad, height: ink.height + 2 * pad)
        }
    }
}
