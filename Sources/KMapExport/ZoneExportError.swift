/// Why `kmap export --zones` could not derive the zones.
///
/// Too much work is the user's to narrow (exit 64, with the option that does it); a GEOS failure is kmap's (70).
public enum ZoneExportError: Error, Sendable, CustomStringConvertible {
    case tooMuchWork(changes: Int, places: Int, limit: Int)
    case geometry(String)

    public var description: String {
        switch self {
        case .tooMuchWork(let changes, let places, let limit):
            "derived zones for \(places) places that may change at \(changes) instants are more than kmap computes "
                + "in one export ((instants + 1) × places ≤ \(limit)); narrow the span with --from/--to, or leave out "
                + "--zones"
        case .geometry(let reason): "the derived zones could not be computed: \(reason)"
        }
    }
}
