import Foundation
import KMapTestSupport
import Testing

/// The same inputs give the same bytes in separate processes, whose hash seeds differ (Dictionary and Set order
/// change per process), and whatever the number of jobs.
@Suite struct DeterminismTests {
    @Test(arguments: ["png", "svg", "pdf"])
    func twoProcessesWriteTheSameFrame(format: String) throws {
        let kmap = try ProcessRunner.kmap()
        let dir = try scratchFolder("determinism")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var files: [Data] = []
        for run in 0..<2 {
            let out = "\(dir)/\(run).\(format)"
            let r = try ProcessRunner.run(
                kmap, ["render", "--day", "2016-02-24", "--zones", "5", "--labels", "both", "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            files.append(try #require(FileManager.default.contents(atPath: out)))
        }
        #expect(files[0] == files[1])
    }

    /// A report's files (the PDF's pages, the HTML built on the viewer, the Markdown) from two processes.
    @Test(arguments: ["pdf", "html", "md"])
    func twoProcessesWriteTheSameReport(format: String) throws {
        let kmap = try ProcessRunner.kmap()
        let dir = try scratchFolder("determinism-report-\(format)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var files: [Data] = []
        for run in 0..<2 {
            // The same name in two folders: a Markdown report names its images' folder after itself.
            try FileManager.default.createDirectory(atPath: "\(dir)/\(run)", withIntermediateDirectories: true)
            let out = "\(dir)/\(run)/report.\(format)"
            let r = try ProcessRunner.run(
                kmap,
                ["report", "--from", "2016-02-22", "--to", "2016-02-24", "--size", "800x600", "--quiet", "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            files.append(try #require(FileManager.default.contents(atPath: out)))
        }
        #expect(files[0] == files[1])
    }

    @Test func framesAreTheSameOnOneJobOrTwo() throws {
        let kmap = try ProcessRunner.kmap()
        let dir = try scratchFolder("determinism-frames")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for jobs in ["1", "2"] {
            let r = try ProcessRunner.run(
                kmap,
                [
                    "frames", "--campaign", testlandPath, "--size", "400x300", "--tween", "1", "--jobs", jobs,
                    "--quiet", "--out", "\(dir)/\(jobs)",
                ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/1").sorted()
        #expect(names.count > 10)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/2").sorted() == names)
        for name in names {
            #expect(
                FileManager.default.contents(atPath: "\(dir)/1/\(name)")
                    == FileManager.default.contents(atPath: "\(dir)/2/\(name)"), "\(name)")
        }
    }
}
