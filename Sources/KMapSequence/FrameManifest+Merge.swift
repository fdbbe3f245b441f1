/// Why shard manifests cannot be joined into `frames.json`, with what to do about it.
public enum ShardMergeError: Error, Sendable, CustomStringConvertible {
    /// No `frames.shard-I-of-N.json` in the folder.
    case noShards
    /// Shards of the split that have no manifest yet.
    case missing([String], count: Int)
    /// A shard whose frames are not all done.
    case incomplete(String, done: Int, total: Int, shard: FrameShard)
    /// Manifests that are not shards of one sequence, or contradict themselves.
    case mismatch(String)

    public var description: String {
        switch self {
        case .noShards:
            "no shard manifests (frames.shard-I-of-N.json) to merge; render the shards first with kmap frames --shard I/N into the same --out"
        case .missing(let names, let count):
            "\(names.count) of \(count) shards missing: \(names.joined(separator: ", ")); render them with the same options (kmap frames --shard I/\(count)) and merge again"
        case .incomplete(let name, let done, let total, let shard):
            "\(name): \(done) of \(total) frames done; run kmap frames --shard \(shard.description) with the same options again to finish it, then merge"
        case .mismatch(let message): message
        }
    }
}

extension FrameManifest {
    /// Joins the manifests of every shard of one sequence into the manifest an unsharded run writes.
    ///
    /// The shards must share the split, the plan (campaign, frames, size, format, step, tween and encoding,
    /// through `ShardInfo.plan`), be all present and complete, and together list every frame exactly once
    /// in its own shard. Then the result has the same entries, in the same order, as one run's `frames.json`.
    ///
    /// - Parameter shards: each manifest with the file name it was read from, for messages.
    public static func merge(_ shards: [(name: String, manifest: FrameManifest)]) throws(ShardMergeError)
        -> FrameManifest
    {
        guard !shards.isEmpty else { throw .noShards }
        var parsed: [(name: String, manifest: FrameManifest, info: ShardInfo)] = []
        for (name, m) in shards {
            guard let info = m.shard else {
                throw .mismatch("\(name) is not a shard's manifest (it has no shard field); remove it")
            }
            guard info.count >= 1, (1...info.count).contains(info.index),
                name == FrameShard(index: info.index, count: info.count).manifestName
            else {
                throw .mismatch(
                    "\(name) says it is shard \(info.index)/\(info.count); rename or remove it, or render that shard again"
                )
            }
            parsed.append((name, m, info))
        }
        parsed.sort { ($0.info.count, $0.info.index) < ($1.info.count, $1.info.index) }
        let first = parsed[0]
        let count = first.info.count
        for s in parsed {
            guard s.info.count == count else {
                throw .mismatch(
                    "\(first.name) and \(s.name) belong to different splits (\(count) and \(s.info.count) shards); remove the manifests of the split you do not want and merge again"
                )
            }
            guard s.info.plan == first.info.plan, s.info.frames == first.info.frames,
                s.manifest.sameSequence(as: first.manifest)
            else {
                throw .mismatch(
                    "\(first.name) and \(s.name) are shards of different sequences (campaign, span, size, format or style differ); render every shard with the same options and merge again"
                )
            }
        }
        let byIndex = Dictionary(parsed.map { ($0.info.index, $0) }, uniquingKeysWith: { a, _ in a })
        let absent = (1...count).filter { byIndex[$0] == nil }
        guard absent.isEmpty else {
            throw .missing(absent.map { FrameShard(index: $0, count: count).manifestName }, count: count)
        }
        var entries: [Entry] = []
        for i in 1...count {
            let s = byIndex[i]!
            let shard = FrameShard(index: i, count: count)
            let done = s.manifest.frames.count(where: \.done)
            guard done == s.manifest.frames.count else {
                throw .incomplete(s.name, done: done, total: s.manifest.frames.count, shard: shard)
            }
            if let stray = s.manifest.frames.first(where: { !shard.owns(frame: $0.frame) }) {
                throw .mismatch(
                    "\(s.name) lists frame \(stray.frame), which belongs to another shard; render shard \(shard.description) again"
                )
            }
            entries += s.manifest.frames
        }
        entries.sort { $0.frame < $1.frame }
        guard entries.count == first.info.frames, entries.enumerated().allSatisfy({ $0.offset + 1 == $0.element.frame })
        else {
            throw .mismatch(
                "the shards list \(entries.count) frames, not the sequence's \(first.info.frames) once each; render every shard again with the same options"
            )
        }
        var merged = first.manifest
        merged.shard = nil
        merged.frames = entries
        merged.total = entries.count
        merged.done = entries.count
        merged.complete = true
        return merged
    }

    /// Whether two manifests describe the same sequence, apart from which frames they list.
    func sameSequence(as other: FrameManifest) -> Bool {
        (manifest, campaign, title, format) == (other.manifest, other.campaign, other.title, other.format)
            && (width, height, step, tween) == (other.width, other.height, other.step, other.tween)
    }
}
