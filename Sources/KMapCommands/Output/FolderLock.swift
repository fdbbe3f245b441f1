import Foundation

/// An exclusive `flock` on a folder for one run, released when the value goes away.
///
/// Two runs drawing into one folder would mix their frames under one manifest (one at 1600x1200, the other at
/// 800x600, and both exit 0). The lock is on the folder itself, so nothing is written into it; the refusal
/// names the process that holds it, from `/proc/locks`.
final class FolderLock {
    private let fd: Int32

    /// - Parameter shared: a lock that other shared holders may hold too (shards of one sequence), but no
    ///   exclusive one.
    /// - Throws: exit 75 (try again later) when another process holds the folder; 73 when it cannot be opened.
    init(_ path: String, option: String, shared: Bool = false) throws {
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CLIError.cannotCreate(
                "cannot open the folder \(path): \(String(cString: strerror(errno))); choose another \(option)")
        }
        // Only "held by another" refuses: a file system without locks (ENOLCK) runs unlocked, as before.
        if flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0, errno == EWOULDBLOCK {
            let holder = Self.holder(of: fd)
            close(fd)
            throw CLIError(
                message:
                    "\(path) is in use by \(holder), which is drawing frames into it; wait for it to finish, or choose another \(option)",
                code: 75)
        }
    }

    deinit { close(fd) }

    /// "process 1234 (kmap)": the holder of a `flock` on the open folder, from `/proc/locks` (Linux).
    static func holder(of fd: Int32) -> String {
        var info = stat()
        guard fstat(fd, &info) == 0, let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else {
            return "another process"
        }
        for line in locks.split(separator: "\n") {
            // "1: FLOCK  ADVISORY  WRITE 3379 00:2e:1234 0 EOF": type, pid and major:minor:inode.
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK", fields[5].hasSuffix(":\(info.st_ino)"),
                let pid = Int32(fields[4])
            else { continue }
            let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(
                in: .whitespacesAndNewlines)
            return "process \(pid)" + (name.map { " (\($0))" } ?? "")
        }
        return "another process"
    }
}
