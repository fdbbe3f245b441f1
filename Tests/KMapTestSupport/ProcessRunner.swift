import Foundation

/// Runs programs as child processes, for tests that need a real `kmap` (signals, environment).
public enum ProcessRunner {
    public struct Output: Sendable {
        /// The exit status, or 128 + the signal that ended the process.
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The `kmap` binary built with the tests: beside the test bundle, else in a build folder of the package.
    public static func kmap() throws -> String {
        let fm = FileManager.default
        var candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kmap")
                .path
        ]
        if let exe = Bundle.main.executableURL {
            candidates.append(exe.deletingLastPathComponent().appendingPathComponent("kmap").path)
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("kmap").path)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for build in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter({ $0.hasPrefix(".build") })
            .sorted()
        {
            candidates.append(root.appendingPathComponent("\(build)/debug/kmap").path)
        }
        guard let found = candidates.first(where: fm.isExecutableFile(atPath:)) else {
            throw CocoaError(
                .fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "kmap binary not found; looked in \(candidates)"]
            )
        }
        return found
    }

    /// A started child and the files its output goes to.
    public struct Started {
        public var process: Process
        public var stdout: String
        public var stderr: String
    }

    /// Starts `executable`; the caller waits (and may signal it meanwhile).
    ///
    /// Output goes to files, not pipes: a blocking pipe read fails with EINTR when a signal arrives (children
    /// exiting send SIGCHLD), and Foundation turns that into a crash.
    ///
    /// - Parameters:
    ///   - stdout: a file to send standard output to instead of one the result reads (e.g. `/dev/full`).
    ///   - fileSizeLimitKiB: a file size limit (`ulimit -f`), so that writes fail as on a full disk.
    ///   - cpuLimitSeconds: a CPU time limit (`ulimit -t`): a runaway ends with SIGXCPU instead of hanging the tests.
    ///   - script: a bash script that runs the program itself (`$0`, arguments `$@`), e.g. to plant a file named
    ///     after its process id (`exec` keeps the shell's `$$`) or to pipe its output; default `exec "$0" "$@"`.
    public static func start(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdout: String? = nil,
        fileSizeLimitKiB: Int? = nil, cpuLimitSeconds: Int? = nil, script: String? = nil
    ) throws -> Started {
        let p = Process()
        if fileSizeLimitKiB != nil || cpuLimitSeconds != nil || script != nil {
            // ulimit -f counts 1024-byte blocks; SIGXFSZ ignored so write() fails with EFBIG.
            var lines = fileSizeLimitKiB.map { ["ulimit -f \($0)", "trap '' XFSZ"] } ?? []
            if let cpu = cpuLimitSeconds { lines.append("ulimit -t \(cpu)") }
            lines.append(script ?? "exec \"$0\" \"$@\"")
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-c", lines.joined(separator: "\n"), executable] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
        }
        if let environment { p.environment = environment }
        let base = NSTemporaryDirectory() + "kmap-test-\(UUID().uuidString)"
        let started = Started(process: p, stdout: base + ".out", stderr: base + ".err")
        FileManager.default.createFile(atPath: started.stdout, contents: nil)
        FileManager.default.createFile(atPath: started.stderr, contents: nil)
        p.standardOutput = FileHandle(forWritingAtPath: stdout ?? started.stdout)
        p.standardError = FileHandle(forWritingAtPath: started.stderr)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return started
    }

    /// Waits for a started process and collects its output.
    public static func finish(_ started: Started) -> Output {
        started.process.waitUntilExit()
        func read(_ path: String) -> String {
            defer { try? FileManager.default.removeItem(atPath: path) }
            return String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        let p = started.process
        let status = p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus
        return Output(status: status, stdout: read(started.stdout), stderr: read(started.stderr))
    }

    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdout: String? = nil,
        fileSizeLimitKiB: Int? = nil, cpuLimitSeconds: Int? = nil, script: String? = nil
    ) throws -> Output {
        finish(
            try start(
                executable, arguments, environment: environment, stdout: stdout, fileSizeLimitKiB: fileSizeLimitKiB,
                cpuLimitSeconds: cpuLimitSeconds, script: script))
    }
}
