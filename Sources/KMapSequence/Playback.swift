/// How long each planned frame stays on screen in an animation: key frames held, transitions at the frame rate.
///
/// At 4 frames per second a frame shown once lasts 0.25 s, too short to read a date; a key frame (one step's
/// state, a day at the default step) is repeated for `hold` seconds instead. Transition frames are shown once
/// each, so a tween runs as smoothly as the frame rate allows and only the states the data gives stand still.
/// Repeats cost no drawing: the encoder is handed the same file again.
public struct Playback: Sendable, Hashable {
    /// Frames per second of the video.
    public var fps: Int
    /// Seconds each key frame stays on screen (at least one frame).
    public var hold: Double
    /// Extra seconds the last frame stays, so a looping GIF rests on the outcome.
    public var holdLast: Double

    public static let defaultFPS = 4
    public static let defaultHold = 1.0
    public static let defaultHoldLast = 2.0

    public init(fps: Int = defaultFPS, hold: Double = defaultHold, holdLast: Double = defaultHoldLast) {
        self.fps = fps
        self.hold = hold
        self.holdLast = holdLast
    }

    /// How many video frames show one planned frame: a key frame or a transition, the last of its plan or not.
    public func repeats(isKey: Bool, isLast: Bool) -> Int {
        (isKey ? max(1, frames(hold)) : 1) + (isLast ? frames(holdLast) : 0)
    }

    /// The frames as the video shows them, by index into `keys` (whether each is a key frame), each repeated
    /// for as long as it stays.
    public func sequence(keys: [Bool]) -> [Int] {
        keys.indices.flatMap { i in
            Array(repeating: i, count: repeats(isKey: keys[i], isLast: i == keys.count - 1))
        }
    }

    /// The plan's frames as the video shows them, by index into `plan.frames`.
    public func sequence(_ plan: FramePlan) -> [Int] { sequence(keys: plan.frames.map { $0.tween == nil }) }

    /// A manifest's frames as the video shows them, by index into `manifest.frames`.
    public func sequence(_ manifest: FrameManifest) -> [Int] { sequence(keys: manifest.frames.map { $0.tween == nil }) }

    func frames(_ seconds: Double) -> Int { Int((seconds * Double(fps)).rounded()) }
}
