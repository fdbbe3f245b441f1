import CDeflate
import KMapTestSupport
import Testing
@testable import KMapRender

/// Streams compressed apart and joined (`DeflateJoin`) inflate to the whole, with a valid checksum, whatever
/// the data, the level and the cuts; the walk that finds the final block fails cleanly on broken streams.
@Suite struct DeflateJoinTests {
    /// Kinds of data: noise (stored and dynamic blocks), long runs (long matches), map-like rows of flat colour
    /// with edges, and text-like bytes (fixed and dynamic codes).
    static func data(_ kind: Int, count: Int, _ random: inout SplitMix64) -> [UInt8] {
        switch kind {
        case 0: return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        case 1:
            var out: [UInt8] = []
            while out.count < count { out += [UInt8](repeating: UInt8(random.below(4)), count: 1 + random.below(3000)) }
            return Array(out.prefix(count))
        case 2:
            let width = 1 + random.below(700)
            var out: [UInt8] = []
            var colour: [UInt8] = [200, 180, 140]
            while out.count < count {
                out.append(0)
                for x in 0..<width {
                    if random.below(97) == 0 { colour = [UInt8(random.below(256)), UInt8(random.below(256)), 90] }
                    out += x % 53 == 0 ? [20, 20, 20] : colour
                }
            }
            return Array(out.prefix(count))
        default:
            let words = ["Khanasir", " ", "road", "\n", "2016", "ISIL", "Rasm al-Nafal", ",", "Jabbul"]
            var out: [UInt8] = []
            while out.count < count { out += Array(random.pick(words).utf8) }
            return Array(out.prefix(count))
        }
    }

    static func deflate(_ data: ArraySlice<UInt8>, level: Int32) -> [UInt8] {
        let c = libdeflate_alloc_compressor(level)!
        defer { libdeflate_free_compressor(c) }
        let bound = libdeflate_deflate_compress_bound(c, data.count) + 8
        var out = [UInt8](repeating: 0xA5, count: bound)  // not zero: joining must not rely on clean padding beyond the stream
        let n = data.withUnsafeBytes { d in out.withUnsafeMutableBytes { libdeflate_deflate_compress(c, d.baseAddress, d.count, $0.baseAddress, bound) } }
        precondition(n > 0)
        return Array(out[0..<n]) + [UInt8](repeating: 0xA5, count: 8)  // room for the stored block, dirty
    }

    static func inflate(zlib: [UInt8], expected: Int) -> [UInt8]? {
        let d = libdeflate_alloc_decompressor()!
        defer { libdeflate_free_decompressor(d) }
        var out = [UInt8](repeating: 0, count: expected)
        var actual = 0
        let result = zlib.withUnsafeBytes { z in
            out.withUnsafeMutableBytes { libdeflate_zlib_decompress(d, z.baseAddress, z.count, $0.baseAddress, expected, &actual) }
        }
        return result == LIBDEFLATE_SUCCESS && actual == expected ? out : nil
    }

    static func adler(_ data: ArraySlice<UInt8>) -> UInt32 { data.withUnsafeBytes { libdeflate_adler32(1, $0.baseAddress, $0.count) } }

    /// Compresses `data` cut at `cuts` and joins the parts into one zlib stream.
    static func joined(_ data: [UInt8], cuts: [Int], level: Int32) -> [UInt8]? {
        let bounds = [0] + cuts + [data.count]
        var stream = DeflateJoin.zlibHeader(level: level)
        var check: UInt32 = 1
        for k in 0..<(bounds.count - 1) {
            let part = data[bounds[k]..<bounds[k + 1]]
            var compressed = deflate(part, level: level)
            let streamCount = compressed.count - 8
            if k < bounds.count - 2 {
                guard let n = compressed.withUnsafeMutableBytes({ DeflateJoin.makeJoinable($0, count: streamCount) }) else { return nil }
                stream += compressed[0..<n]
            } else {
                stream += compressed[0..<streamCount]
            }
            check = k == 0 ? adler(part) : DeflateJoin.adler32Combine(check, adler(part), length2: part.count)
        }
        return stream + [UInt8(check >> 24), UInt8(truncatingIfNeeded: check >> 16), UInt8(truncatingIfNeeded: check >> 8), UInt8(truncatingIfNeeded: check)]
    }

