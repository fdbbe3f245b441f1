internal import CCairo
internal import CDeflate

/// A PNG encoder for Cairo image surfaces: row filter none, one IDAT chunk deflated by libdeflate.
///
/// It writes what Cairo's writer writes, pixel for pixel: RGB when every pixel is opaque, else RGBA with
/// the colours un-premultiplied the way Cairo rounds them, `(c × 255 + a / 2) / a`. Decoding either file
/// gives the same premultiplied pixels (tests compare them through `RasterImage`). Only the compression
/// differs: no adaptive row filters and a faster deflate, which on flat-colour maps is both quicker and
/// smaller (`docs/PERFORMANCE.md`).
enum FastPNGEncoder {
    /// libdeflate's level: 1 is the fastest; on kmap's frames it already beats Cairo's writer on size.
    static let defaultLevel: Int32 = 1

    /// The PNG bytes of an ARGB32 or RGB24 image `surface` (flushed here).
    static func encode(_ surface: OpaquePointer, level: Int32 = defaultLevel) throws(RenderError) -> [UInt8] {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24, let data = cairo_image_surface_get_data(surface) else {
            throw .encoder("the fast PNG writer got an image format it does not support")
        }
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let pixels = UnsafeRawPointer(data)
        let alpha = format == CAIRO_FORMAT_ARGB32 && !isOpaque(pixels, width: width, height: height, stride: stride)
        let raw = scanlines(pixels, width: width, height: height, stride: stride, alpha: alpha)
        let compressed = try Deflater(level: level).zlib(raw)

        var png: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]
        png.reserveCapacity(compressed.count + 64)
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [8, alpha ? 6 : 2, 0, 0, 0]  // bit depth 8, RGBA or RGB, deflate, filter set 0, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", compressed, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// Whether every pixel's alpha is 255, as Cairo decides before choosing RGB over RGBA.
    static func isOpaque(_ pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int) -> Bool {
        for y in 0..<height {
            let row = (pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width where row[x] >> 24 != 255 { return false }
        }
        return true
    }

    /// PNG scanlines, each a filter byte (0, none) and the row as RGB or un-premultiplied RGBA.
    ///
    /// - Complexity: O(width × height); a plain loop over native-endian words the compiler keeps tight.
    static func scanlines(_ pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int, alpha: Bool) -> [UInt8] {
        let bpp = alpha ? 4 : 3
        let rowBytes = width * bpp + 1
        return [UInt8](unsafeUninitializedCapacity: rowBytes * height) { out, count in
            for y in 0..<height {
                let row = (pixels + y * stride).assumingMemoryBound(to: UInt32.self)
                var o = y * rowBytes
                out[o] = 0
                o += 1
                if alpha {
                    for x in 0..<width {
                        let p = row[x]
                        let a = p >> 24
                        var r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                        if a != 255 && a != 0 {
                            r = (r * 255 + a / 2) / a
                            g = (g * 255 + a / 2) / a
                            b = (b * 255 + a / 2) / a
                        }
                        out[o] = UInt8(truncatingIfNeeded: r)
                        out[o + 1] = UInt8(truncatingIfNeeded: g)
                        out[o + 2] = UInt8(truncatingIfNeeded: b)
                        out[o + 3] = UInt8(truncatingIfNeeded: a)
                        o += 4
                    }
                } else {
                    for x in 0..<width {
                        let p = row[x]
                        out[o] = UInt8(truncatingIfNeeded: p >> 16)
                        out[o + 1] = UInt8(truncatingIfNeeded: p >> 8)
                        out[o + 2] = UInt8(truncatingIfNeeded: p)
                        o += 3
                    }
                }
            }
            count = rowBytes * height
        }
    }

    static func appendBigEndian(_ v: UInt32, to out: inout [UInt8]) {
        out += [UInt8(truncatingIfNeeded: v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }

    /// A chunk: length, type, data, and the CRC-32 of type and data.
    static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        appendBigEndian(UInt32(data.count), to: &out)
        out += typeBytes
        var crc = typeBytes.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
        if !data.isEmpty { crc = data.withUnsafeBytes { libdeflate_crc32(crc, $0.baseAddress, $0.count) } }
        out += data
        appendBigEndian(crc, to: &out)
    }
}

/// Owns one libdeflate compressor: the only place its lifetime is managed.
struct Deflater: ~Copyable {
    let compressor: OpaquePointer

    init(level: Int32) throws(RenderError) {
        guard let c = libdeflate_alloc_compressor(level) else {
            throw .encoder("libdeflate could not allocate a level-\(level) compressor (out of memory?)")
        }
        compressor = c
    }

    deinit { libdeflate_free_compressor(compressor) }

    /// `input` as a zlib stream (what a PNG's IDAT holds).
    func zlib(_ input: [UInt8]) throws(RenderError) -> [UInt8] {
        let bound = libdeflate_zlib_compress_bound(compressor, input.count)
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            count = input.withUnsafeBytes { libdeflate_zlib_compress(compressor, $0.baseAddress, $0.count, buffer.baseAddress, bound) }
            failed = count == 0
        }
        if failed { throw .encoder("libdeflate failed to compress \(input.count) bytes") }
        return out
    }
}
