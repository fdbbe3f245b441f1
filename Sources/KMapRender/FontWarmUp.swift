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
/// finished with it (a semaphore orders the two), so no map is ever used by two threads at once. A single frame
/// drawn in bands (`CairoSceneRenderer.renderInBands`) also needs a map on its other thread: the warm-up then
/// goes on to warm `spares` more maps, one after the other, and a band's thread takes one (`adoptSpare`).
/// Worker threads of a parallel sequence load their own, as before. What is drawn does not change: the map is
/// the one Pango would have made, only made sooner. The commands use the process's one warm-up (`shared`);
/// tests make their own.
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
    /// Spare maps: how many were asked for and begun, those ready, the threads that took one, and whether a
    /// thread is warming (all under `lock`).
    private let lock = NSLock()
    private let spareReady = DispatchSemaphore(value: 0)
    private nonisolated(unsafe) var sparesAsked = 0
    private nonisolated(unsafe) var sparesBegun = 0
    private nonisolated(unsafe) var sparesClaimed = 0
    private nonisolated(unsafe) var spareMaps: [UnsafeMutablePointer<PangoFontMap>] = []
    private nonisolated(unsafe) var spareThreads: [pthread_t] = []
    private nonisolated(unsafe) var warming = false
    private nonisolated(unsafe) var family = "DejaVu Sans"

    init() {}

    /// Starts loading fonts for `family` on another thread, and `spares` more maps for the other threads of a
    /// frame drawn in bands. Once per process: a later call only asks for more spares (`kmap` starts the
    /// warm-up as soon as it sees a drawing command, before its arguments are parsed, and the command asks for
    /// spares when it knows its output).
    public static func start(family: String = "DejaVu Sans", spares: Int = 0) { shared.start(family: family, spares: spares) }

    /// On a band's thread that is not the one that called `start`: waits for a spare map and makes it this
    /// thread's default, once per thread and while spares last. Elsewhere, as `adopt`.
    static func adoptSpare() { shared.adoptSpare() }

    /// On the thread that called `start`, waits for the warm-up and makes its font map this thread's default.
    @inline(__always)
    static func adopt() { shared.adopt() }

    func start(family: String, spares: Int = 0) {
        guard started.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else {
            askForSpares(spares)
            return
        }
        owner = pthread_self()
        lock.withLock {
            sparesAsked = max(0, spares)
            warming = true
            self.family = family
        }
        pending.store(true, ordering: .releasing)
        Thread { [self] in
            map = Self.warm(family)
            done.signal()
            warmSpares()
        }.start()
    }

    /// Raises the spares asked for to `spares`; starts warming them when no thread is.
    private func askForSpares(_ spares: Int) {
        let startThread = lock.withLock { () -> Bool in
            sparesAsked = max(sparesAsked, spares)
            guard !warming, sparesBegun < sparesAsked else { return false }
            warming = true
            return true
        }
        if startThread { Thread { [self] in warmSpares() }.start() }
    }

    /// Warms spares, one after the other, while more are asked for than begun.
    private func warmSpares() {
        while let family = lock.withLock({ () -> String? in
            guard sparesBegun < sparesAsked else {
                warming = false
                return nil
            }
            sparesBegun += 1
            return self.family
        }) {
            let spare = Self.warm(family)
            lock.withLock { if let spare { spareMaps.append(spare) } }
            spareReady.signal()
        }
    }

    /// A font map warmed on this thread and then let go by it (a reference for the caller), so another thread
    /// can make it its own; nil if Cairo could not make a surface.
    private static func warm(_ family: String) -> UnsafeMutablePointer<PangoFontMap>? {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else { return nil }
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        // The same path a label takes: fontconfig's configuration, the fontset of the description, the
        // font's metrics and a line of glyphs.
        _ = PangoText.withLayout(cr, "Khanasir 2016", Font(family: family, size: 13)) { PangoText.metrics($0) }
        guard let warmed = pango_cairo_font_map_get_default() else { return nil }
        g_object_ref(UnsafeMutableRawPointer(warmed))
        // This thread lets the map go (its next map would be a new one), so that no map is used by two threads.
        pango_cairo_font_map_set_default(nil)
        return warmed
    }

    func adoptSpare() {
        if pthread_equal(owner, pthread_self()) != 0 {
            adopt()
            return
        }
        let mine = lock.withLock { () -> Bool in
            guard sparesClaimed < sparesAsked, !spareThreads.contains(where: { pthread_equal($0, pthread_self()) != 0 }) else { return false }
            sparesClaimed += 1
            spareThreads.append(pthread_self())
            return true
        }
        guard mine else { return }
        spareReady.wait()
        guard let spare = lock.withLock({ spareMaps.popLast() }) else { return }
        pango_cairo_font_map_set_default(OpaquePointer(spare))  // takes its own reference
        g_object_unref(UnsafeMutableRawPointer(spare))
    }

    /// Spare maps taken by other threads (for tests).
    var sparesTaken: Int { lock.withLock { sparesClaimed } }

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
