internal import CDeflate
import Foundation
import KMapCompose

/// A `MaskImage` in SVG: an `<image>` whose picture is a PNG inside the file, as a `data:` address.
///
/// Embedding keeps the SVG one self-contained file that names no other (a map editor or browser shows the relief
/// without a companion file, and opening it fetches nothing); a PNG cannot carry script. The PNG is indexed: a
/// cell's coverage is its palette index, and the palette is the mask's colour at 256 opacities (`tRNS`), so it
/// costs a byte a cell before compression and decodes to what Cairo paints.
enum SVGMaskImage {
    static func element(_ m: MaskImage, id: String, title: String) -> String {
        let f = m.frame
        return
            "<image id=\"\(id)\" x=\"\(SVGWriter.n(f.x))\" y=\"\(SVGWriter.n(f.y))\" width=\"\(SVGWriter.n(f.width))\" height=\"\(SVGWriter.n(f.height))\" preserveAspectRatio=\"none\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"data:image/png;base64,\(png(m).base64EncodedString())\">\(title)</image>"
    }

    /// The mask as an 8-bit indexed PNG; empty for an empty mask.
    static func png(_ m: MaskImage) -> Data {
        guard m.columns > 0, m.rows > 0, m.coverage.count == m.columns * m.rows else { return Data() }
        var png: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]
        var header: [UInt8] = []
        FastPNGEncoder.appendBigEndian(UInt32(m.columns), to: &header)
        FastPNGEncoder.appendBigEndian(UInt32(m.rows), to: &header)
        header += [8, 3, 0, 0, 0]  // bit depth 8, indexed colour, deflate, filter set 0, no interlace
        FastPNGEncoder.appendChunk("IHDR", header, to: &png)
        func byte(_ v: Double) -> UInt8 { UInt8((min(1, max(0, v)) * 255).rounded()) }
        let rgb = [byte(m.color.r), byte(m.color.g), byte(m.color.b)]
        FastPNGEncoder.appendChunk("PLTE", (0..<256).flatMap { _ in rgb }, to: &png)
        FastPNGEncoder.appendChunk("tRNS", (0..<256).map { byte(Double($0) / 255 * m.color.a) }, to: &png)
        var raw = [UInt8]()
        raw.reserveCapacity((m.columns + 1) * m.rows)
        for row in 0..<m.rows {
            raw.append(0)  // row filter: none
            raw += m.coverage[(row * m.columns)..<((row + 1) * m.columns)]
        }
        guard let compressor = libdeflate_alloc_compressor(9) else { return Data() }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, raw.count)
        var out = [UInt8](repeating: 0, count: bound)
        let count = out.withUnsafeMutableBytes { o in
            raw.withUnsafeBytes {
                libdeflate_zlib_compress(compressor, $0.baseAddress, raw.count, o.baseAddress, bound)
            }
        }
        guard count > 0 else { return Data() }
        FastPNGEncoder.appendChunk("IDAT", out[0..<count], to: &png)
        FastPNGEncoder.appendChunk("IEND", [], to: &png)
        return Data(png)
    }
}
