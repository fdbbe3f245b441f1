import Foundation
import KMapModel

/// `frames.json`: every planned frame with its instant, file, changes and whether it is finished.
///
/// It is rewritten (atomically) while frames render and once more at the end or on interruption, so it always
/// says which files are whole. A re-run reads it to skip frames that are done and up to date; `kmap animate`
/// reads it to feed frames to the encoder in order. It holds no timings or paths, so `--jobs 1` and
/// `--jobs 8` write the same bytes.
public struct FrameManifest: Sendable, Hashable, Codable {
    /// The manifest's own format; bump when fields change meaning.
    public var manifest = FrameManifest.version
    public var campaign: String
    public var title: String
    /// Whether every frame is done.
    public var complete: Bool
    public var done: Int
    public var total: Int
    /// png, svg or pdf.
    public var format: String
    public var width: Int
    public var height: Int
    public var step: String
    public var tween: Int
    /// Set in a shard's manifest (`frames.shard-I-of-N.json`), which lists only the shard's frames; absent
    /// in `frames.json`.
    public var shard: ShardInfo?
    public var frames: [Entry]

    public static let version = "kmap-frames/1"
    public static let fileName = "frames.json"

    public struct Entry: Sendable, Hashable, Codable {
        /// 1-based position in the sequence.
        public var frame: Int
        public var file: String
        /// The state shown, `2016-02-23` (end of day) or `2016-02-23T06:00`; for a transition, the state it
        /// eases towards.
        public var instant: String
        /// `key`, or `tween` for a transition frame.
        public var kind: String
        public var tween: TweenInfo?
        public var done: Bool
        /// Size of the finished file, to notice one replaced or truncated since.
        public var bytes: Int?
        /// `FrameDigest` of the frame's scene: a mismatch means out of date.
        public var digest: String?
        public var changes: FrameChanges
    }

    /// Which part of which sequence a shard's manifest describes.
    public struct ShardInfo: Sendable, Hashable, Codable {
        /// 1…count.
        public var index: Int
        public var count: Int
        /// Frames in the whole sequence.
        public var frames: Int
        /// A fingerprint of the whole plan and its settings: shards of one sequence share it.
        public var plan: String

        init(_ shard: FrameShard, frames: Int, plan: String) {
            index = shard.index
            count = shard.count
            self.frames = frames
            self.plan = plan
        }
    }

    public struct TweenInfo: Sendable, Hashable, Codable {
        /// The key instant the transition starts from.
        public var from: String
        public var index: Int
        public var count: Int
        /// Eased position between the two states, 0…1.
        public var progress: Double
    }

    /// `2016-02-23`, or `2016-02-23T06:00` within a day.
    public static func text(_ instant: Instant) -> String {
        instant.isEndOfDay ? instant.day.description : "\(instant.day)T\(instant.time)"
    }

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        return Array(try! encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    /// The manifest in `data`, or nil when it is missing, unreadable or of another version (then every frame
    /// counts as not done, which is safe).
    public static func decode(_ data: Data) -> FrameManifest? {
        guard let m = try? JSONDecoder().decode(FrameManifest.self, from: data), m.manifest == version else {
            return nil
        }
        return m
    }

    /// Finished entries by file name.
    public var doneByFile: [String: Entry] {
        var out: [String: Entry] = [:]
        for e in frames where e.done { out[e.file] = e }
        return out
    }
}
