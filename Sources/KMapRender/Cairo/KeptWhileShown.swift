/// Values a worker keeps from frame to frame while its frames use them.
///
/// A value is kept until `frames` frames have ended without using it, and never more than `limit` values past
/// the end of a frame (then only what that frame used stays), so memory follows what recent frames show, not
/// the length of the sequence: the blended colours of tween frames, each used once, cannot pile up.
final class KeptWhileShown<Key: Hashable, Value> {
    private var values: [Key: (value: Value, used: Int)] = [:]
    private var frame = 0
    /// How many frames an unused value outlives its last use.
    let frames: Int
    let limit: Int

    init(frames: Int = 1, limit: Int = .max) {
        self.frames = max(1, frames)
        self.limit = limit
    }

    /// The value for `key`, made by `make` when no recent frame used it.
    func value(_ key: Key, make: () throws(RenderError) -> Value) throws(RenderError) -> Value {
        if let i = values.index(forKey: key) {
            if values.values[i].used != frame { values.values[i].used = frame }
            return values.values[i].value
        }
        let v = try make()
        values[key] = (v, frame)
        return v
    }

    /// Ends a frame: what the last `frames` frames did not use is dropped (past `limit`, what this one did not).
    func endFrame() {
        let recent = values.count > limit ? 1 : frames
        values = values.filter { frame - $0.value.used < recent }
        frame += 1
    }

    /// Values held, for tests.
    var count: Int { values.count }
}