    @Test(arguments: [Int32(0), 1, 6, 12]) func joinedPartsInflateToTheWhole(level: Int32) throws {
        var random = SplitMix64(seed: 0x6B6D_6170 &+ UInt64(level))
        for trial in 0..<60 {
            let kind = trial % 4
            let count = [0, 1, 7, 300, 5000, 70_000, 200_000][random.below(7)]
            let data = Self.data(kind, count: count, &random)
            let cuts = (0..<(1 + random.below(3))).map { _ in random.below(count + 1) }.sorted()
            // Bools, not the arrays, in the expectations: on failure they would print megabytes.
            let stream = Self.joined(data, cuts: cuts, level: level)
            #expect(stream != nil, "kind \(kind), \(count) bytes, cuts \(cuts), level \(level): did not join")
            let same = stream.flatMap { Self.inflate(zlib: $0, expected: count) } == data
            #expect(same, "kind \(kind), \(count) bytes, cuts \(cuts), level \(level): the joined stream does not inflate to the data")
        }
    }

    @Test func theWalkEndsWhereLibdeflatesStreamEnds() {
        var random = SplitMix64(seed: 7)
        for trial in 0..<40 {
            let data = Self.data(trial % 4, count: 1 + random.below(150_000), &random)
            for level: Int32 in [0, 1, 9] {
                let compressed = Self.deflate(data[...], level: level)
                let count = compressed.count - 8
                let last = compressed.withUnsafeBytes { DeflateJoin.lastBlock(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                #expect(last.map { ($0.end + 7) / 8 } == count, "trial \(trial), level \(level)")
                #expect(last.map { $0.header < $0.end } == true)
            }
        }
    }

    @Test func brokenStreamsAreRefusedNotTrusted() {
        var random = SplitMix64(seed: 11)
        let data = Self.data(2, count: 60_000, &random)
        let compressed = Self.deflate(data[...], level: 1)
        let count = compressed.count - 8
        compressed.withUnsafeBytes { all in
            // Every truncation loses bits of the final block.
            for cut in stride(from: 0, to: count, by: max(1, count / 200)) {
                #expect(DeflateJoin.lastBlock(UnsafeRawBufferPointer(rebasing: all[0..<cut])) == nil, "cut at \(cut) of \(count)")
            }
        }
        // Noise and flipped bytes: the walk may or may not find a final block, but never reads out of bounds.
        for _ in 0..<2000 {
            var bytes = random.below(2) == 0 ? (0..<random.below(400)).map { _ in UInt8(truncatingIfNeeded: random.next()) } : Array(compressed[0..<count])
            if !bytes.isEmpty { bytes[random.below(bytes.count)] ^= UInt8(1 << random.below(8)) }
            let found = bytes.withUnsafeBytes { DeflateJoin.lastBlock($0) }
            if let found { #expect(found.end <= bytes.count * 8) }
        }
    }

    @Test func adlerOfPartsCombinesToTheWhole() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let data = Self.data(random.below(4), count: random.below(300_000), &random)
            let cut = random.below(data.count + 1)
            let combined = DeflateJoin.adler32Combine(Self.adler(data[..<cut]), Self.adler(data[cut...]), length2: data.count - cut)
            #expect(combined == Self.adler(data[...]), "\(data.count) bytes cut at \(cut)")
        }
    }

    @Test func zlibHeadersAreLibdeflates() {
        for level: Int32 in 0...12 {
            let c = libdeflate_alloc_compressor(level)!
            defer { libdeflate_free_compressor(c) }
            var out = [UInt8](repeating: 0, count: 64)
            let n = out.withUnsafeMutableBytes { libdeflate_zlib_compress(c, nil, 0, $0.baseAddress, 64) }
            #expect(n > 2)
            #expect(Array(out[0..<2]) == DeflateJoin.zlibHeader(level: level), "level \(level)")
        }
    }
}

/// The walk reads what libdeflate writes for real frames: the top half of a frame is made joinable (else the
/// writer would quietly fall back to one stream, slower and on one core).
@Suite struct FramePartJoinTests {
    @Test func theTopHalfOfARealFrameIsMadeJoinable() throws {
        for scene in try StaticLayerTests.referenceSequence(frames: 1) + StaticLayerTests.sequence(FrameOptions(), from: "2016-02-23", days: 1) {
            let workspace = FrameWorkspace()
            _ = try CairoSceneRenderer.renderPNG(scene, scale: 1, pngWriter: .fast, in: workspace)
            let surface = try #require(workspace.surface)
            let pixels = try FastPNGEncoder.Pixels(surface)
            let rows = FastPNGEncoder.partRows(width: pixels.width, height: pixels.height)
            #expect(rows.count == 2)
            let top = try FastPNGEncoder.encodePart(pixels, rows: rows[0], alpha: nil, level: 1, joinable: true, into: workspace.part(0))
            #expect(top.compressedCount != nil)
        }
    }
}
