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
    /// The first device row, and for each row from there the runs of pixels the item may change: row `y0 + k`
    /// holds the pairs `runs[rowStart[k]..<rowStart[k + 1]]`, each a start and an end (exclusive) in device x.
    /// Runs rather than a bitmap: a road across the frame touches a thin band of a large box.
    let y0: Int
    let rowStart: [Int32]
    let runs: [Int32]
    /// Device columns the runs span, for a quick rejection.
    let minX: Int, maxX: Int
    /// True when the measurement failed or escaped its bounds: treat as touching everything.
    let everywhere: Bool

    static let unbounded = Footprint(y0: 0, rowStart: [0], runs: [], minX: 0, maxX: 0, everywhere: true)

    var rows: Int { rowStart.count - 1 }

    /// Whether the two items share at least one pixel they may both change.
    func intersects(_ other: Footprint) -> Bool {
        if everywhere || other.everywhere { return true }
        guard minX < other.maxX, other.minX < maxX else { return false }
        let top = max(y0, other.y0), bottom = min(y0 + rows, other.y0 + other.rows)
        guard top < bottom else { return false }
        for y in top..<bottom {
            var i = Int(rowStart[y - y0]), j = Int(other.rowStart[y - other.y0])
            let iEnd = Int(rowStart[y - y0 + 1]), jEnd = Int(other.rowStart[y - other.y0 + 1])
            while i < iEnd, j < jEnd {
                if runs[i] < other.runs[j + 1], other.runs[j] < runs[i + 1] { return true }
                if runs[i + 1] <= other.runs[j + 1] { i += 2 } else { j += 2 }
            }
        }
        return false
    }

    /// Whether the item may change device pixel (x, y).
    func touches(x: Int, y: Int) -> Bool {
        if everywhere { return true }
        guard y >= y0, y < y0 + rows else { return false }
        var i = Int(rowStart[y - y0])
        while i < Int(rowStart[y - y0 + 1]) {
            if Int(runs[i]) <= x, x < Int(runs[i + 1]) { return true }
            i += 2
        }
        return false
    }

    /// Draws `item` alone at `scale` with the fill rule it has in the frame and records what it touched.
    static func measure(_ item: SceneItem, evenOdd: Bool, scale: Double) -> Footprint {
        guard let box = item.conservativeBounds(scale: scale) else { return .unbounded }
        // The bounds in device pixels, rounded outwards, then a rim of 2 pixels: 1 for the widening and 1 to
        // notice an item that escapes its bounds. Far outside the frame (or not finite) nothing is measured:
        // Cairo's fixed-point coordinates end near 8 million pixels, and the scratch surface would be huge.
        let rim = 2.0
        let left = (box.x * scale).rounded(.down) - rim, top = (box.y * scale).rounded(.down) - rim
        let right = ((box.x + box.width) * scale).rounded(.up) + rim
        let bottom = ((box.y + box.height) * scale).rounded(.up) + rim
        let limit = 1_000_000.0
        guard [left, top, right, bottom].allSatisfy({ $0.isFinite && abs($0) < limit }),
            right > left, bottom > top, (right - left) * (bottom - top) <= 16_000_000
        else { return .unbounded }
        let sx0 = Int(left), sy0 = Int(top), w = Int(right - left), h = Int(bottom - top)
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
        return runs(of: touched, width: w, height: h, x0: sx0, y0: sy0)
    }

    /// The runs of a byte mask (1 = touched) whose pixel (0, 0) is device pixel (x0, y0); empty rows at the top
    /// and bottom are dropped.
    static func runs(of mask: [UInt8], width w: Int, height h: Int, x0: Int, y0: Int) -> Footprint {
        var rowStart: [Int32] = [0], runs: [Int32] = []
        var first = -1, last = -1, minX = Int.max, maxX = Int.min
        for y in 0..<h {
            var x = 0
            let before = runs.count
            while x < w {
                guard mask[y * w + x] != 0 else {
                    x += 1
                    continue
                }
                let start = x
                while x < w, mask[y * w + x] != 0 { x += 1 }
                runs.append(Int32(x0 + start))
                runs.append(Int32(x0 + x))
                minX = min(minX, x0 + start)
                maxX = max(maxX, x0 + x)
            }
            if runs.count > before {
                if first < 0 { first = y }
                last = y
            }
            rowStart.append(Int32(runs.count))
        }
        guard first >= 0 else { return Footprint(y0: y0, rowStart: [0], runs: [], minX: 0, maxX: 0, everywhere: false) }
        return Footprint(
            y0: y0 + first, rowStart: Array(rowStart[first...(last + 1)]), runs: runs, minX: minX, maxX: maxX, everywhere: false)
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
