internal import CCairo
internal import CDeflate
import KMapCompose

/// What one worker reuses from PNG frame to frame: the image, its scanlines, the deflate output, libdeflate's
/// compressor, the image of the scene's static layers, and its labels and markers rasterised.
///
/// Fresh buffers for every frame (tens of megabytes at 1600×1200) make glibc hand the pages back to the kernel
/// and fault them in again for the next frame. A workspace belongs to one
/// thread at a time: a sequence gives each worker its own, a single frame makes one. Nothing in it reaches a
/// frame's bytes: every pixel of the image is overwritten by the static image (`StaticImage`), every scanline
/// byte is rewritten, and libdeflate's compressor keeps no state between calls.
public final class FrameWorkspace {
    private var image: OpaquePointer?
    private var scanlines: PageBuffer?
    private var deflated: PageBuffer?
    private var deflater: (compressor: OpaquePointer, level: Int32)?
    /// The scene's static layers, drawn once for as long as they do not change.
    let statics = StaticImage()
    /// Haloed labels and markers, rasterised once for as long as frames show them.
    let haloText = HaloTextMasks()
    let markers = MarkerSprites()

    public init() {}

    deinit {
        if let image { cairo_surface_destroy(image) }
        if let deflater { libdeflate_free_compressor(deflater.compressor) }
    }

    /// Ends a frame: labels it did not show are dropped now, markers 30 frames after their last use (`MarkerSprites`).
    func endFrame() {
        haloText.endFrame()
        markers.endFrame()
    }

    enum Buffer { case scanlines, deflated }

    /// At least `count` bytes of `which` (contents undefined).
    func buffer(_ which: Buffer, _ count: Int) throws(RenderError) -> UnsafeMutableRawBufferPointer {
        switch which {
        case .scanlines: try Self.grow(&scanlines, to: count, huge: true)
        case .deflated: try Self.grow(&deflated, to: count, huge: false)
        }
    }

    private static func grow(_ buffer: inout PageBuffer?, to count: Int, huge: Bool) throws(RenderError)
        -> UnsafeMutableRawBufferPointer
    {
        if (buffer?.count ?? -1) < count {
            buffer = nil
            guard let fresh = PageBuffer(count: count, huge: huge) else {
                throw .encoder(
                    "could not map \(count) bytes of memory (out of memory?); lower --size or --scale, or --jobs")
            }
            buffer = fresh
        }
        return UnsafeMutableRawBufferPointer(rebasing: buffer!.bytes[0..<count])
    }

    /// libdeflate's compressor for `level`, allocated once.
    func compressor(level: Int32) throws(RenderError) -> OpaquePointer {
        if let deflater, deflater.level == level { return deflater.compressor }
        if let deflater { libdeflate_free_compressor(deflater.compressor) }
        deflater = nil
        guard let c = libdeflate_alloc_compressor(level) else {
            throw .encoder("libdeflate could not allocate a level-\(level) compressor (out of memory?)")
        }
        deflater = (c, level)
        return c
    }

    /// A `width`×`height` ARGB32 image with whatever the previous frame left in it; the caller overwrites every
    /// pixel.
    func image(width: Int32, height: Int32) throws(RenderError) -> OpaquePointer {
        if let image, cairo_image_surface_get_width(image) == width, cairo_image_surface_get_height(image) == height {
            return image
        }
        if let image { cairo_surface_destroy(image) }
        image = nil
        let fresh = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)!
        let status = cairo_surface_status(fresh)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(fresh)
            throw .cairo(CairoCanvas.describe(status), during: "creating a \(width)×\(height) image")
        }
        image = fresh
        return fresh
    }
}
