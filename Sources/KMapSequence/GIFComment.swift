/// Adds a GIF89a comment extension to a finished GIF, so kmap can later recognise the file as its own.
///
/// ffmpeg's GIF muxer writes no comment (MP4 and WebM take `-metadata comment=`), and kmap replaces an existing
/// file only when it wrote it. A comment extension (`21 FE`, data sub-blocks, `00`) may stand anywhere between
/// blocks; it goes just before the trailer (`3B`), where decoders ignore it.
public enum GIFComment {
    /// `gif` with `text` as a comment before its trailer, or nil when `gif` does not end in a GIF89a trailer.
    public static func insert(_ text: String, into gif: [UInt8]) -> [UInt8]? {
        guard gif.count > 13, gif.starts(with: Array("GIF89a".utf8)), gif.last == 0x3B else { return nil }
        var block: [UInt8] = [0x21, 0xFE]
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let chunk = bytes.prefix(255)
            block.append(UInt8(chunk.count))
            block += chunk
            bytes = bytes.dropFirst(chunk.count)
        }
        block.append(0)
        return gif.dropLast() + block + [0x3B]
    }
}
