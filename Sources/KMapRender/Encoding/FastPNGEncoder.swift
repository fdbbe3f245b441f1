internal import CCairo
internal import CDeflate
import KMapCompose

/// kmap's PNG encoder: row filter none, one libdeflate stream, text chunks written with the file.
///
/// Cairo's own writer runs libpng's adaptive row filters and zlib at level 6, most of a frame's time on kmap's
/// flat-colour maps. Unfiltered rows deflated by libdeflate decode to the same pixels in a smaller file,
/// several times sooner (docs/PERFORMANCE.md). RGB is written when every pixel is opaque, else RGBA with the
/// colours un-premultiplied as Cairo rounds them, `(c × 255 + a / 2) / a`, so either writer's file decodes to
/// the same premultiplied pixels (`FastPNGTests`).
enum FastPNGEncoder {
    /// libdeflate's level: 1 is the fastest and already smaller than Cairo's writer on kmap's frames.
    static let level: Int32 = 1

    /// The PNG bytes of an ARGB32 or RGB24 `surface` (flushed here) with `metadata` as text chunks, its
    /// scanlines and deflate output written into `workspace`'s buffers.
    ///
    /// Only the returned file (a few hundred kilobytes) is a new allocation; the multi-megabyte buffers are the
    /// workspace's, reused from frame to frame.
    static func encode(_ surface: OpaquePointer, metadata: [Scene.Metadata], in workspace: FrameWorkspace)
        throws(RenderError) -> [UInt8]
    {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24,
            let data = cairo_image_surface_get_data(surface)
        else {
            throw .encoder("the PNG encoder got an image format it does not support")
        }
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))

        let raw = try workspace.buffer(.scanlines, (width * 4 + 1) * height)
        let alpha = !rgbScanlines(
            data, width: width, height: height, stride: stride, into: raw,
            checkingOpacity: format == CAIRO_FORMAT_ARGB32)
        if alpha { rgbaScanlines(data, width: width, height: height, stride: stride, into: raw) }
        let rawCount = (width * (alpha ? 4 : 3) + 1) * height

        let compressor = try workspace.compressor(level: level)
        let bound = libdeflate_zlib_compress_bound(compressor, rawCount)
        let out = try workspace.buffer(.deflated, bound)
        let count = libdeflate_zlib_compress(compressor, raw.baseAddress, rawCount, out.baseAddress, bound)
        if count == 0 { throw .encoder("libdeflate failed to compress \(rawCount) bytes") }

        var png: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]
        png.reserveCapacity(count + 1024)
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [8, alpha ? 6 : 2, 0, 0, 0]  // bit depth 8, RGBA or RGB, deflate, filter set 0, no interlace
        appendChunk("IHDR", header, to: &png)
        for entry in metadata {
            let (type, text) = PNGText.chunk(entry)
            appendChunk(type, text, to: &png)
        }
        appendChunk("IDAT", UnsafeRawBufferPointer(rebasing: out[0..<count]), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// RGB scanlines into `out`; with `checkingOpacity`, stops and returns false at the first row holding a
    /// pixel whose alpha is not 255 (the image then needs RGBA). One pass makes both the opacity scan Cairo's
    /// writer makes and the conversion.
    static func rgbScanlines(
        _ pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int, into out: UnsafeMutableRawBufferPointer,
        checkingOpacity: Bool
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
    static func rgbaScanlines(
        _ pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int, into out: UnsafeMutableRawBufferPointer
    ) {
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
                var r = (p >> 16) & 0xFF
                var g = (p >> 8) & 0xFF
                var b = p & 0xFF
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
        out += [
            UInt8(truncatingIfNeeded: v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8),
            UInt8(truncatingIfNeeded: v),
        ]
    }

    /// A chunk: length, type, data, and the CRC-32 of type and data.
    static func appendChunk<Data: Collection<UInt8>>(_ type: String, _ data: Data, to out: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        appendBigEndian(UInt32(data.count), to: &out)
        out += typeBytes
        out += data
        let crc = out.withUnsafeBufferPointer { all in
            let covered = UnsafeBufferPointer(rebasing: all[(all.count - data.count - 4)...])
            return libdeflate_crc32(0, covered.baseAddress, covered.count)
        }
        appendBigEndian(crc, to: &out)
    }
}
