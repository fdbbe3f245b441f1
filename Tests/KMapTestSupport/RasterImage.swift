internal import CCairo

@testable import KMapCompose

/// A decoded PNG's pixels, for probing what a frame really shows.
///
/// Decoding goes through Cairo's PNG reader, so a probe checks the encoded bytes a user gets, not an
/// in-memory surface.
public struct RasterImage: Sendable {
    /// Why a PNG could not be decoded.
    public struct DecodeError: Error { public let status: String }

    public let width: Int
    public let height: Int
    /// Premultiplied ARGB32, native-endian, row-major, `width` pixels a row.
    public let pixels: [UInt32]

    public init(png: [UInt8]) throws(DecodeError) {
        final class Source {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let source = Source(png)
        let read: cairo_read_func_t = { closure, data, length in
            let s = Unmanaged<Source>.fromOpaque(closure!).takeUnretainedValue()
            let n = Int(length)
            guard let data, s.offset + n <= s.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            s.bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress! + s.offset, count: n) }
            s.offset += n
            return CAIRO_STATUS_SUCCESS
        }
        let surface = cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())!
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw DecodeError(status: String(cString: cairo_status_to_string(status)))
        }
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        let base = cairo_image_surface_get_data(surface)!
        var out = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(base + y * stride)
            for x in 0..<width {
                var v = row.load(fromByteOffset: x * 4, as: UInt32.self)
                if format == CAIRO_FORMAT_RGB24 { v |= 0xFF00_0000 }
                out[y * width + x] = v
            }
        }
        pixels = out
    }

    /// The colour at a pixel (un-premultiplied), or nil outside the image.
    public func color(x: Int, y: Int) -> Color? {
        guard (0..<width).contains(x), (0..<height).contains(y) else { return nil }
        let v = pixels[y * width + x]
        let a = Double(v >> 24) / 255
        guard a > 0 else { return Color(r: 0, g: 0, b: 0, a: 0) }
        return Color(
            r: Double((v >> 16) & 0xFF) / 255 / a, g: Double((v >> 8) & 0xFF) / 255 / a, b: Double(v & 0xFF) / 255 / a,
            a: a)
    }

    public func color(at p: Point) -> Color? { color(x: Int(p.x.rounded(.down)), y: Int(p.y.rounded(.down))) }
}

extension Color {
    /// Whether two colours agree within `tolerance` per channel (0…1).
    public func isClose(to o: Color, tolerance: Double = 2.0 / 255) -> Bool {
        abs(r - o.r) <= tolerance && abs(g - o.g) <= tolerance && abs(b - o.b) <= tolerance && abs(a - o.a) <= tolerance
    }
}
