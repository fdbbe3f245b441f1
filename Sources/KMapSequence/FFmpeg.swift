import Foundation

/// Encodes PNG frames into a video by piping them into the `ffmpeg` program.
///
/// Frames go through standard input (`image2pipe`) in manifest order, so no file-name pattern has to match
/// and the folder may hold other files. The output is written to the path given, which the caller makes a
/// temporary name and renames once ffmpeg has succeeded.
public struct FFmpeg: Sendable {
    public let executable: String

    /// The Debian package that provides the program, for messages.
    public static let debianPackage = "ffmpeg"

    /// Finds `ffmpeg` on `searchPath` (a `PATH`-style list).
    public static func locate(searchPath: String?) throws(EncodingError) -> FFmpeg {
        for folder in (searchPath ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/ffmpeg"
            if FileManager.default.isExecutableFile(atPath: candidate) { return FFmpeg(executable: candidate) }
        }
        throw .missing
    }

    /// The ffmpeg runs that make `format` from frames on standard input: one, or two for GIF (palette first).
    ///
    /// - Parameter palette: the palette image's path (GIF only).
    public static func passes(format: VideoFormat, fps: Int, output: String, palette: String) -> [[String]] {
        let input = [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "image2pipe", "-framerate", "\(fps)", "-c:v",
            "png", "-i", "-",
        ]
        switch format {
        case .gif:
            return [
                input + [
                    "-vf", "palettegen=stats_mode=full", "-frames:v", "1", "-update", "1", "-f", "image2", palette,
                ],
                input + ["-i", palette] + format.outputArguments + [output],
            ]
        case .mp4, .webm:
            return [input + format.outputArguments + [output]]
        }
    }

    /// Writes all of `data` to `fd`, retrying writes that a signal interrupted; false when the reader is gone.
    static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let n = write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    /// The last lines of ffmpeg's messages, enough to say what went wrong.
    static func lastLines(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(8).joined(separator: "\n")
    }

    /// Runs ffmpeg with `arguments`, writing `frames` (file paths, in order) to its standard input.
    ///
    /// - Parameter after: called after each frame is handed over, for progress.
    public func run(
        _ arguments: [String], frames: [String], interruption: Interruption, after: (Int) -> Void = { _ in }
    ) throws(EncodingError) {
        signal(SIGPIPE, SIG_IGN)  // a dying ffmpeg must become an error here, not kill kmap
        let process = Process()
        // ffmpeg dies with kmap: a kmap killed with SIGKILL left ffmpeg running, writing a file no run removed.
        // setpriv (util-linux) sets the parent-death signal and then runs ffmpeg in its own place.
        if FileManager.default.isExecutableFile(atPath: Self.setpriv) {
            process.executableURL = URL(fileURLWithPath: Self.setpriv)
            process.arguments = ["--pdeathsig", "KILL", "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        let input = Pipe()
        // ffmpeg's messages go to a file, not a pipe: reading a pipe can fail with EINTR when a signal (SIGCHLD,
        // SIGINT) arrives, and Foundation turns that into a crash.
        let logPath =
            NSTemporaryDirectory() + "kmap-ffmpeg-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: logPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        let logHandle = FileHandle(forWritingAtPath: logPath)
        defer { try? logHandle?.close() }
        process.standardError = logHandle ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .cannotStart(executable, "\(error)")
        }
        var broken = false
        for (i, path) in frames.enumerated() {
            if interruption.isRequested { break }
            guard let data = FileManager.default.contents(atPath: path) else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw .unreadableFrame(path)
            }
            guard Self.writeAll(data, to: input.fileHandleForWriting.fileDescriptor) else {
                broken = true
                break
            }
            after(i + 1)
        }
        if interruption.isRequested { kill(process.processIdentifier, SIGKILL) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        let log = Self.lastLines(FileManager.default.contents(atPath: logPath) ?? Data())
        if let signal = interruption.signal { throw .interrupted(signal) }
        if process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGXFSZ
            || ["No space left on device", "File too large", "Disk quota exceeded"].contains(where: log.contains)
        {
            throw .noSpace(log)
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0, !broken else {
            throw .failed(status: process.terminationStatus, log: log)
        }
    }

    /// Where util-linux keeps `setpriv`, which makes ffmpeg die with kmap.
    static let setpriv = "/usr/bin/setpriv"
}

/// Why an animation could not be made.
public enum EncodingError: Error, Sendable, CustomStringConvertible {
    case missing
    case cannotStart(String, String)
    case unreadableFrame(String)
    case failed(status: Int32, log: String)
    /// ffmpeg could not write its output: a full disk, a quota or a file size limit.
    case noSpace(String)
    case interrupted(Int32)

    public var description: String {
        switch self {
        case .missing:
            "ffmpeg is not installed, and kmap animate needs it to encode video; on Debian or Ubuntu install the '\(FFmpeg.debianPackage)' package (sudo apt-get install \(FFmpeg.debianPackage)), or use kmap frames and encode the PNGs with another tool"
        case .cannotStart(let path, let why): "cannot start \(path): \(why)"
        case .unreadableFrame(let path): "cannot read the frame \(path); run the command again to render it"
        case .failed(let status, let log): "ffmpeg failed (exit status \(status))" + (log.isEmpty ? "" : ":\n" + log)
        case .interrupted(let signal): "interrupted by signal \(signal) while encoding"
        case .noSpace(let log):
            "ffmpeg could not write the video (is the disk full?)" + (log.isEmpty ? "" : ":\n" + log)
        }
    }
}
