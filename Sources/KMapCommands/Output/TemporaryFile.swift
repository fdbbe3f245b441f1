import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// kmap's hidden temporary files: `.NAME.kmap-PID-RANDOM.tmp` beside the file they become.
///
/// Created exclusively and never through a symbolic link (`O_CREAT|O_EXCL|O_NOFOLLOW`, as `mkstemp` does), at a
/// name with a random part: a link or file planted at a predictable name cannot make kmap write elsewhere. The
/// name is cut to fit a file system's 255 bytes, so any output name that fits, fits here too. Cleanup removes
/// only names of exactly this shape whose process is dead and that are regular files of this user.
enum TemporaryFile {
    static let maxNameBytes = 255
    static let randomLength = 8
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// The temporary name for `base` (a file name), cut on a character boundary to fit `maxNameBytes`.
    static func name(for base: String, pid: Int32, random: String) -> String {
        let suffix = ".kmap-\(pid)-\(random).tmp"
        var kept = ""
        var bytes = 1 + suffix.utf8.count
        for c in base.unicodeScalars {
            let n = String(c).utf8.count
            if bytes + n > maxNameBytes { break }
            kept.unicodeScalars.append(c)
            bytes += n
        }
        return "." + kept + suffix
    }

    /// Creates a new, empty temporary beside `path`; returns its descriptor (close-on-exec) and path.
    ///
    /// - Throws: `CLIError.cannotCreate` when the folder refuses new files.
    static func create(besides path: String, role: String = "") throws -> (fd: Int32, path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var generator = SystemRandomNumberGenerator()
        while true {
            let random = String(
                decoding: (0..<randomLength).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
            let temp = (folder as NSString).appendingPathComponent(
                name(for: url.lastPathComponent + role, pid: getpid(), random: random))
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, temp) }
            if errno == EEXIST || errno == ELOOP { continue }  // someone's file or link there: another name
            throw CLIError.cannotCreate(
                "cannot create a file in \(folder): \(String(cString: strerror(errno))); choose another path")
        }
    }

    /// The process id in a name kmap gives its temporaries, or nil for any other name.
    ///
    /// Also accepts the shape earlier kmaps used (`.NAME.kmap-PID.tmp`) when `legacyBase` is that NAME.
    static func owner(ofName name: String, legacyBase: String? = nil) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".kmap-", options: .backwards)
        else { return nil }
        let tail = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -4)]
        let parts = tail.split(separator: "-", omittingEmptySubsequences: false)
        guard let pidText = parts.first, !pidText.isEmpty, pidText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let pid = Int32(pidText)
        else { return nil }
        if parts.count == 2, parts[1].utf8.count == randomLength, parts[1].utf8.allSatisfy(alphabet.contains) {
            return pid
        }
        if parts.count == 1, let legacyBase, name[name.index(after: name.startIndex)..<marker.lowerBound] == legacyBase
        {
            return pid
        }
        return nil
    }

    /// Removes kmap's temporaries in `folder` left by processes that no longer run.
    ///
    /// - Parameter legacyBases: file names whose temporaries of the older shape (no random part) are kmap's too.
    static func removeStale(in folder: String, legacyBases: Set<String> = []) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard name.hasPrefix("."), name.hasSuffix(".tmp") else { continue }
            let base = name.range(of: ".kmap-", options: .backwards).map {
                String(name[name.index(after: name.startIndex)..<$0.lowerBound])
            }
            let legacy = base.flatMap { legacyBases.contains($0) ? $0 : nil }
            guard let pid = owner(ofName: name, legacyBase: legacy), !isRunning(pid) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else { continue }
            unlink(path)
        }
    }

    /// Whether a process with this id exists (one that is not ours to signal counts as running).
    static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
