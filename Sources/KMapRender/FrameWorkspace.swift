internal import CCairo
internal import CDeflate
import Foundation

/// The large buffers one PNG frame needs, kept from frame to frame: the image surface, the PNG scanlines, the
/// deflate output and libdeflate's compressor.
///
/// Allocating them fresh for every frame (about 20 MB at 1600×1200) made glibc hand the pages back to the
/// kernel and fault them in again: 336,000 minor faults per 100 frames (`docs/PERFORMANCE.md`). A workspace
/// is used by one frame at a time (`FrameWorkspace.Pool`), so frames drawn in parallel each have their own and
/// nothing is shared between threads while in use. Nothing in it carries over into the next frame's bytes:
/// the surface is cleared through Cairo and marked dirty, as a new one is (see `uncleared`), every
/// scanline byte is rewritten, and libdeflate's compressor keeps no state between calls.
final class FrameWorkspace {
    private(set) var surface: OpaquePointer?
    private var surfaceSize = (width: Int32(0), height: Int32(0))
    private(set) var scanlines = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private(set) var output = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private var compressor: OpaquePointer?
    private var compressorLevel: Int32 = -1
    /// The static layers of the frames this workspace drew (`LayerCache`).
    let layers = LayerCache()

    deinit {
        if let surface { cairo_surface_destroy(surface) }
        scanlines.deallocate()
        output.deallocate()
        if let compressor { libdeflate_free_compressor(compressor) }
    }

    /// The surface as the previous frame left it (or a new, clear one when the size changed): for a frame that
    /// overwrites every pixel anyway (`LayerCache`); `clear` it otherwise.
    func uncleared(width: Int32, height: Int32) -> (surface: OpaquePointer, isNew: Bool) {
        if let surface, surfaceSize == (width, height), cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS {
            return (surface, false)
        }
        if let surface { cairo_surface_destroy(surface) }
        let fresh = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)!
        // Never in Cairo's "clear" state when drawn on: Cairo draws the first operation on a clear surface
        // through another path, whose rounding differs in the last bit on transparent pixels, and a frame drawn
        // from the static-layer image (`LayerCache`) starts on a surface that is not clear. Marking it dirty
        // makes both start alike.
        cairo_surface_mark_dirty(fresh)
        surface = fresh
        surfaceSize = (width, height)
        return (fresh, true)
    }

    /// CLEAR over the whole surface through Cairo, then marked dirty like a new one.
    func clear(_ surface: OpaquePointer) {
        let cr = cairo_create(surface)!
        cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR)
        cairo_paint(cr)
        cairo_destroy(cr)
        cairo_surface_mark_dirty(surface)
    }

    /// At least `count` bytes for scanlines (contents undefined).
    func scanlineBuffer(_ count: Int) -> UnsafeMutableRawBufferPointer {
        if scanlines.count < count {
            scanlines.deallocate()
            scanlines = .allocate(byteCount: count, alignment: 16)
        }
        return UnsafeMutableRawBufferPointer(rebasing: scanlines[0..<count])
    }

    /// At least `count` bytes for deflate's output (contents undefined).
    func outputBuffer(_ count: Int) -> UnsafeMutableRawBufferPointer {
        if output.count < count {
            output.deallocate()
            output = .allocate(byteCount: count, alignment: 16)
        }
        return UnsafeMutableRawBufferPointer(rebasing: output[0..<count])
    }

    /// libdeflate's compressor for `level`, allocated once.
    func deflater(level: Int32) throws(RenderError) -> OpaquePointer {
        if let compressor, compressorLevel == level { return compressor }
        if let compressor { libdeflate_free_compressor(compressor) }
        compressor = nil
        guard let c = libdeflate_alloc_compressor(level) else {
            throw .encoder("libdeflate could not allocate a level-\(level) compressor (out of memory?)")
        }
        compressor = c
        compressorLevel = level
        return c
    }

    /// Workspaces not in use. Frames take one for their whole drawing and encoding and give it back, so there
    /// are never more than the frames in flight at once (the `--jobs`), each owned by one thread at a time.
    final class Pool: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [FrameWorkspace] = []

        static let shared = Pool()

        /// Runs `body` with a workspace no other thread holds meanwhile.
        func with<T>(_ body: (FrameWorkspace) throws(RenderError) -> T) throws(RenderError) -> T {
            let workspace = lock.withLock { idle.popLast() } ?? FrameWorkspace()
            defer { lock.withLock { idle.append(workspace) } }
            return try body(workspace)
        }
    }
}
