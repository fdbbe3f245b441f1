import KMapCompose
import KMapRender

/// A fingerprint of what a frame will contain, to tell a finished frame from an out-of-date one.
///
/// It hashes the composed scene (every item, colour and word), the format, the encoding settings (pixel
/// density, PDF resolution, writer: they change the bytes, not the scene) and the backend revision, so a change
/// of data, style options or size re-renders exactly the frames it affects, and a re-run skips the rest
/// without drawing them. The hash (`FNV1a`, 64-bit, word by word) covers every field of the scene (`FNV1a.add(_: Scene)`):
/// stable across processes and machines, unlike `Hasher`, and enough to detect change (it is not a security
/// check).
public enum FrameDigest {
    /// Bump when the Cairo backend draws the same scene differently, so older frames count as out of date.
    public static let backendRevision = 2

    /// - Parameter encoding: a stable description of the settings that turn the scene into bytes.
    public static func of(_ scene: Scene, format: OutputFormat, encoding: String = "") -> String {
        var h = FNV1a()
        h.add("kmap-frame/\(backendRevision)/\(format.rawValue)/\(encoding)\n")
        h.add(scene)
        return h.hex
    }
}

/// A 64-bit hash in the manner of FNV-1a, taking eight bytes a step.
///
/// Byte-wise FNV-1a cost a 10,000-place frame milliseconds (some 300,000 values of eight bytes each, one
/// multiplication per byte). Each step here folds a whole word in with FNV's prime and then an xorshift, so a
/// change in a word's high bits reaches the low bits of later steps; text is fed eight bytes at a time.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func add(bytes: UnsafeRawBufferPointer) {
        var i = 0
        while i + 8 <= bytes.count {
            add(word: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            for k in i..<bytes.count { tail |= UInt64(bytes[k]) << UInt64(8 * (k - i)) }
            add(word: tail ^ UInt64(bytes.count - i) << 56)
        }
    }

    mutating func add(byte: UInt8) { add(word: UInt64(byte) | 0x100) }

    /// Eight bytes at once.
    mutating func add(word: UInt64) {
        value = (value ^ word) &* 0x0000_0100_0000_01b3
        value ^= value >> 29
    }

    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
