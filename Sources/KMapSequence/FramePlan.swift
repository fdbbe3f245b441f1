import KMapCompose
import KMapModel
import KMapRender

/// Every frame of a sequence, in order, with its file name: decided before anything is drawn.
///
/// The plan depends only on the span, the step, the tween count and the format, never on how many workers
/// draw it, so the same options always give the same files in the same order.
public struct FramePlan: Sendable, Hashable {
    public let step: FrameStep
    /// Transition frames between two key frames.
    public let tween: Int
    public let format: OutputFormat
    public let frames: [PlannedFrame]

    /// - Precondition: `from <= to`, `tween >= 0`.
    public init(from: Day, through to: Day, step: FrameStep, tween: Int = 0, format: OutputFormat = .png) {
        self.step = step
        self.tween = tween
        self.format = format
        let keys = step.instants(from: from, through: to)
        var frames: [PlannedFrame] = []
        var previous = step.instant(before: keys[0])
        for (i, key) in keys.enumerated() {
            if i > 0, tween > 0 {
                for k in 1...tween {
                    frames.append(
                        PlannedFrame(
                            number: 0, instant: key, previous: previous, tween: .init(index: k, count: tween), file: "")
                    )
                }
            }
            frames.append(PlannedFrame(number: 0, instant: key, previous: previous, tween: nil, file: ""))
            previous = key
        }
        let width = max(4, String(frames.count).count)
        self.frames = frames.enumerated().map { i, frame in
            var f = frame
            f.number = i + 1
            f.file = Self.fileName(number: i + 1, width: width, frame: frame, format: format)
            return f
        }
    }

    /// `0001_2016-02-21.png` for the end of a day, `0002_2016-02-22T0600.png` within one, and
    /// `0003_2016-02-22T0600_tween1.png` for the first transition frame after that instant.
    ///
    /// Zero-padded numbers sort in order in any file browser and feed `ffmpeg -i %04d_*`; the date makes a
    /// single file meaningful on its own. No colons, so the names work on every file system.
    static func fileName(number: Int, width: Int, frame: PlannedFrame, format: OutputFormat) -> String {
        let digits = String(number)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        let shown = frame.tween == nil ? frame.instant : frame.previous
        var stamp = shown.day.description
        if !shown.isEndOfDay { stamp += "T" + shown.time.description.replacingOccurrences(of: ":", with: "") }
        if let tween = frame.tween { stamp += "_tween\(tween.index)" }
        return "\(padded)_\(stamp).\(format.fileExtension)"
    }

    public var keyFrameCount: Int { frames.count { $0.tween == nil } }

    /// Whether `name` has the shape of `fileName`'s names: what a manifest may list and a re-run may remove.
    public static func isFrameFileName(_ name: String) -> Bool {
        name.wholeMatch(of: #/[0-9]{4,}_[0-9]{4,}-[0-9]{2}-[0-9]{2}(T[0-9]{4})?(_tween[0-9]+)?\.(png|svg|pdf)/#) != nil
    }
}

/// One frame of a plan: a key frame showing the state at `instant`, or a transition towards it.
public struct PlannedFrame: Sendable, Hashable {
    /// 1-based position in the sequence.
    public var number: Int
    /// The state shown (key frame) or eased towards (transition).
    public var instant: Instant
    /// The key instant before: what a key frame marks changes against, and where a transition starts.
    public var previous: Instant
    /// nil for a key frame.
    public var tween: Tween?
    public var file: String

    /// The place of a transition frame between two key frames.
    public struct Tween: Sendable, Hashable {
        /// 1…count.
        public var index: Int
        public var count: Int

        /// How far along the transition the frame is, eased in and out (0 is the earlier state, 1 the later).
        public var progress: Double { Easing.inOutCubic(Double(index) / Double(count + 1)) }
    }
}

/// Easing curves for transition frames.
public enum Easing {
    /// Slow at both ends, fastest in the middle: a change settles rather than stopping dead.
    public static func inOutCubic(_ t: Double) -> Double {
        let x = min(1, max(0, t))
        return x < 0.5 ? 4 * x * x * x : 1 - pow3(-2 * x + 2) / 2
    }

    static func pow3(_ v: Double) -> Double { v * v * v }
}
