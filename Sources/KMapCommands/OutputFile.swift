import Foundation

/// Writes a finished file all at once: to a temporary name beside it, then renamed into place.
///
/// A reader (or an interrupted run) never sees half a file, and a failed write leaves the old file as it was.
enum OutputFile {
    /// Writes `bytes` to `path`, or to standard output for "-".
    ///
    /// - Parameter createFolder: create the parent folder when missing (for default paths like `Renders/`).
    static func write(_ bytes: [UInt8], to path: String, createFolder: Bool) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError.cannotCreate("\(path) is a folder; give a file name such as \(path)/map.png")
        }
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
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).kmap-\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard fm.createFile(atPath: temp.path, contents: Data(bytes)) else {
            try? fm.removeItem(at: temp)
            throw CLIError.cannotCreate("cannot write in \(folder.path): permission denied, read-only or full; choose another path")
        }
        if rename(temp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: temp)
            throw CLIError.io("cannot move the finished file to \(path): \(reason)")
        }
    }
}
