import KMapCompose

/// A metadata entry (title, day, source, software) as a PNG text chunk.
///
/// Latin-1 text goes in `tEXt`, which every reader shows; anything else (Arabic, curly quotes) in `iTXt` as
/// UTF-8.
enum PNGText {
    static func chunk(_ entry: Scene.Metadata) -> (type: String, data: [UInt8]) {
        let key = Array(entry.key.utf8.prefix(79))
        if let latin1 = latin1(entry.value) { return ("tEXt", key + [0] + latin1) }
        return ("iTXt", key + [0, 0, 0, 0, 0] + Array(entry.value.utf8))
    }

    static func latin1(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        for u in s.unicodeScalars {
            guard u.value < 256, u.value != 0 else { return nil }
            out.append(UInt8(u.value))
        }
        return out
    }
}
