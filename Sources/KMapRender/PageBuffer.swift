import Foundation

/// Zeroed memory for a frame's large buffers (the image, its PNG scanlines, the deflate output), mapped
/// directly and aligned to 2 MiB so that the kernel may back it with huge pages.
///
/// A 1600×1200 frame touches about 20 MB. In 4 KiB pages that is some 5,000 page faults, each a trip into the
/// kernel, and as many pages to unmap when the process exits: for a single frame, about 6 ms of its 45
/// (`docs/PERFORMANCE.md`). With `MADV_HUGEPAGE` each 2 MiB is one fault. Where the kernel offers no huge
/// pages the advice is ignored and the memory works as any other. The bytes are zero when mapped; what is
/// written in them is the owner's business.
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
        guard let m = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), m != MAP_FAILED else {
            return nil
        }
        let aligned = (Int(bitPattern: m) + Self.hugePage - 1) / Self.hugePage * Self.hugePage
        base = UnsafeMutableRawPointer(bitPattern: aligned)!
        self.count = count
        mapping = m
        mappingLength = length
        // Advice only: without huge pages the memory is ordinary pages.
        if huge { _ = madvise(base, rounded, MADV_HUGEPAGE) }
    }

    deinit { munmap(mapping, mappingLength) }

    var bytes: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(start: base, count: count) }
}
