import Foundation
import KMapLoader

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
    /// - Parameter tidy: first remove kmap's temporaries of dead processes in the folder; callers writing many
    ///   files into one folder (frames, a report's maps) tidy it once instead, since this lists the folder.
    static func write(_ bytes: [UInt8], to path: String, createFolder: Bool, force: Bool = false, tidy: Bool = true)
        throws
    {
        if path == "-" {
            let failure = writeAll(STDOUT_FILENO, bytes)
            if failure != 0 {
                throw CLIError.io("writing to standard output failed: \(String(cString: strerror(failure)))")
            }
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
                throw CLIError.cannotCreate(
                    "\(path): the folder \(folder.path) does not exist; create it first or choose another path")
            }
            do {
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError.cannotCreate("cannot create the folder \(folder.path): \(error.localizedDescription)")
            }
        } else if !isDirectory.boolValue {
            throw CLIError.cannotCreate("\(path): \(folder.path) is a file, not a folder")
        }
        if tidy { TemporaryFile.removeStale(in: folder.path, legacyBases: [url.lastPathComponent]) }
        let (fd, temp) = try TemporaryFile.create(besides: path)
        try writeWhole(bytes, to: fd, temp: temp, shownAs: path)
        if rename(temp, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw CLIError.io("cannot move the finished file to \(path): \(reason)")
        }
    }

    /// Writes all of `bytes` to a new temporary and closes it, removing it again when any write fails (a full
    /// disk, a file size limit).
    static func writeWhole(_ bytes: [UInt8], to fd: Int32, temp: String, shownAs path: String) throws {
        var failure = writeAll(fd, bytes)
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw CLIError.io(
                "writing \(path) failed: \(String(cString: strerror(failure))) (is the disk full?); nothing was written"
            )
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
        if type == S_IFDIR {
            throw CLIError.cannotCreate(
                "\(path) is a folder; give a file name that no folder takes, or move the folder away")
        }
        guard type == S_IFREG || type == S_IFLNK else {
            throw CLIError.cannotCreate(
                "\(path) exists and is not a regular file (a device, pipe or socket); kmap writes files by renaming and will not replace it; choose a file path"
            )
        }
        guard !force else { return }
        guard type == S_IFREG, KMapFileMark.isKMapFile(atPath: path) else {
            let what = type == S_IFLNK ? "is a symbolic link" : "exists and kmap did not write it"
            throw CLIError.cannotCreate(
                "\(path) \(what); kmap will not replace it. Choose another path, move it away, or pass --force to replace it"
            )
        }
    }
}
