import Foundation
import KMapSequence
import KMapTestSupport
import Testing

/// `kmap frames` and `kmap animate` killed outright (SIGKILL, no chance to clean up): what they leave must not
/// run on, and the next run must take it up.
@Suite struct KillTests {
    /// Waits until `ready` holds, or the child ends, or a minute passes.
    func wait(for started: ProcessRunner.Started, until ready: () -> Bool) {
        let deadline = Date().addingTimeInterval(60)
        while !ready(), started.process.isRunning, Date() < deadline { usleep(10_000) }
    }

    /// Whether a process runs (a zombie, dead but not yet reaped, does not).
    func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
            return false
        }
        return !(stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? false)
    }

    /// An ffmpeg stand-in that says its process id, makes its output and waits: as a real one does while frames
    /// arrive slowly.
    func fakeFFmpeg(in folder: String) throws -> String {
        let bin = folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let script =
            "#!/bin/sh\necho $$ > \(folder)/ffmpeg.pid\nfor a; do out=$a; done\necho partial > \"$out\"\nexec sleep 600\n"
        try script.write(toFile: bin + "/ffmpeg", atomically: true, encoding: .utf8)
        chmod(bin + "/ffmpeg", 0o755)
        return bin
    }

    @Test func ffmpegDiesWithAKilledAnimateAndItsTemporaryIsRemoved() throws {
        let kmap = try ProcessRunner.kmap()
        let dir = try scratchFolder("animate-kill")
        let bin = try fakeFFmpeg(in: dir)
        let arguments = [
            "animate", "--from", "2016-02-21", "--to", "2016-02-22", "--size", "400x300", "--quiet", "-o",
            dir + "/a.mp4",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let started = try ProcessRunner.start(kmap, arguments, environment: environment)
        // The shell creates the file before it writes the id: wait for the whole line.
        wait(for: started) {
            (try? String(contentsOfFile: dir + "/ffmpeg.pid", encoding: .utf8))?.hasSuffix("\n") ?? false
        }
        let pidText = try String(contentsOfFile: dir + "/ffmpeg.pid", encoding: .utf8)
        let ffmpeg = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(started.process.processIdentifier, SIGKILL)
        _ = ProcessRunner.finish(started)
        let deadline = Date().addingTimeInterval(30)
        while isAlive(ffmpeg), Date() < deadline { usleep(10_000) }
        let orphaned = isAlive(ffmpeg)
        if orphaned { kill(ffmpeg, SIGKILL) }
        #expect(!orphaned, "ffmpeg outlived kmap")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir).contains { $0.hasSuffix(".tmp") },
            "the killed run left its temporary")

        // The next run (with the real ffmpeg) removes the dead run's temporary and writes the video.
        let again = try ProcessRunner.run(kmap, arguments)
        #expect(again.status == 0, "\(again.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(!left.contains { $0.hasSuffix(".tmp") }, "temporaries left: \(left)")
        #expect(left.contains("a.mp4"))
    }

    @Test func framesKilledAtOnceAreTakenUpByTheNextRun() throws {
        let kmap = try ProcessRunner.kmap()
        let dir = try scratchFolder("frames-kill") + "/f"
        let arguments = [
            "frames", "--from", "2016-02-21", "--to", "2016-03-31", "--size", "400x300", "--jobs", "1", "--quiet",
            "--out", dir,
        ]
        let started = try ProcessRunner.start(kmap, arguments)
        // Killed as soon as the first frame is whole.
        wait(for: started) {
            ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).contains { $0.hasSuffix(".png") }
        }
        kill(started.process.processIdentifier, SIGKILL)
        _ = ProcessRunner.finish(started)
        let again = try ProcessRunner.run(kmap, arguments)
        #expect(again.status == 0, "\(again.stderr)")
        let manifest = try #require(
            FrameManifest.decode(try Data(contentsOf: URL(fileURLWithPath: dir + "/frames.json"))))
        #expect(manifest.complete && manifest.total == 40)
    }
}
