internal import CDeflate

/// Joins raw DEFLATE streams compressed apart into one stream, so the two halves of a frame can be compressed
/// on two cores and still make the one zlib stream a PNG must hold.
///
/// libdeflate compresses whole buffers only, and every stream it writes ends with a block marked final. A
/// stream is made joinable by clearing that mark and ending the stream on a byte boundary with an empty stored
/// block (what zlib's sync flush writes, and what pigz joins its pieces with); the next stream's bytes then
/// follow as they are. Where the final block starts and ends is found by walking the stream's blocks and
/// codes (`lastBlock`): a walk over the compressed bytes, some tens of kilobytes for a frame, not a
/// decompression into megabytes. The zlib wrapper's checksum of the whole is combined from the parts'
/// (`adler32Combine`, as zlib's `adler32_combine`).
enum DeflateJoin {
    /// Bit positions in a stream: the final block's 3-bit header, and just past its end-of-block code.
    struct LastBlock: Equatable {
        var header: Int
        var end: Int
    }

    /// Makes the raw DEFLATE stream in the first `count` bytes of `buffer` joinable, in place: the final
    /// block's mark cleared and an empty stored block appended. Returns the new length (at most `count` + 5;
    /// `buffer` must have that room), or nil when the stream does not parse (the caller then compresses the
    /// whole image as one stream).
    static func makeJoinable(_ buffer: UnsafeMutableRawBufferPointer, count: Int) -> Int? {
        guard let last = lastBlock(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) else { return nil }
        let headerEnd = last.end + 3  // BFINAL 0, BTYPE 00 (stored)
        let aligned = (headerEnd + 7) / 8
        guard aligned + 4 <= buffer.count else { return nil }
        buffer[last.header >> 3] &= ~UInt8(1 << (last.header & 7))
        // The bits past the end-of-block code become the stored block's header and its padding: all zero.
        let endByte = last.end >> 3, endBit = last.end & 7
        buffer[endByte] &= UInt8((1 << endBit) - 1)
        for i in (endByte + 1)..<aligned { buffer[i] = 0 }
        buffer[aligned] = 0x00
        buffer[aligned + 1] = 0x00
        buffer[aligned + 2] = 0xFF
        buffer[aligned + 3] = 0xFF
        return aligned + 4
    }

    /// The zlib header libdeflate writes for `level` (compression method 8, 32 KiB window, its level hint).
    static func zlibHeader(level: Int32) -> [UInt8] {
        let hint: UInt16 = level < 2 ? 0 : level < 6 ? 1 : level < 8 ? 2 : 3
        var header: UInt16 = (8 << 8) | (7 << 12) | (hint << 6)
        header |= 31 - header % 31
        return [UInt8(header >> 8), UInt8(header & 0xFF)]
    }

    /// The Adler-32 of two byte strings one after the other, from the checksum of each and the second's length.
    static func adler32Combine(_ adler1: UInt32, _ adler2: UInt32, length2: Int) -> UInt32 {
        let base: UInt64 = 65521
        let rem = UInt64(length2) % base
        var sum1 = UInt64(adler1 & 0xFFFF)
        var sum2 = (rem * sum1) % base
        sum1 += UInt64(adler2 & 0xFFFF) + base - 1
        sum2 += UInt64(adler1 >> 16) + UInt64(adler2 >> 16) + base - rem
        if sum1 >= base { sum1 -= base }
        if sum1 >= base { sum1 -= base }
        if sum2 >= base << 1 { sum2 -= base << 1 }
        if sum2 >= base { sum2 -= base }
        return UInt32(sum1 | (sum2 << 16))
    }

    /// Where the final block of the raw DEFLATE stream `s` starts and ends; nil if `s` is not a whole, valid
    /// stream.
    static func lastBlock(_ s: UnsafeRawBufferPointer) -> LastBlock? {
        var bits = BitReader(s)
        while true {
            let header = bits.position
            guard let final = bits.read(1), let type = bits.read(2) else { return nil }
            switch type {
            case 0:
                bits.alignToByte()
                guard let length = bits.read(16), let inverse = bits.read(16), length == ~inverse & 0xFFFF,
                    bits.skip(Int(length) * 8)
                else { return nil }
            case 1:
                guard walkCodes(&bits, Fixed.literals, Fixed.distances) else { return nil }
            case 2:
                guard let (literals, distances) = dynamicTables(&bits), walkCodes(&bits, literals, distances) else { return nil }
            default:
                return nil
            }
            if final == 1 { return LastBlock(header: header, end: bits.position) }
        }
    }

    // MARK: - The walk

