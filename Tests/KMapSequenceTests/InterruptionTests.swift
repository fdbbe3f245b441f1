import Foundation
import KMapRender
import KMapSequence
import KMapTestSupport
import Testing

@testable import KMapCompose

/// A real `kmap` child process, interrupted by a real signal, then resumed.
@Suite struct InterruptionTests {
    func frameFiles(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".png") }.sorted()
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func anInterruptedRunLeavesWholeFramesAndResumes(_ signal: Int32, _ code: Int32) throws {
        let kmap = try ProcessRunner.kmap()
        let dir = try scratchFolder("interrupt")
        // The whole built-in campaign (over a year of days) on one job: long enough to interrupt.
        let arguments = ["frames", "--out", dir, "--size", "400x300", "--jobs", "1"]
        let started = try ProcessRunner.start(kmap, arguments)
        let deadline = Date().addingTimeInterval(60)
        while frameFiles(dir).count < 5, started.process.isRunning, Date() < deadline { usleep(20_000) }
        #expect(started.process.isRunning, "still running when interrupted")
        kill(started.process.processIdentifier, signal)
        let stopped = ProcessRunner.finish(started)
        #expect(stopped.status == code)
        #expect(stopped.stderr.contains("run the same command again"))

        let names = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "no temporary file left: \(names)")
        let manifest = try #require(readManifest(dir))
        #expect(!manifest.complete)
        let done = manifest.frames.filter(\.done).map(\.file)
        #expect(done == frameFiles(dir), "the manifest lists exactly the frames on disk")
        #expect(done.count >= 5 && done.count < manifest.total)
        for file in done {
            let data = try #require(FileManager.default.contents(atPath: "\(dir)/\(file)"))
            let image = try RasterImage(png: Array(data))
            #expect(image.width == 400 && image.height == 300, "\(file) is whole")
        }
        let before = try modificationDates(dir, done)

        let resumed = try ProcessRunner.run(kmap, arguments)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(
            resumed.stderr.contains("\(manifest.total - done.count) rendered, \(done.count) already up to date"),
            "\(resumed.stderr)")
        #expect(try modificationDates(dir, done) == before, "finished frames are not redrawn")
        let final = try #require(readManifest(dir))
        #expect(final.complete && frameFiles(dir).count == final.total)
    }

    func readManifest(_ dir: String) -> FrameManifest? {
        FileManager.default.contents(atPath: "\(dir)/frames.json").flatMap(FrameManifest.decode)
    }

    func modificationDates(_ dir: String, _ files: [String]) throws -> [Date] {
        try files.map {
            try #require(FileManager.default.attributesOfItem(atPath: "\(dir)/\($0)")[.modificationDate] as? Date)
        }
    }

    @Test func animateWithoutFFmpegNamesThePackage() throws {
        let kmap = try ProcessRunner.kmap()
        let dir = try scratchFolder("noffmpeg")
        let result = try ProcessRunner.run(
            kmap, ["animate", "-o", "\(dir)/a.mp4"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("ffmpeg is not installed"))
        #expect(result.stderr.contains("apt-get install ffmpeg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "nothing rendered or written")
    }

    @Test func locatingFFmpegSearchesThePath() throws {
        #expect(throws: EncodingError.self) { try FFmpeg.locate(searchPath: "/nonexistent:") }
        #expect(EncodingError.missing.description.contains("'ffmpeg' package"))
    }
}
