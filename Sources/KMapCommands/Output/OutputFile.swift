import KMapLoader
import KMapExport
import Foundation

#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a finished file all at once: to a temporary name beside it, then renamed into place.
///
/// A reader (or an interrupted run) never sees half a file, and a failed write leaves the old file as it was.
/// An existing file is replaced only when kmap wrote it (`KMapFileMark`) or the user said `--force`: kmap never
/// overwrites a file it did not write.
enum OutputFile {
    /// Writes `bytes` to `path`, or to standard output for "-".
    ///
    /// - Parameter createFolder: create the parent folder when missing (for default paths like `Renders/`).
    /// - Parameter force: replace an existing file even when kmap did not write it.
    static func write(_ bytes: [UInt8], to path: String, createFolder: Bool, force: Bool = false) throws {
        if path == "-" {
            let failure = writeAll(STDOUT_FILENO, bytes)
            if failure != 0 { throw CLIError.io("writing to standard output failed: \(String(cString: strerror(failure)))") }
            return
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError.cannotCreate("\(path) is a folder; give a file name such as \(path)/map.png")
        }
        try checkReplaceable(path, force: force)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        if !fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard createFolder else {
                throw CLIError.cannotCreate("\(path): the folder \(folder.path) does not exist; create it first or choose another path")
            }
            do {
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError.cannotCreate("cannot create the folder \(folder.path): \(error.localizedDescription)")
            }
        } else if !isDirectory.boolValue {
            throw CLIError.cannotCreate("\(path): \(folder.path) is a file, not a folder")
        }
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).kmap-\(ProcessInfo.processInfo.processIdentifier).tmp").path
        try writeWhole(bytes, to: temp, shownAs: path)
        if rename(temp, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw CLIError.io("cannot move the finished file to \(path): \(reason)")
        }
    }

    /// Writes a new file, removing it again when any write fails (a full disk, a file size limit).
    static func writeWhole(_ bytes: [UInt8], to temp: String, shownAs path: String) throws {
        let folder = (temp as NSString).deletingLastPathComponent
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw CLIError.cannotCreate("cannot create a file in \(folder): \(String(cString: strerror(errno))); choose another path")
        }
        var failure = writeAll(fd, bytes)
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw CLIError.io("writing \(path) failed: \(String(cString: strerror(failure))) (is the disk full?); nothing was written")
        }
    }

    /// Writes all of `bytes` to a file descriptor; returns 0, or the `errno` of the write that failed.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
    }

    /// Throws (73) when `path` exists and may not be replaced.
    ///
    /// A regular file kmap wrote may be replaced; any other file, or a symbolic link, only with `force`. A
    /// device, pipe or socket never: renaming over `/dev/full` would replace the device itself.
    static func checkReplaceable(_ path: String, force: Bool) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // nothing there: no file to lose
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFLNK else {
            throw CLIError.cannotCreate("\(path) exists and is not a regular file (a device, pipe or socket); kmap writes files by renaming and will not replace it; choose a file path")
        }
        guard !force else { return }
        guard type == S_IFREG, KMapFileMark.isKMapFile(atPath: path) else {
            let what = type == S_IFLNK ? "is a symbolic link" : "exists and kmap did not write it"
            throw CLIError.cannotCreate("\(path) \(what); kmap will not replace it. Choose another path, move it away, or pass --force to replace it")
        }
    }
}

/// Recognizes files kmap wrote, by the mark every kmap output carries.
///
/// PNG: a `Software` text chunk of `kmap`; SVG: the `<!-- kmap -->` comment (kmap's writer); PDF:
/// `/Creator (kmap)`; HTML: `<meta name="generator" content="kmap">`; Markdown: a last line `Made with kmap.`;
/// animations: the comment `Made with kmap` (`VideoFormat.mark`). Marks sit near the start (PNG, SVG, HTML,
/// MP4 with `faststart`, WebM) or the end (PDF's info dictionary, Markdown, GIF), so only the first and last
/// 64 KiB are read.
enum KMapFileMark {
    static let marks: [[UInt8]] = [
        Array("tEXtSoftware\u{0}kmap".utf8),
        Array("<!-- kmap -->".utf8),
        Array("/Creator (kmap)".utf8),
        Array("<meta name=\"generator\" content=\"kmap\"".utf8),
        // The last line of `kmap report`'s Markdown and HTML; the comment of `kmap animate`'s MP4, WebM and GIF.
        Array("Made with kmap".utf8),
        // `kmap export`: GeoJSON's foreign member; CSV has no comments, so its exact header lines.
        Array(GeoJSONExport.mark.utf8),
        Array((CSVExport.stretchesHeader + "\r\n").utf8),
        Array((CSVExport.eventsHeader + "\r\n").utf8),
    ]

    static let window = 64 << 10

    static func isKMapFile(atPath path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: window) else { return false }
        if contains(Array(head)) { return true }
        guard let end = try? handle.seekToEnd(), end > UInt64(window) else { return false }
        try? handle.seek(toOffset: max(UInt64(window), end - UInt64(window)))
        guard let tail = try? handle.readToEnd() else { return false }
        return contains(Array(tail))
    }

    static func contains(_ bytes: [UInt8]) -> Bool {
        marks.contains { mark in
            guard bytes.count >= mark.count else { return false }
            return (0...(bytes.count - mark.count)).contains { start in
                bytes[start] == mark[0] && bytes[start..<(start + mark.count)].elementsEqual(mark)
            }
        }
    }
}