    /// Reads one block's codes up to its end-of-block code, without producing its bytes.
    private static func walkCodes(_ bits: inout BitReader, _ literals: Huffman, _ distances: Huffman) -> Bool {
        literals.fast.withUnsafeBufferPointer { lit in
            distances.fast.withUnsafeBufferPointer { dist in
                let litTable = lit.baseAddress.unsafelyUnwrapped, distTable = dist.baseAddress.unsafelyUnwrapped
                let litMask = literals.mask, distMask = distances.mask
                while true {
                    // A table entry is symbol << 8 | extra bits << 4 | code length (0: a longer code).
                    var entry = litTable[Int(bits.peek32() & litMask)]
                    if entry == 0 {
                        guard let symbol = literals.decodeSlowly(&bits) else { return false }
                        entry = Huffman.entry(symbol: symbol, length: 0, literals: true)
                    }
                    guard bits.skip(Int((entry &>> 4) & 15) + Int(entry & 15)) else { return false }
                    let symbol = entry >> 8
                    if symbol < 256 { continue }
                    if symbol == 256 { return true }
                    guard symbol <= 285 else { return false }
                    var d = distTable[Int(bits.peek32() & distMask)]
                    if d == 0 {
                        guard let symbol = distances.decodeSlowly(&bits) else { return false }
                        d = Huffman.entry(symbol: symbol, length: 0, literals: false)
                    }
                    guard d >> 8 < 30, bits.skip(Int((d &>> 4) & 15) + Int(d & 15)) else { return false }
                }
            }
        }
    }

    /// The order code-length code lengths are stored in (RFC 1951, 3.2.7).
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private static func dynamicTables(_ bits: inout BitReader) -> (Huffman, Huffman)? {
        guard let hlit = bits.read(5), let hdist = bits.read(5), let hclen = bits.read(4) else { return nil }
        let literalCount = Int(hlit) + 257, distanceCount = Int(hdist) + 1
        guard literalCount <= 286, distanceCount <= 30 else { return nil }
        var codeLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<(Int(hclen) + 4) {
            guard let n = bits.read(3) else { return nil }
            codeLengths[codeLengthOrder[i]] = UInt8(n)
        }
        guard let lengthCode = Huffman(codeLengths[...]) else { return nil }
        var lengths = [UInt8](repeating: 0, count: literalCount + distanceCount)
        var i = 0
        while i < lengths.count {
            guard let symbol = lengthCode.decode(&bits) else { return nil }
            var repeatValue: UInt8 = 0, times = 0
            switch symbol {
            case 0..<16:
                lengths[i] = UInt8(symbol)
                i += 1
                continue
            case 16:
                guard i > 0, let n = bits.read(2) else { return nil }
                repeatValue = lengths[i - 1]
                times = 3 + Int(n)
            case 17:
                guard let n = bits.read(3) else { return nil }
                times = 3 + Int(n)
            default:
                guard let n = bits.read(7) else { return nil }
                times = 11 + Int(n)
            }
            guard i + times <= lengths.count else { return nil }
            for k in i..<(i + times) { lengths[k] = repeatValue }
            i += times
        }
        guard lengths[256] != 0,
            let literals = Huffman(lengths[0..<literalCount], literals: true),
            let distances = Huffman(lengths[literalCount...], distances: true)
        else { return nil }
        return (literals, distances)
    }

    private enum Fixed {
        static let literals = Huffman(
            ([UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112) + [UInt8](repeating: 7, count: 24)
                + [UInt8](repeating: 8, count: 8))[...], literals: true)!
        static let distances = Huffman([UInt8](repeating: 5, count: 30)[...], distances: true)!
    }

    /// A canonical Huffman code, decoded through a table of its codes up to `fastBits` long and, for longer
    /// ones, bit by bit (as zlib's `puff.c` does).
    struct Huffman {
        static let fastBits = 10
        /// For each window of the next `mask`'s bits (stream order): `entry`, or 0 when the code is longer. The
        /// table is as wide as the longest code, up to `fastBits`: a block's three tables are built for every
        /// block, and the code-length code needs only 7 bits.
        fileprivate var fast: [UInt32]
        fileprivate let mask: UInt32
        /// Codes of each length, and the symbols sorted by code.
        private var counts: [Int]
        private var symbols: [UInt16]

        /// Extra bits after each length code (257…285) and each distance code (0…29).
        private static let lengthExtra: [UInt32] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        private static let distanceExtra: [UInt32] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

        /// symbol << 8 | the extra bits that follow it << 4 | code length. An invalid symbol (286, 287, distance
        /// 30, 31) gets no extra bits; the walk refuses it.
        static func entry(symbol: UInt16, length: Int, literals: Bool) -> UInt32 {
            let s = Int(symbol)
            let extra: UInt32 =
                if literals { s >= 257 && s - 257 < lengthExtra.count ? lengthExtra[s - 257] : 0 } else { s < distanceExtra.count ? distanceExtra[s] : 0 }
            return UInt32(symbol) << 8 | extra << 4 | UInt32(length)
        }

        /// The `fastBits`-bit values reversed, for the table's windows (codes are stored first bit first).
        private static let reversed: [UInt16] = (0..<(1 << fastBits)).map { v in
            var r = 0
            for b in 0..<fastBits where v & (1 << b) != 0 { r |= 1 << (fastBits - 1 - b) }
            return UInt16(r)
        }

