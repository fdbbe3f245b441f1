import KMapCompose

/// Renumbers the ids Cairo's SVG surface takes from process-wide counters.
///
/// Cairo names glyphs `glyph<font>-<glyph>` and surfaces `surface<n>` with counters shared by every surface in
/// the process, so the second SVG a process writes differs from the first, and parallel frames would differ
/// with scheduling. Renumbering each prefix's numbers in order of first appearance makes the bytes depend on
/// the scene alone.
enum SVGIdentifiers {
    static func normalize(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let prefixes: [[UInt8]] = [
            Array("glyph".utf8), Array("surface".utf8), Array("clip".utf8), Array("mask".utf8), Array("pattern".utf8),
            Array("image".utf8),
        ]
        var maps = Array(repeating: [ArraySlice<UInt8>: Int](), count: prefixes.count)
        var i = 0
        let n = bytes.count
        scan: while i < n {
            // Only rewrite a prefix that follows `id="`, `#` (href="#glyph0-1", url(#clip1)), as an identifier start.
            if i > 0, bytes[i - 1] == UInt8(ascii: "\"") || bytes[i - 1] == UInt8(ascii: "#") {
                for (k, prefix) in prefixes.enumerated() where bytes[i...].starts(with: prefix) {
                    var j = i + prefix.count
                    let start = j
                    while j < n, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
                    guard j > start else { continue }
                    let number = bytes[start..<j]
                    let mapped = maps[k][number] ?? maps[k].count
                    maps[k][number] = mapped
                    out.append(contentsOf: prefix)
                    out.append(contentsOf: Array(String(mapped).utf8))
                    i = j
                    continue scan
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}
