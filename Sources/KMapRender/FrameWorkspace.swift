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
    /// The surface's pixels: kmap's own memory (`PageBuffer`), so that bands of it can be drawn on by
    /// separate surfaces on separate threads (`CairoSceneRenderer.renderPNG`).
    private var pixels: PageBuffer?
    private var surfaceSize = (width: Int32(0), height: Int32(0))
    /// Buffers for each part of a PNG's rows (`FastPNGEncoder`): parts are encoded apart, in parallel or not.
    private var parts: [Part] = []
    /// The static layers of the frames this workspace drew (`LayerCache`).
    let layers = LayerCache()

    /// One part's scanlines, deflate output and compressor (libdeflate's compressors are not shared between
    /// threads).
    final class Part {
        private(set) var scanlines: PageBuffer?
        private(set) var output: PageBuffer?
        private var compressor: OpaquePointer?
        private var compressorLevel: Int32 = -1

        deinit { if let compressor { libdeflate_free_compressor(compressor) } }

        /// At least `count` bytes for scanlines (contents undefined).
        func scanlineBuffer(_ count: Int) throws(RenderError) -> UnsafeMutableRawBufferPointer {
            try FrameWorkspace.grow(&scanlines, to: count)
        }

        /// At least `count` bytes for deflate's output (contents undefined).
        func outputBuffer(_ count: Int) throws(RenderError) -> UnsafeMutableRawBufferPointer {
            try FrameWorkspace.grow(&output, to: count, huge: false)
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
    }

    deinit {
        if let surface { cairo_surface_destroy(surface) }  // before its pixels are unmapped
    }

    /// The buffers of part `k` of a PNG.
    func part(_ k: Int) -> Part {
        while parts.count <= k { parts.append(Part()) }
        return parts[k]
    }

    /// The first `count` bytes of `buffer`, grown (as new, zeroed memory) when it is smaller.
    static func grow(_ buffer: inout PageBuffer?, to count: Int, huge: Bool = true) throws(RenderError) -> UnsafeMutableRawBufferPointer {
        if (buffer?.count ?? -1) < count {
            buffer = nil
            guard let fresh = PageBuffer(count: count, huge: huge) else { throw .encoder("could not map \(count) bytes of memory (out of memory?); lower --size or --scale, or --jobs") }
            buffer = fresh
        }
        return UnsafeMutableRawBufferPointer(rebasing: buffer!.bytes[0..<count])
    }

    /// The surface as the previous frame left it (or a new, clear one when the size changed): for a frame that
    /// overwrites every pixel anyway (`LayerCache`); `clear` it otherwise.
    func uncleared(width: Int32, height: Int32) throws(RenderError) -> (surface: OpaquePointer, isNew: Bool) {
        if let surface, surfaceSize == (width, height), cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS {
            return (surface, false)
        }
        if let surface { cairo_surface_destroy(surface) }
        surface = nil
        pixels = nil
        let during = "creating a \(width)×\(height) image"
        let stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, width)
        let memory = stride > 0 && height > 0 && height <= 32767 ? PageBuffer(count: Int(stride) * Int(height)) : nil
        // A size Cairo refuses gets Cairo's own error, as from a surface Cairo allocates.
        let fresh =
            if let memory {
                cairo_image_surface_create_for_data(memory.base.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32, width, height, stride)!
            } else {
                cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)!
            }
        let status = cairo_surface_status(fresh)
        guard status == CAIRO_STATUS_SUCCESS, let memory else {
            cairo_surface_destroy(fresh)
            throw .cairo(status == CAIRO_STATUS_SUCCESS ? "out of memory; lower --size or --scale, or --jobs" : CairoCanvas.describe(status), during: during)
        }
        // Never in Cairo's "clear" state when drawn on: Cairo draws the first operation on a clear surface
        // through another path, whose rounding differs in the last bit on transparent pixels, and a frame drawn
        // from the static-layer image (`LayerCache`) starts on a surface that is not clear. Marking it dirty
        // makes both start alike. (The memory is zero when mapped: a new surface is transparent.)
        cairo_surface_mark_dirty(fresh)
        surface = fresh
        pixels = memory
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
