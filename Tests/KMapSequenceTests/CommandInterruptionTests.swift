import Foundation
import KMapRender
import KMapSequence
import KMapTestSupport
import Testing

@testable import KMapCompose

/// `kmap report` and `kmap animate` stopped by real signals: only whole files remain, the message says what is
/// finished, and running the command again completes the job.
@Suite struct CommandInterruptionTests {
    func files(_ dir: String) -> [String] {
        (FileManager.default.subpaths(atPath: dir) ?? []).sorted()
    }

    /// Waits until `ready` holds (or the child ends, or a minute passes), then sends `signal`.
    func interrupt(_ started: ProcessRunner.Started, with signal: Int32, when ready: () -> Bool) -> ProcessRunner.Output
    {
        let deadline = Date().addingTimeInterval(60)
        while !ready(), started.process.isRunning, Date() < deadline { usleep(10_000) }
        #expect(started.process.isRunning, "still running when interrupted")
        kill(started.process.processIdentifier, signal)
        return ProcessRunner.finish(started)
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func anInterruptedReportFolderHoldsOnlyWholeFiles(_ signal: Int32, _ code: Int32) throws {
        let kmap = try ProcessRunner.kmap()
        let dir = try scratchFolder("report-stop") + "/report"
        // 131 days: long enough to stop part-way through the maps.
        let arguments = ["report", "--from", "2016-02-21", "--to", "2016-06-30", "--size", "400x300", "-o", dir]
        let stopped = interrupt(try ProcessRunner.start(kmap, arguments), with: signal) {
            files(dir + "/maps").count >= 3
        }
        #expect(stopped.status == code, "\(stopped.stderr)")
        #expect(
            stopped.stderr.contains("interrupted (\(signal == SIGINT ? "SIGINT" : "SIGTERM"))"), "\(stopped.stderr)")
        #expect(
            stopped.stderr.contains("files are whole") && stopped.stderr.contains("run the same command again"),
            "\(stopped.stderr)")
        let left = files(dir)
        #expect(!left.contains { $0.hasSuffix(".tmp") }, "no temporary file: \(left)")
        #expect(!left.contains("index.html"), "stopped before the page")
        let maps = files(dir + "/maps")
        #expect(maps.count >= 3 && maps.count < 131)
        for map in maps {
            let image = try RasterImage(
                png: Array(try #require(FileManager.default.contents(atPath: "\(dir)/maps/\(map)"))))
            #expect(image.width == 400 && image.height == 300, "\(map) is whole")
        }

        // The re-run replaces kmap's own files without --force and finishes.
        let again = try ProcessRunner.run(kmap, arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(files(dir + "/maps").count == 131)
        for name in ["index.html", "report.md", "report.pdf", "chart.svg"] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/\(name)"), "\(name)")
        }
    }

    @Test func aSingleFileReportStoppedWritesNothing() throws {
        let kmap = try ProcessRunner.kmap()
        let dir = try scratchFolder("report-pdf-stop")
        let started = try ProcessRunner.start(
            kmap, ["report", "--from", "2016-02-21", "--to", "2016-06-30", "-o", dir + "/r.pdf"])
        let stopped = interrupt(started, with: SIGINT) {
            FileManager.default.contents(atPath: started.stderr)?.isEmpty == false
        }
        #expect(stopped.status == 130)
        #expect(stopped.stderr.contains("no file was written"), "\(stopped.stderr)")
        #expect(files(dir).isEmpty, "\(files(dir))")
    }

    @Test func anInterruptedAnimationKeepsItsFramesAndARerunFinishes() throws {
        let kmap = try ProcessRunner.kmap()
        let dir = try scratchFolder("animate-stop")
        let arguments = [
            "animate", "-o", dir + "/k.gif", "--to", "2016-05-31", "--size", "400x300", "--jobs", "1", "--fps", "20",
            "--quiet",
        ]
        let frames = dir + "/k-frames"
        let stopped = interrupt(try ProcessRunner.start(kmap, arguments), with: SIGINT) {
            files(frames).filter { $0.hasSuffix(".png") }.count >= 5
        }
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("run the same command again"), "\(stopped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/k.gif"), "no animation yet")
        #expect(!files(dir).contains { $0.hasSuffix(".tmp") }, "\(files(dir))")

        let again = try ProcessRunner.run(kmap, arguments.filter { $0 != "--quiet" })
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("already up to date"), "\(again.stderr)")
        let gif = try #require(FileManager.default.contents(atPath: dir + "/k.gif"))
        #expect(gif.starts(with: Array("GIF89a".utf8)))
        #expect(
            String(decoding: gif.suffix(64), as: UTF8.self).contains(VideoFormat.mark), "the GIF carries kmap's comment"
        )

        // Replacing it is allowed (kmap wrote it); a GIF kmap did not write is refused without --force.
        try Data("GIF89a not ours".utf8).write(to: URL(fileURLWithPath: dir + "/other.gif"))
        let refused = try ProcessRunner.run(
            kmap,
            [
                "animate", "-o", dir + "/other.gif", "--frames", frames, "--to", "2016-05-31", "--size", "400x300",
                "--quiet",
            ])
        #expect(refused.status == 73 && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(FileManager.default.contents(atPath: dir + "/other.gif") == Data("GIF89a not ours".utf8))
        let rerun = try ProcessRunner.run(kmap, arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
    }

    @Test func gifCommentsAreValidExtensionsBeforeTheTrailer() throws {
        let gif: [UInt8] =
            Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0] + [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0] + [
                0x3B
            ]
        let marked = try #require(GIFComment.insert(String(repeating: "k", count: 300), into: gif))
        #expect(Array(marked.prefix(gif.count - 1)) == Array(gif.dropLast()))
        let block = Array(marked[(gif.count - 1)...])
        #expect(block.prefix(3) == [0x21, 0xFE, 255])
        #expect(block[3 + 255] == 45, "a second sub-block of the remaining 45 bytes")
        #expect(block.suffix(2) == [0x00, 0x3B])
        #expect(GIFComment.insert("x", into: Array("GIF87a".utf8) + [0, 0, 0, 0, 0, 0, 0, 0x3B]) == nil)
        #expect(GIFComment.insert("x", into: Array(gif.dropLast())) == nil, "no trailer: not a finished GIF")
    }
}