        /// nil when the lengths over-subscribe the code (no valid stream has such a code) or are all zero.
        /// `literals`: the literal/length code (for the extra bits of its entries); `distances` likewise.
        init?(_ lengths: ArraySlice<UInt8>, literals: Bool = false, distances: Bool = false) {
            // Built once per block (tens of blocks a frame): counts on the stack, the table filled through pointers.
            let built = withUnsafeTemporaryAllocation(of: Int.self, capacity: 48) { scratch -> (fast: [UInt32], bits: Int, counts: [Int], symbols: [UInt16])? in
                let counts = scratch.baseAddress!, offsets = counts + 16, next = counts + 32
                for i in 0..<48 { scratch[i] = 0 }
                for l in lengths { counts[Int(l)] += 1 }
                counts[0] = 0
                var left = 1, longest = 0
                for len in 1...15 {
                    left = left * 2 - counts[len]
                    if left < 0 { return nil }
                    if counts[len] > 0 { longest = len }
                }
                guard longest > 0 else { return nil }
                let tableBits = min(Self.fastBits, longest)
                for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
                var code = 0
                for len in 1...15 {
                    code = (code + counts[len - 1]) << 1
                    next[len] = code
                }
                var symbols = [UInt16](repeating: 0, count: lengths.count)
                var fast = [UInt32](repeating: 0, count: 1 << tableBits)
                let reversed = Self.reversed
                symbols.withUnsafeMutableBufferPointer { sym in
                    fast.withUnsafeMutableBufferPointer { table in
                        reversed.withUnsafeBufferPointer { rev in
                            var symbol = 0
                            for l in lengths {
                                defer { symbol += 1 }
                                guard l > 0 else { continue }
                                let len = Int(l)
                                sym[offsets[len]] = UInt16(symbol)
                                offsets[len] += 1
                                let c = next[len]
                                next[len] += 1
                                guard len <= Self.fastBits else { continue }
                                let e =
                                    literals || distances
                                    ? Self.entry(symbol: UInt16(symbol), length: len, literals: literals) : UInt32(symbol) << 8 | UInt32(len)
                                var window = Int(rev[c << (Self.fastBits - len)])
                                while window < 1 << tableBits {
                                    table[window] = e
                                    window += 1 << len
                                }
                            }
                        }
                    }
                }
                return (fast, tableBits, Array(UnsafeBufferPointer(start: counts, count: 16)), symbols)
            }
            guard let built else { return nil }
            fast = built.fast
            mask = UInt32((1 << built.bits) - 1)
            counts = built.counts
            symbols = built.symbols
        }

        /// The next symbol (without its extra bits).
        func decode(_ bits: inout BitReader) -> UInt16? {
            let entry = fast[Int(bits.peek32() & mask)]
            if entry != 0 {
                guard bits.skip(Int(entry & 15)) else { return nil }
                return UInt16(entry >> 8)
            }
            return decodeSlowly(&bits)
        }

        /// A code longer than the table's, bit by bit.
        func decodeSlowly(_ bits: inout BitReader) -> UInt16? {
            var code = 0, first = 0, index = 0
            for len in 1...15 {
                guard let bit = bits.read(1) else { return nil }
                code |= Int(bit)
                let count = counts[len]
                if code - count < first { return symbols[index + code - first] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            return nil
        }
    }

    /// Reads a DEFLATE stream's bits, least significant first; reading past the end fails.
    struct BitReader {
        private let bytes: UnsafeRawBufferPointer
        private let limit: Int
        private(set) var position = 0

        init(_ bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
            limit = bytes.count * 8
        }

        /// The next 32 bits without consuming them; bits past the end read as zero.
        @inline(__always)
        func peek32() -> UInt32 {
            let byte = position >> 3
            if byte + 8 <= bytes.count {
                let word = bytes.baseAddress.unsafelyUnwrapped.loadUnaligned(fromByteOffset: byte, as: UInt64.self).littleEndian
                return UInt32(truncatingIfNeeded: word >> UInt64(position & 7))
            }
            return peek(32)
        }

        /// The next `n` bits (n ≤ 32) without consuming them; bits past the end read as zero.
        func peek(_ n: Int) -> UInt32 {
            let byte = position >> 3
            var word: UInt64
            if byte + 8 <= bytes.count {
                word = bytes.loadUnaligned(fromByteOffset: byte, as: UInt64.self).littleEndian
            } else {
                word = 0
                for k in 0..<8 where byte + k < bytes.count { word |= UInt64(bytes[byte + k]) << (8 * UInt64(k)) }
            }
            return UInt32(truncatingIfNeeded: (word >> UInt64(position & 7)) & ((1 << UInt64(n)) - 1))
        }

        mutating func read(_ n: Int) -> UInt32? {
            guard position + n <= limit else { return nil }
            let v = peek(n)
            position += n
            return v
        }

        @inline(__always)
        mutating func skip(_ n: Int) -> Bool {
            guard position + n <= limit else { return false }
            position += n
            return true
        }

        mutating func alignToByte() { position = (position + 7) & ~7 }
    }
}
