internal import CCairo
internal import CPangoCairo
import Foundation
import Synchronization

/// Fontconfig's configuration and the first font, loaded on the second core while the first reads the campaign.
///
/// A process's first text costs about 50 M instructions before a glyph is drawn: fontconfig parses its XML
/// configuration and Pango loads, sorts and measures the fonts of a description. None of it depends on the
/// campaign, so a drawing command starts it at once on another thread (`start`), and the thread that started it
/// takes the warmed font map as its own the first time it needs Pango (`adopt`, called by every Pango entry
/// point). Pango's default font map is per thread; this one is handed over only after the warming thread has
/// finished with it (a semaphore orders the two), so no map is ever used by two threads at once. Worker threads
/// of a parallel sequence load their own, as before. What is drawn does not change: the map is the one Pango
/// would have made, only made sooner. The commands use the process's one warm-up (`shared`); tests make their own.
public final class FontWarmUp: Sendable {
    /// The process's warm-up, which the commands start and `PangoText` adopts.
    static let shared = FontWarmUp()

    /// Set while a warm-up started by `owner` has not been adopted yet: the only check on the hot path.
    private let pending = Atomic<Bool>(false)
    private let started = Atomic<Bool>(false)
    // Written before `pending` is set (release) or before `done` is signalled; read after those.
    private nonisolated(unsafe) var owner = pthread_self()
    private let done = DispatchSemaphore(value: 0)
    private nonisolated(unsafe) var map: UnsafeMutablePointer<PangoFontMap>?

    init() {}

    /// Starts loading fonts for `family` on another thread; once per process, later calls do nothing.
    public static func start(family: String = "DejaVu Sans") { shared.start(family: family) }

    /// On the thread that called `start`, waits for the warm-up and makes its font map this thread's default.
    @inline(__always)
    static func adopt() { shared.adopt() }

    func start(family: String) {
        guard started.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        owner = pthread_self()
        pending.store(true, ordering: .releasing)
        let thread = Thread { [self] in
            defer { done.signal() }
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else { return }
            defer { cairo_surface_destroy(surface) }
            let cr = cairo_create(surface)!
            defer { cairo_destroy(cr) }
            // The same path a label takes: fontconfig's configuration, the fontset of the description, the
            // font's metrics and a line of glyphs.
            _ = PangoText.withLayout(cr, "Khanasir 2016", Font(family: family, size: 13)) { PangoText.metrics($0) }
            if let warmed = pango_cairo_font_map_get_default() {
                g_object_ref(UnsafeMutableRawPointer(warmed))
                map = warmed
            }
        }
        thread.start()
    }

    /// Whether a warm-up has started and not yet been adopted (for tests).
    var isPending: Bool { pending.load(ordering: .acquiring) }

    @inline(__always)
    func adopt() {
        guard pending.load(ordering: .acquiring) else { return }
        adoptSlowly()
    }

    private func adoptSlowly() {
        guard pthread_equal(owner, pthread_self()) != 0 else { return }
        done.wait()
        pending.store(false, ordering: .releasing)
        guard let warmed = map else { return }
        pango_cairo_font_map_set_default(OpaquePointer(warmed))  // takes its own reference
        g_object_unref(UnsafeMutableRawPointer(warmed))
        map = nil
    }
}
