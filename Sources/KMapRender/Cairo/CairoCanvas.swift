internal import CCairo
import KMapCompose

/// Owns one Cairo surface and its context; the only place their lifetimes are managed.
///
/// `~Copyable`, so a canvas can never be shared between frames or tasks (Cairo handles are not thread-safe);
/// `deinit` releases both handles on every path, including errors.
struct CairoCanvas: ~Copyable {
    let surface: OpaquePointer
    let cr: OpaquePointer

    /// Takes ownership of `surface` (destroyed even when this throws).
    init(surface: OpaquePointer, during: String) throws(RenderError) {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .cairo(Self.describe(status), during: during)
        }
        let cr = cairo_create(surface)!
        let crStatus = cairo_status(cr)
        guard crStatus == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
            throw .cairo(Self.describe(crStatus), during: during)
        }
        self.surface = surface
        self.cr = cr
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Cairo's errors are sticky: checking once after drawing catches any call that failed.
    func check(during: String) throws(RenderError) {
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(Self.describe(status), during: during) }
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS else { throw .cairo(Self.describe(surfaceStatus), during: during) }
    }

    /// Flushes a vector surface's output to its stream.
    func finish(during: String) throws(RenderError) {
        cairo_surface_finish(surface)
        try check(during: during)
    }

    static func describe(_ status: cairo_status_t) -> String {
        String(cString: cairo_status_to_string(status))
    }
}

/// Collects the bytes a Cairo stream surface or PNG writer produces.
///
/// Cairo's write callbacks are C function pointers and cannot capture, so the sink travels as the
/// callback's closure pointer through `Unmanaged`.
final class ByteSink {
    var bytes: [UInt8] = []

    /// The C callback: appends `length` bytes to the sink behind `closure`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
