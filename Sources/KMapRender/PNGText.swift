/// Adds text chunks (title, day, source, software) to a PNG, after its header.
///
/// Latin-1 text goes in `tEXt`, which every reader shows; anything else (Arabic, curly quotes) in `iTXt`
/// as UTF-8. Works on any writer's output, so Cairo's and the fast writer's files carry the same metadata.
enum PNGText {
    static func insert(_ png: [UInt8], _ entries: [Scene.Metadata]) -> [UInt8] {
        // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC).
        let headerEnd = 8 + 25
        guard png.count > headerEnd, Array(png[12..<16]) == Array("IHDR".utf8), !entries.isEmpty else { return png }
        var out = Array(png[..<headerEnd])
        for e in entries {
            let key = Array(e.key.utf8.prefix(79))
            if let latin1 = latin1(e.value) {
                out += chunk("tEXt", key + [0] + latin1)
            } else {
                out += chunk("iTXt", key + [0, 0, 0, 0, 0] + Array(e.value.utf8))
            }
        }
        return out + png[headerEnd...]
    }

    static func latin1(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        for u in s.unicodeScalars {
            guard u.value < 256, u.value != 0 else { return nil }
            out.append(UInt8(u.value))
        }
        return out
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        let n = UInt32(data.count)
        let crc = crc32(typeBytes + data)
        return [UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)] + typeBytes + data
            + [UInt8(crc >> 24), UInt8((crc >> 16) & 0xFF), UInt8((crc >> 8) & 0xFF), UInt8(crc & 0xFF)]
    }

    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 as PNG defines it (ISO 3309).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
