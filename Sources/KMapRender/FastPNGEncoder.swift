internal import CCairo
internal import CDeflate
import Dispatch

/// A PNG encoder for Cairo image surfaces: row filter none, deflated by libdeflate.
///
/// It writes what Cairo's writer writes, pixel for pixel: RGB when every pixel is opaque, else RGBA with
/// the colours un-premultiplied the way Cairo rounds them, `(c × 255 + a / 2) / a`. Decoding either file
/// gives the same premultiplied pixels (tests compare them through `RasterImage`). Only the compression
/// differs: no adaptive row filters and a faster deflate, which on flat-colour maps is both quicker and
/// smaller (`docs/PERFORMANCE.md`).
///
/// A large image is written in two parts, its top and bottom rows, each converted and compressed apart and
/// then joined into the one zlib stream (`DeflateJoin`): two cores can then share a single frame. How an image
/// is cut depends only on its size (`partRows`), never on the threads at hand, so the file is the same
/// whether the parts were written one after the other or at once.
enum FastPNGEncoder {
    /// libdeflate's level: 1 is the fastest; on kmap's frames it already beats Cairo's writer on size.
    static let defaultLevel: Int32 = 1
    /// Images with fewer RGBA scanline bytes than this are written as one part: for them, a thread costs more
    /// than it saves. At or above it, two parts (a 1600×1200 frame is 7.7 MB).
    static let splitBytes = 1 << 20

    /// Where an image's rows are cut into parts: by its size alone.
    static func partRows(width: Int, height: Int) -> [Range<Int>] {
        guard (width * 4 + 1) * height >= splitBytes, height >= 2 else { return [0..<height] }
        return [0..<(height / 2), (height / 2)..<height]
    }

    /// An image's pixels as Cairo holds them (premultiplied ARGB32, or RGB24).
    struct Pixels: @unchecked Sendable {
        let base: UnsafeRawPointer
        let width: Int, height: Int, stride: Int
        /// RGB24: no alpha channel to look at.
        let opaqueFormat: Bool

        init(_ surface: OpaquePointer) throws(RenderError) {
            cairo_surface_flush(surface)
            let format = cairo_image_surface_get_format(surface)
            guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24, let data = cairo_image_surface_get_data(surface) else {
                throw .encoder("the fast PNG writer got an image format it does not support")
            }
            base = UnsafeRawPointer(data)
            width = Int(cairo_image_surface_get_width(surface))
            height = Int(cairo_image_surface_get_height(surface))
            stride = Int(cairo_image_surface_get_stride(surface))
            opaqueFormat = format == CAIRO_FORMAT_RGB24
        }
    }

    /// One part as written: its colour type, its raw (scanline) length and checksum, and its deflate stream's
    /// length in its `FrameWorkspace.Part`'s output buffer; nil when a stream to be joined could not be
    /// (`DeflateJoin.makeJoinable`).
    struct EncodedPart: Sendable {
        var alpha: Bool
        var rawCount: Int
        var adler: UInt32
        var compressedCount: Int?
    }

    /// The PNG bytes of an ARGB32 or RGB24 image `surface` (flushed here), with buffers from a pooled workspace.
    static func encode(_ surface: OpaquePointer, level: Int32 = defaultLevel, threads: Int = 1) throws(RenderError) -> [UInt8] {
        try FrameWorkspace.Pool.shared.with { workspace throws(RenderError) in
            try encode(surface, level: level, threads: threads, in: workspace)
        }
    }

    /// The PNG bytes of `surface`, its scanlines and deflate output written into `workspace`'s buffers; with
    /// `threads` of 2 or more, the parts are written at once.
    ///
    /// Only the returned file (a few hundred kilobytes) is a new allocation; the multi-megabyte buffers are
    /// the workspace's, reused from frame to frame.
    static func encode(
        _ surface: OpaquePointer, level: Int32 = defaultLevel, threads: Int = 1, in workspace: FrameWorkspace
    ) throws(RenderError) -> [UInt8] {
        let pixels = try Pixels(surface)
        let rows = partRows(width: pixels.width, height: pixels.height)
        let parts = rows.indices.map { workspace.part($0) }
        let encoded = try Parallel.map(rows.count, threads: threads) { k throws(RenderError) in
            try encodePart(pixels, rows: rows[k], alpha: nil, level: level, joinable: k < rows.count - 1, into: parts[k])
        }
        return try assemble(pixels, rows: rows, parts: encoded, level: level, in: workspace)
    }

