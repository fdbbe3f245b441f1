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

    /// The PNG bytes of an ARGB32 or RGB24 image `surface` (flushed here), with buffers from a pooled workspace.
    static func encode(_ surface: OpaquePointer, level: Int32 = defaultLevel) throws(RenderError) -> [UInt8] {
        try FrameWorkspace.Pool.shared.with { workspace throws(RenderError) in try encode(surface, level: level, in: workspace) }
    }

    /// The PNG bytes of `surface`, its scanlines and deflate output written into `workspace`'s buffers.
    ///
    /// Only the returned file (a few hundred kilobytes) is a new allocation; the multi-megabyte buffers are
    /// the workspace's, reused from frame to frame.
    static func encode(_ surface: OpaquePointer, level: Int32 = defaultLevel, in workspace: FrameWorkspace) throws(RenderError) -> [UInt8] {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24, let data = cairo_image_surface_get_data(surface) else {
            throw .encoder("the fast PNG writer got an image format it does not support")
        }
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let pixels = UnsafeRawPointer(data)
        let raw = workspace.scanlineBuffer((width * 4 + 1) * height)
        var alpha = false
        if format == CAIRO_FORMAT_ARGB32 {
            alpha = !rgbScanlines(pixels, width: width, height: height, stride: stride, into: raw, checkingOpacity: true)
        } else {
            _ = rgbScanlines(pixels, width: width, height: height, stride: stride, into: raw, checkingOpacity: false)
        }
        if alpha { rgbaScanlines(pixels, width: width, height: height, stride: stride, into: raw) }
        let rawCount = (width * (alpha ? 4 : 3) + 1) * height

        let compressor = try workspace.deflater(level: level)
        let bound = libdeflate_zlib_compress_bound(compressor, rawCount)
        let out = workspace.outputBuffer(bound)
        let compressedCount = libdeflate_zlib_compress(compressor, raw.baseAddress, rawCount, out.baseAddress, bound)
        if compressedCount == 0 { throw .encoder("libdeflate failed to compress \(rawCount) bytes") }
        let compressed = UnsafeRawBufferPointer(rebasing: out[0..<compressedCount])

        var png: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]
        png.reserveCapacity(compressedCount + 64)
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [8, alpha ? 6 : 2, 0, 0, 0]  // bit depth 8, RGBA or RGB, deflate, filter set 0, no interlace
        header.withUnsafeBytes { appendChunk("IHDR", $0, to: &png) }
        appendChunk("IDAT", compressed, to: &png)
        appendChunk("IEND", UnsafeRawBufferPointer(start: nil, count: 0), to: &png)
        return png
    }

    /// RGB scanlines into `out`; with `checkingOpacity`, stops and returns false at the first row holding a
    /// pixel whose alpha is not 255 (the image then needs RGBA). One pass does both the opacity scan Cairo's
    /// writer makes and the conversion.
    static func rgbScanlines(
        _ pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int, into out: UnsafeMutableRawBufferPointer, checkingOpacity: Bool
    ) -> Bool {
        let rowBytes = width * 3 + 1
        precondition(out.count >= rowBytes * height)
        let base = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
        for y in 0..<height {
            let row = (pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            var o = base + y * rowBytes
            o[0] = 0
            o += 1
            var all: UInt32 = 0xFFFF_FFFF
            for x in 0..<width {
                let p = row[x]
                all &= p
                o[0] = UInt8(truncatingIfNeeded: p >> 16)
                o[1] = UInt8(truncatingIfNeeded: p >> 8)
                o[2] = UInt8(truncatingIfNeeded: p)
                o += 3
            }
            if checkingOpacity, all >> 24 != 255 { return false }
        }
        return true
    }

    /// Un-premultiplied RGBA scanlines into `out`, rounding as Cairo does: `(c × 255 + a / 2) / a`.
    static func rgbaScanlines(_ pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int, into out: UnsafeMutableRawBufferPointer) {
        let rowBytes = width * 4 + 1
        precondition(out.count >= rowBytes * height)
        let base = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
        for y in 0..<height {
            let row = (pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            var o = base + y * rowBytes
            o[0] = 0
            o += 1
            for x in 0..<width {
                let p = row[x]
                let a = p >> 24
                var r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                if a != 255 && a != 0 {
                    r = (r * 255 + a / 2) / a
                    g = (g * 255 + a / 2) / a
                    b = (b * 255 + a / 2) / a
                }
                o[0] = UInt8(truncatingIfNeeded: r)
                o[1] = UInt8(truncatingIfNeeded: g)
                o[2] = UInt8(truncatingIfNeeded: b)
                o[3] = UInt8(truncatingIfNeeded: a)
                o += 4
            }
        }
    }

    static func appendBigEndian(_ v: UInt32, to out: inout [UInt8]) {
        out += [UInt8(truncatingIfNeeded: v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }

    /// A chunk: length, type, data, and the CRC-32 of type and data.
    static func appendChunk(_ type: String, _ data: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        appendBigEndian(UInt32(data.count), to: &out)
        out += typeBytes
        var crc = typeBytes.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
        if !data.isEmpty {
            crc = libdeflate_crc32(crc, data.baseAddress, data.count)
            out.append(contentsOf: data)
        }
        appendBigEndian(crc, to: &out)
    }
}
