import ArgumentParser
import Foundation
import KMapSequence
import KMapTestSupport
import Testing

@testable import KMapCommands

/// `kmap frames` and `kmap animate` run in-process, on the small testland campaign.
@Suite struct FramesCommandTests {
    func run(_ arguments: [String]) -> Int32 { runKMap(arguments) }

    func contents(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
            out[name] = FileManager.default.contents(atPath: "\(dir)/\(name)")
        }
        return out
    }

    @Test func framesWritesNamedEvenFramesAndAManifest() throws {
        let dir = try scratchFolder("frames")
        #expect(run(["frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet"]) == 0)
        let files = contents(dir)
        #expect(
            files.keys.sorted() == (1...10).map { String(format: "%04d_2020-01-%02d.png", $0, $0) } + ["frames.json"])
        let json = try #require(files["frames.json"])
        let manifest = try #require(FrameManifest.decode(json))
        #expect(manifest.complete && manifest.frames.map(\.file) == files.keys.sorted().dropLast())
        for (name, data) in files where name.hasSuffix(".png") {
            let size = try #require(pngSize(Array(data)))
            #expect(size == (400, 300))
        }
    }

    @Test func jobsOneAndTwoWriteTheSameBytes() throws {
        let a = try scratchFolder("jobs1")
        let b = try scratchFolder("jobs2")
        let common = [
            "frames", "--campaign", testlandPath, "--size", "400x300", "--step", "12h", "--tween", "1", "--quiet",
        ]
        #expect(run(common + ["--out", a, "--jobs", "1"]) == 0)
        #expect(run(common + ["--out", b, "--jobs", "2"]) == 0)
        let x = contents(a)
        let y = contents(b)
        #expect(x.count == 10 * 2 + 19 + 1)
        #expect(x == y)
    }

    /// Transition frames carry kmap's mark (the PNG Software chunk) like key frames, so a re-run keeps them.
    @Test func aSequenceWithTransitionFramesResumes() throws {
        let dir = try scratchFolder("tween-resume")
        let args = [
            "frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--tween", "1", "--to",
            "2020-01-03", "--quiet",
        ]
        #expect(run(args) == 0)
        let first = contents(dir)
        #expect(run(args) == 0)
        #expect(contents(dir) == first)
    }

    static let badOptions: [([String], Int32)] = [
        (["--size", "401x300"], 64), (["--step", "5h"], 64), (["--tween", "-1"], 64), (["--jobs", "0"], 64),
        (["--from", "2020-01-05", "--to", "2020-01-02"], 64), (["--from", "2019-12-31"], 64),
        (["--format", "gif"], 64),
        (["--size", "402x300", "--scale", "1.5"], 64),
    ]

    @Test(arguments: badOptions)
    func badSequenceOptionsAreUsageErrors(_ extra: [String], _ code: Int32) throws {
        let dir = try scratchFolder("bad")
        #expect(run(["frames", "--campaign", testlandPath, "--out", dir, "--quiet"] + extra) == code)
        #expect(contents(dir).isEmpty)
    }

    @Test func aFileKmapDidNotWriteIsNotOverwrittenWithoutForce() throws {
        let dir = try scratchFolder("foreign")
        let mine = Data("my own notes".utf8)
        FileManager.default.createFile(atPath: "\(dir)/0001_2020-01-01.png", contents: mine)
        #expect(run(["frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet"]) == 73)
        #expect(contents(dir) == ["0001_2020-01-01.png": mine])
        #expect(
            run(["frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet", "--force"]) == 0)
        #expect(contents(dir)["0001_2020-01-01.png"] != mine)
    }

    @Test func aNarrowerRerunRemovesOnlyItsOwnOldFrames() throws {
        let dir = try scratchFolder("narrow")
        FileManager.default.createFile(atPath: "\(dir)/notes.txt", contents: Data("keep".utf8))
        #expect(run(["frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet"]) == 0)
        #expect(
            run([
                "frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet", "--to",
                "2020-01-03",
            ]) == 0)
        #expect(
            contents(dir).keys.sorted() == [
                "0001_2020-01-01.png", "0002_2020-01-02.png", "0003_2020-01-03.png", "frames.json", "notes.txt",
            ])
    }

    /// A manifest is a claim anyone can edit: names with a path, and files without kmap's mark, are never removed.
    @Test func aTamperedManifestCannotRemoveOtherFiles() throws {
        let root = try scratchFolder("tampered")
        let dir = root + "/frames"
        #expect(run(["frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet"]) == 0)
        FileManager.default.createFile(atPath: "\(root)/victim.txt", contents: Data("mine".utf8))
        FileManager.default.createFile(atPath: "\(dir)/notes.png", contents: Data("mine".utf8))
        // The 10th frame edited by someone (its kmap mark gone), and the manifest claiming two more files.
        FileManager.default.createFile(atPath: "\(dir)/0010_2020-01-10.png", contents: Data("annotated by hand".utf8))
        let data = try #require(FileManager.default.contents(atPath: "\(dir)/frames.json"))
        let manifest = try #require(FrameManifest.decode(data))
        var claimed = manifest
        claimed.frames[8].file = "../victim.txt"
        claimed.frames.append(claimed.frames[8])
        claimed.frames[10].file = "notes.png"
        try Data(claimed.encoded()).write(to: URL(fileURLWithPath: "\(dir)/frames.json"))

        // A manifest that lists names no frame has is not kmap's: refused, and with --force disregarded.
        #expect(
            run([
                "frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet", "--to",
                "2020-01-03",
            ]) == 73)
        #expect(
            FileManager.default.contents(atPath: "\(dir)/frames.json") == Data(claimed.encoded()),
            "refused: the manifest as it was")
        #expect(
            run([
                "frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet", "--to",
                "2020-01-03", "--force",
            ]) == 0)
        #expect(
            FileManager.default.contents(atPath: "\(root)/victim.txt") == Data("mine".utf8),
            "outside the folder: untouched")
        #expect(
            FileManager.default.contents(atPath: "\(dir)/notes.png") == Data("mine".utf8), "no kmap mark: untouched")
        #expect(
            FileManager.default.contents(atPath: "\(dir)/0010_2020-01-10.png") == Data("annotated by hand".utf8),
            "edited: untouched")
    }

    @Test func anEditedFrameIsNotReplacedWithoutForce() throws {
        let dir = try scratchFolder("edited")
        #expect(run(["frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet"]) == 0)
        FileManager.default.createFile(atPath: "\(dir)/0002_2020-01-02.png", contents: Data("annotated by hand".utf8))
        #expect(run(["frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet"]) == 73)
        #expect(FileManager.default.contents(atPath: "\(dir)/0002_2020-01-02.png") == Data("annotated by hand".utf8))
        #expect(
            run(["frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet", "--force"]) == 0)
        #expect(
            try pngSize(Array(try #require(FileManager.default.contents(atPath: "\(dir)/0002_2020-01-02.png")))) ?? (
                0, 0
            ) == (400, 300))
    }

    @Test func aForeignManifestIsNotReplacedWithoutForce() throws {
        let dir = try scratchFolder("foreign-manifest")
        FileManager.default.createFile(atPath: "\(dir)/frames.json", contents: Data("{\"mine\": true}".utf8))
        #expect(run(["frames", "--campaign", testlandPath, "--out", dir, "--size", "400x300", "--quiet"]) == 73)
        #expect(FileManager.default.contents(atPath: "\(dir)/frames.json") == Data("{\"mine\": true}".utf8))
    }

    @Test(arguments: ["mp4", "gif", "webm"])
    func animateEncodesWithFFmpeg(_ ext: String) throws {
        let dir = try scratchFolder("animate")
        let out = "\(dir)/testland.\(ext)"
        #expect(
            run([
                "animate", "--campaign", testlandPath, "-o", out, "--size", "400x300", "--fps", "5", "--hold-last", "1",
                "--quiet",
            ]) == 0)
        let data = try #require(FileManager.default.contents(atPath: out))
        switch ext {
        case "gif": #expect(data.prefix(6) == Data("GIF89a".utf8))
        case "mp4": #expect(data.dropFirst(4).prefix(4) == Data("ftyp".utf8))
        default: #expect(data.prefix(4) == Data([0x1A, 0x45, 0xDF, 0xA3]), "Matroska/WebM header")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names == ["testland-frames", "testland.\(ext)"], "no temporary or palette file left")
        let probe = try ProcessRunner.run(
            "/usr/bin/ffprobe",
            [
                "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=nb_read_frames,width,height", "-of", "csv=p=0", out,
            ])
        #expect(probe.status == 0)
        #expect(
            probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "400,300,55",
            "10 days held 1 s each at 5 fps, and 1 s more on the last")
    }
}
