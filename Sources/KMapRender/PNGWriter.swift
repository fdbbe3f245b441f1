/// Which PNG encoder turns a drawn frame into bytes.
///
/// Cairo's own writer (`cairo_surface_write_to_png`) runs libpng with its defaults: an adaptive choice among
/// all five row filters on every row and zlib at level 6. On kmap's flat-colour maps that is about 85 % of a
/// frame's time (docs/PERFORMANCE.md). `fast` skips the row filters (flat colour compresses best unfiltered)
/// and deflates with libdeflate: the same decoded pixels, a smaller file, four to five times faster.
public enum PNGWriter: String, Sendable, Hashable, CaseIterable {
    /// `cairo_surface_write_to_png`: the default, as every Cairo program writes PNG.
    case cairo
    /// kmap's own writer: filter none, libdeflate (`FastPNGEncoder`).
    case fast
}
