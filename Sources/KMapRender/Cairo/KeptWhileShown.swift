/// Values a worker keeps from frame to frame while its frames use them.
///
/// What a frame used is kept for the next frame; anything the next frame does not use again is dropped when
/// it ends. So memory follows what frames show, not the length of the sequence.
final class KeptWhileShown<Key: Hashable, Value> {
    private var current: [Key: Value] = [:]
    private var previous: [Key: Value] = [:]

    /// The value for `key`, made by `make` when no recent frame used it.
    func value(_ key: Key, make: () throws(RenderError) -> Value) throws(RenderError) -> Value {
        if let v = current[key] { return v }
        let v: Value
        if let old = previous[key] { v = old } else { v = try make() }
        current[key] = v
        return v
    }

    /// Ends a frame: what it did not use is dropped after the next one.
    func endFrame() {
        previous = current
        current = [:]
    }

    /// Values held, for tests.
    var count: Int { Set(current.keys).union(previous.keys).count }
}
