import KMapCompose
import KMapRender

/// A fingerprint of what a frame will contain, to tell a finished frame from an out-of-date one.
///
/// It hashes the composed scene (every item, colour and word), the format, the encoding settings (pixel
/// density, PDF resolution, writer: they change the bytes, not the scene) and the backend revision, so a change
/// of data, style options or size re-renders exactly the frames it affects, and a re-run skips the rest
/// without drawing them. The hash is FNV-1a (64-bit) over every field of the scene (`FNV1a.add(_: Scene)`):
/// stable across processes and machines, unlike `Hasher`, and enough to detect change (it is not a security
/// check).
public enum FrameDigest {
    /// Bump when the Cairo backend draws the same scene differently, so older frames count as out of date.
    public static let backendRevision = 1

    /// - Parameter encoding: a stable description of the settings that turn the scene into bytes.
    public static func of(_ scene: Scene, format: OutputFormat, encoding: String = "") -> String {
        var h = FNV1a()
        h.add("kmap-frame/\(backendRevision)/\(format.rawValue)/\(encoding)\n")
        h.add(scene)
        return h.hex
    }
}

/// The 64-bit FNV-1a hash.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { for byte in $0 { add(byte: byte) } }
    }

    mutating func add(byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01b3
    }

    /// Eight bytes, least significant first.
    mutating func add(word: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(byte: UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
    }

    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
