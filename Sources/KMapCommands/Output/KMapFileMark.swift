import Foundation
import KMapExport

/// Recognizes files kmap wrote, by the mark every kmap output carries in its format's own place.
///
/// A mark counts only where kmap puts it and only in a file of that format, so a document that quotes a mark
/// (kmap's docs, a note about kmap) is not taken for kmap's output: PNG, a `tEXt` chunk `Software` = `kmap`
/// before the image data; SVG, the comment `<!-- kmap -->` as the first line or the one after the XML
/// declaration; PDF, a line `/Creator (kmap)` of the information dictionary in a file that starts `%PDF-`;
/// HTML, the generator `<meta>` inside the `<head>` of a file that starts `<!doctype html>`; Markdown, a first
/// line `# …` and a last line `Made with kmap.`; MP4 and WebM, the container comment `Made with kmap`; GIF,
/// that comment as the extension block just before the trailer; `kmap export`'s GeoJSON, an opening
/// `{"type": "FeatureCollection", "generator": "kmap"`; its KML, the SVG's comment after the XML declaration;
/// its CSV (no comments in CSV), the exact header line. Only the first and last 64 KiB are read.
enum KMapFileMark {
    static let window = 64 << 10
    static let comment = Array("Made with kmap".utf8)

    static func isKMapFile(atPath path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let headData = try? handle.read(upToCount: window) else { return false }
        let head = Array(headData)
        var tail = head
        if let end = try? handle.seekToEnd(), end > UInt64(window) {
            try? handle.seek(toOffset: end - UInt64(window))
            tail = Array((try? handle.readToEnd()) ?? Data())
        }
        return isMarked(head: head, tail: tail)
    }

    /// Whether a file whose first and last bytes are `head` and `tail` (the same for a small file) is kmap's.
    static func isMarked(head: [UInt8], tail: [UInt8]) -> Bool {
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return pngHasSoftwareChunk(head) }
        if head.starts(with: Array("%PDF-".utf8)) {
            // A key of the document information dictionary as Cairo writes it, on a line of its own.
            let creator = Array("\n   /Creator (kmap)\n".utf8)
            return contains(head, creator) || contains(tail, creator)
        }
        if head.starts(with: Array("GIF89a".utf8)) {
            return tail.count > comment.count + 5
                && tail.suffix(comment.count + 5).elementsEqual(
                    [0x21, 0xFE, UInt8(comment.count)] + comment + [0, 0x3B])
        }
        if head.count > 8, head[4..<8].elementsEqual("ftyp".utf8) {
            return contains(head, comment) || contains(tail, comment)
        }
        if head.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) { return contains(head, comment) || contains(tail, comment) }
        let lines = head.split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false).map { Array($0) }
        let svgMark = Array("<!-- kmap -->".utf8)
        if lines.first == svgMark
            || (lines.count > 1 && lines[0].starts(with: Array("<?xml".utf8)) && lines[1] == svgMark)
        {
            return true
        }
        if String(decoding: head.prefix(15), as: UTF8.self).lowercased() == "<!doctype html>" {
            guard let headStart = firstIndex(of: Array("<head>".utf8), in: head),
                let headEnd = firstIndex(of: Array("</head>".utf8), in: head), headStart < headEnd
            else { return false }
            return contains(Array(head[headStart..<headEnd]), Array("<meta name=\"generator\" content=\"kmap\">".utf8))
        }
        if head.starts(with: Array("# ".utf8)) { return tail.suffix(17).elementsEqual("\nMade with kmap.\n".utf8) }
        if head.starts(with: Array(GeoJSONExport.opening.utf8)) { return true }
        return [CSVExport.stretchesHeader, CSVExport.eventsHeader].contains {
            head.starts(with: Array(($0 + "\r\n").utf8))
        }
    }

    /// A `tEXt` chunk `Software` = `kmap` among the chunks before the image data.
    static func pngHasSoftwareChunk(_ png: [UInt8]) -> Bool {
        let wanted = Array("Software\u{0}kmap".utf8)
        var offset = 8
        while offset + 8 <= png.count {
            let length = png[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
            if type == "IDAT" || type == "IEND" { return false }
            let data = offset + 8
            guard length <= png.count - data else { return false }
            if type == "tEXt", png[data..<(data + length)].elementsEqual(wanted) { return true }
            offset = data + length + 4
        }
        return false
    }

    static func contains(_ bytes: [UInt8], _ mark: [UInt8]) -> Bool { firstIndex(of: mark, in: bytes) != nil }

    static func firstIndex(of mark: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= mark.count else { return nil }
        return (0...(bytes.count - mark.count)).first { start in
            bytes[start] == mark[0] && bytes[start..<(start + mark.count)].elementsEqual(mark)
        }
    }
}
