import Foundation
import KMapSequence
import KMapTestSupport
import Testing

@testable import KMapCommands

/// `kmap frames --shard I/N` and `--merge`, in-process on the testland campaign.
@Suite struct ShardTests {
    /// 10 days at 12h with one transition frame: 39 frames, so three shards get 13 each.
    static let sequence = sequence(size: "400x300")

    static func sequence(size: String) -> [String] {
        [
            "frames", "--campaign", testlandPath, "--size", size, "--step", "12h", "--tween", "1", "--quiet", "--jobs",
            "2",
        ]
    }

    func contents(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
            out[name] = FileManager.default.contents(atPath: "\(dir)/\(name)")
        }
        return out
    }

    func shardManifest(_ dir: String, _ i: Int, of n: Int) throws -> FrameManifest {
        let data = try #require(FileManager.default.contents(atPath: "\(dir)/frames.shard-\(i)-of-\(n).json"))
        return try #require(FrameManifest.decode(data))
    }

    @Test func everyFrameBelongsToExactlyOneShard() {
        for n in 1...5 {
            for frame in 1...23 {
                #expect((1...n).count { FrameShard(index: $0, count: n).owns(frame: frame) } == 1)
            }
        }
        #expect(
            FrameShard("2/4") == FrameShard(index: 2, count: 4)
                && FrameShard(index: 2, count: 4).manifestName == "frames.shard-2-of-4.json")
        #expect([1, 5, 9] == (1...10).filter { FrameShard(index: 1, count: 4).owns(frame: $0) })
    }

    @Test func threeShardsThenMergeWriteWhatOneRunWrites() throws {
        let one = try scratchFolder("shard-one")
        let split = try scratchFolder("shard-split")
        #expect(runKMap(Self.sequence + ["--out", one]) == 0)
        for i in 1...3 { #expect(runKMap(Self.sequence + ["--out", split, "--shard", "\(i)/3"]) == 0) }
        for i in 1...3 {
            let m = try shardManifest(split, i, of: 3)
            #expect(m.shard?.index == i && m.shard?.count == 3 && m.shard?.frames == 39 && m.complete && m.total == 13)
            #expect(m.frames.map(\.frame) == Array(stride(from: i, through: 39, by: 3)))
        }
        #expect(contents(split)["frames.json"] == nil, "shards write only their own manifests")
        #expect(runKMap(["frames", "--merge", "--out", split, "--quiet"]) == 0)
        let whole = contents(one)
        let parts = contents(split)
        #expect(whole.count == 39 + 1)
        for (name, data) in whole { #expect(parts[name] == data, "\(name)") }
        #expect(
            Set(parts.keys).subtracting(whole.keys) == [
                "frames.shard-1-of-3.json", "frames.shard-2-of-3.json", "frames.shard-3-of-3.json",
            ])
    }

    @Test func aWholeRunOverUnmergedShardsRedrawsTheirFramesWithoutForce() throws {
        let dir = try scratchFolder("shard-then-whole")
        for i in 1...2 { #expect(runKMap(Self.sequence + ["--out", dir, "--shard", "\(i)/2"]) == 0) }
        #expect(runKMap(Self.sequence + ["--out", dir]) == 0)
        #expect(FrameManifest.decode(try #require(contents(dir)["frames.json"]))?.complete == true)
    }

    /// Shards of one sequence draw into one folder at once; a whole run or a merge waits for them (75).
    @Test func shardsShareTheFolderButAWholeRunOrAMergeDoesNot() throws {
        let dir = try scratchFolder("shard-lock")
        do {
            let a = try FolderLock(dir, option: "--out", shared: true)
            let b = try FolderLock(dir, option: "--out", shared: true)
            #expect(runKMap(Self.sequence + ["--out", dir, "--shard", "1/2"]) == 0)
            #expect(runKMap(Self.sequence + ["--out", dir]) == 75)
            #expect(runKMap(["frames", "--merge", "--out", dir, "--quiet"]) == 75)
            withExtendedLifetime((a, b)) {}
        }
        #expect(runKMap(Self.sequence + ["--out", dir, "--shard", "2/2"]) == 0)
        #expect(runKMap(["frames", "--merge", "--out", dir, "--quiet"]) == 0)
    }

    @Test func aShardResumesFromItsOwnManifest() throws {
        let dir = try scratchFolder("shard-resume")
        #expect(runKMap(Self.sequence + ["--out", dir, "--shard", "2/3"]) == 0)
        let first = try shardManifest(dir, 2, of: 3)
        let victim = try #require(first.frames.dropFirst(4).first).file
        try FileManager.default.removeItem(atPath: "\(dir)/\(victim)")
        let others = first.frames.map(\.file).filter { $0 != victim }
        let before = try others.map {
            try FileManager.default.attributesOfItem(atPath: "\(dir)/\($0)")[.modificationDate] as? Date
        }
        #expect(runKMap(Self.sequence + ["--out", dir, "--shard", "2/3"]) == 0)
        let after = try others.map {
            try FileManager.default.attributesOfItem(atPath: "\(dir)/\($0)")[.modificationDate] as? Date
        }
        #expect(before == after, "finished frames are kept")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/\(victim)"))
        #expect(try shardManifest(dir, 2, of: 3) == first)
    }

    static let badShards = ["0/3", "4/3", "1/0", "text", "1/3/2", "-1/3", "2/", "/3", "1.5/3"]

    @Test(arguments: badShards)
    func aBadShardIsAUsageErrorThatSaysWhatToWrite(_ spec: String) throws {
        let dir = try scratchFolder("bad-shard")
        #expect(runKMap(Self.sequence + ["--out", dir, "--shard", spec]) == 64)
        #expect(contents(dir).isEmpty)
        #expect(throws: CLIError.self) { try Frames.shard(spec) }
        do {
            _ = try Frames.shard(spec)
        } catch let error as CLIError {
            #expect(error.code == 64 && error.message.contains("'\(spec)'") && error.message.contains("write I/N"))
        }
    }

    func mergeError(_ dir: String) -> CLIError? {
        do {
            try ShardMerge(folder: FrameFolder(path: dir), force: false, quiet: true).run()
            return nil
        } catch {
            return error as? CLIError
        }
    }

    @Test func mergingWithAShardMissingSaysWhichAndWritesNothing() throws {
        let dir = try scratchFolder("shard-missing")
        for i in [1, 3] { #expect(runKMap(Self.sequence + ["--out", dir, "--shard", "\(i)/3"]) == 0) }
        #expect(runKMap(["frames", "--merge", "--out", dir, "--quiet"]) == 66)
        let error = try #require(mergeError(dir))
        #expect(
            error.code == 66 && error.message.contains("frames.shard-2-of-3.json")
                && error.message.contains("--shard I/3"))
        #expect(contents(dir)["frames.json"] == nil)
    }

    @Test func mergingWithAFrameMissingSaysWhichShardToRunAgain() throws {
        let dir = try scratchFolder("shard-frame-missing")
        for i in 1...2 { #expect(runKMap(Self.sequence + ["--out", dir, "--shard", "\(i)/2"]) == 0) }
        let lost = try #require(try shardManifest(dir, 2, of: 2).frames.last).file
        try FileManager.default.removeItem(atPath: "\(dir)/\(lost)")
        let error = try #require(mergeError(dir))
        #expect(error.code == 66 && error.message.contains(lost) && error.message.contains("--shard 2/2"))
        #expect(contents(dir)["frames.json"] == nil)
    }

    @Test func mergingShardsOfDifferentSequencesOrSplitsFails() throws {
        let sizes = try scratchFolder("shard-sizes")
        #expect(runKMap(Self.sequence + ["--out", sizes, "--shard", "1/2"]) == 0)
        #expect(runKMap(Self.sequence(size: "600x400") + ["--out", sizes, "--shard", "2/2"]) == 0)
        let different = try #require(mergeError(sizes))
        #expect(different.code == 65 && different.message.contains("different sequences"))

        let splits = try scratchFolder("shard-splits")
        for i in 1...2 { #expect(runKMap(Self.sequence + ["--out", splits, "--shard", "\(i)/2"]) == 0) }
        // Files another split drew are kmap's: a shard of a new split redraws them without --force.
        #expect(runKMap(Self.sequence + ["--out", splits, "--shard", "1/3"]) == 0)
        let mixed = try #require(mergeError(splits))
        #expect(mixed.code == 65 && mixed.message.contains("different splits"))
        #expect(runKMap(["frames", "--merge", "--out", splits, "--quiet"]) == 65)
        #expect(contents(splits)["frames.json"] == nil && contents(sizes)["frames.json"] == nil)
    }

    @Test func mergingAFolderWithoutShardsSaysHowToMakeThem() throws {
        let dir = try scratchFolder("shard-none")
        let error = try #require(mergeError(dir))
        #expect(error.code == 66 && error.message.contains("--shard I/N"))
        #expect(runKMap(["frames", "--merge", "--shard", "1/2", "--out", dir, "--quiet"]) == 64)
    }
}
