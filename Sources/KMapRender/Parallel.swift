import Dispatch

/// Splitting one frame's work over cores: the bands of a frame drawn and encoded at once
/// (`CairoSceneRenderer.renderPNG`, `FastPNGEncoder`).
enum Parallel {
    /// `body` for 0..<`count`, on up to `threads` threads at once (the calling thread among them), or one after
    /// the other when `threads` is 1; the results in order. The first error in index order is thrown.
    static func map<T>(_ count: Int, threads: Int, _ body: (Int) throws(RenderError) -> T) throws(RenderError) -> [T] {
        if threads <= 1 || count <= 1 { return try (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<Result<T, RenderError>?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        // Each index writes its own slot only.
        nonisolated(unsafe) let shared = slots
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: count) { k in
                shared[k] = Result { () throws(RenderError) -> T in try work(k) }
            }
        }
        return try slots.map { slot throws(RenderError) in try slot!.get() }
    }
}
