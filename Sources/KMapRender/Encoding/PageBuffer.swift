import Foundation

/// Zeroed memory for a frame's large buffers (its PNG scanlines, the deflate output), mapped directly and, on
/// Linux, aligned to 2 MiB and advised into huge pages.
///
/// A 1600×1200 frame's buffers are some 10 MB: in 4 KiB pages, thousands of page faults, each a trip into the
/// kernel. With `MADV_HUGEPAGE` each 2 MiB is one fault; where the kernel offers no huge pages the advice is
/// ignored.
final class PageBuffer {
    let base: UnsafeMutableRawPointer
    let count: Int
    private let mapping: UnsafeMutableRawPointer
    private let mappingLength: Int

    static let hugePage = 2 << 20

    /// nil when the system refuses the mapping (out of memory). `huge` false for a buffer of which only the
    /// start is usually written (deflate's output, sized for the worst case): a huge page is zeroed whole when
    /// first touched.
    init?(count: Int, huge: Bool = true) {
        let wanted = max(count, 1)
        let rounded = (wanted + Self.hugePage - 1) / Self.hugePage * Self.hugePage
        let length = rounded + Self.hugePage  // room to align the start
        guard let m = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), m != MAP_FAILED
        else {
            return nil
        }
        let aligned = (Int(bitPattern: m) + Self.hugePage - 1) / Self.hugePage * Self.hugePage
        base = UnsafeMutableRawPointer(bitPattern: aligned)!
        self.count = count
        mapping = m
        mappingLength = length
        #if os(Linux)
            if huge { _ = madvise(base, rounded, MADV_HUGEPAGE) }
        #endif
    }

    deinit { munmap(mapping, mappingLength) }

    var bytes: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(start: base, count: count) }
}