    /// Converts rows `rows` of `pixels` to scanlines and deflates them (raw DEFLATE) into `part`, `joinable`
    /// for a part another follows. `alpha` nil writes RGB when every pixel of these rows is opaque, RGBA
    /// otherwise; true writes RGBA.
    static func encodePart(
        _ pixels: Pixels, rows: Range<Int>, alpha: Bool?, level: Int32, joinable: Bool, into part: FrameWorkspace.Part
    ) throws(RenderError) -> EncodedPart {
        let first = pixels.base + rows.lowerBound * pixels.stride
        let raw = try part.scanlineBuffer((pixels.width * 4 + 1) * rows.count)
        var rgba = alpha ?? false
        if !rgba {
            let opaque = rgbScanlines(
                first, width: pixels.width, height: rows.count, stride: pixels.stride, into: raw, checkingOpacity: !pixels.opaqueFormat)
            rgba = !opaque
        }
        if rgba { rgbaScanlines(first, width: pixels.width, height: rows.count, stride: pixels.stride, into: raw) }
        let rawCount = (pixels.width * (rgba ? 4 : 3) + 1) * rows.count

        let compressor = try part.deflater(level: level)
        // 8 bytes of room for `DeflateJoin.makeJoinable`'s empty stored block.
        let bound = libdeflate_deflate_compress_bound(compressor, rawCount) + 8
        let out = try part.outputBuffer(bound)
        let count = libdeflate_deflate_compress(compressor, raw.baseAddress, rawCount, out.baseAddress, bound)
        if count == 0 { throw .encoder("libdeflate failed to compress \(rawCount) bytes") }
        let adler = libdeflate_adler32(1, raw.baseAddress, rawCount)
        return EncodedPart(alpha: rgba, rawCount: rawCount, adler: adler, compressedCount: joinable ? DeflateJoin.makeJoinable(out, count: count) : count)
    }

    /// The PNG of `pixels` from its parts, encoded with `encodePart` into `workspace.part(k)`: one colour type
    /// for all (parts written as RGB are written again as RGBA when another part needed RGBA), the parts'
    /// streams joined into one zlib stream.
    static func assemble(
        _ pixels: Pixels, rows: [Range<Int>], parts encodedParts: [EncodedPart], level: Int32, in workspace: FrameWorkspace
    ) throws(RenderError) -> [UInt8] {
        var rows = rows, encoded = encodedParts
        let alpha = encoded.contains { $0.alpha }
        for k in encoded.indices where encoded[k].alpha != alpha {
            encoded[k] = try encodePart(pixels, rows: rows[k], alpha: true, level: level, joinable: k < rows.count - 1, into: workspace.part(k))
        }
        if encoded.contains(where: { $0.compressedCount == nil }) {
            // A stream the walk could not read (never seen): the whole image as one stream instead.
            rows = [0..<pixels.height]
            encoded = [try encodePart(pixels, rows: rows[0], alpha: alpha, level: level, joinable: false, into: workspace.part(0))]
        }
        let streams = encoded.indices.map { k in UnsafeRawBufferPointer(rebasing: workspace.part(k).output!.bytes[0..<encoded[k].compressedCount!]) }
        var adler = encoded[0].adler
        for part in encoded.dropFirst() { adler = DeflateJoin.adler32Combine(adler, part.adler, length2: part.rawCount) }
        var trailer: [UInt8] = []
        appendBigEndian(adler, to: &trailer)
        let zlibHeader = DeflateJoin.zlibHeader(level: level)

        var png: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]
        png.reserveCapacity(streams.reduce(64) { $0 + $1.count })
        var header: [UInt8] = []
        appendBigEndian(UInt32(pixels.width), to: &header)
        appendBigEndian(UInt32(pixels.height), to: &header)
        header += [8, alpha ? 6 : 2, 0, 0, 0]  // bit depth 8, RGBA or RGB, deflate, filter set 0, no interlace
        header.withUnsafeBytes { appendChunk("IHDR", [$0], to: &png) }
        zlibHeader.withUnsafeBytes { zh in
            trailer.withUnsafeBytes { tr in appendChunk("IDAT", [zh] + streams + [tr], to: &png) }
        }
        appendChunk("IEND", [], to: &png)
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

    /// A chunk: length, type, data (given in pieces), and the CRC-32 of type and data.
    static func appendChunk(_ type: String, _ pieces: [UnsafeRawBufferPointer], to out: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        appendBigEndian(UInt32(pieces.reduce(0) { $0 + $1.count }), to: &out)
        out += typeBytes
        var crc = typeBytes.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
        for data in pieces where !data.isEmpty {
            crc = libdeflate_crc32(crc, data.baseAddress, data.count)
            out.append(contentsOf: data)
        }
        appendBigEndian(crc, to: &out)
    }
}
