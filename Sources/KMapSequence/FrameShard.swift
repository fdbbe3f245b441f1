/// One of `count` interleaved parts of a sequence: frame k belongs to shard ((k − 1) mod count) + 1.
///
/// Interleaving, rather than cutting the sequence into spans, gives every shard frames from the whole span,
/// so shards take about equally long even when one stretch of the campaign is busier or has transition
/// frames. A shard draws its frames with the same names and bytes as an unsharded run, so shards run on
/// separate machines into one folder (GNU parallel, a Slurm array job, a Kubernetes Indexed Job) and
/// `FrameManifest.merge` joins their manifests into the unsharded `frames.json`.
public struct FrameShard: Sendable, Hashable, Codable {
    /// 1…count.
    public var index: Int
    public var count: Int

    /// - Precondition: `1 <= index <= count`.
    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index), "shard \(index)/\(count)")
        self.index = index
        self.count = count
    }

    /// `I/N` with 1 ≤ I ≤ N, or nil.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else {
            return nil
        }
        self.init(index: i, count: n)
    }

    /// Whether frame `number` (1-based) is this shard's.
    public func owns(frame number: Int) -> Bool { (number - 1) % count == index - 1 }

    /// The shard's own manifest, beside the frames: `frames.shard-2-of-4.json`.
    public var manifestName: String { "frames.shard-\(index)-of-\(count).json" }

    public var description: String { "\(index)/\(count)" }
}
