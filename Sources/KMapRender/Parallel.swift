import Dispatch
import Foundation

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
        // Each index writes its own slot only. `threads` workers take the indices in order from a shared counter
        // (Dispatch alone would use every core of the machine).
        nonisolated(unsafe) let shared = slots
        let next = NextIndex()
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
                while let k = next.take(below: count) {
                    shared[k] = Result { () throws(RenderError) -> T in try work(k) }
                }
            }
        }
        return try slots.map { slot throws(RenderError) in try slot!.get() }
    }
}

/// The next index of a `Parallel.map`, for whichever worker asks first.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below count: Int) -> Int? {
        lock.withLock {
            guard value < count else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
