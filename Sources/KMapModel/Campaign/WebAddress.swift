/// Which of a campaign's URLs may become links: only web addresses.
///
/// A source's `url` is written by whoever wrote the campaign; a `javascript:` or `data:` URL made a link in the
/// HTML report that ran script when clicked. Anything else is shown as text, and `kmap check` flags it.
public enum WebAddress {
    /// `http://` or `https://`, with no space, quote or angle bracket that could end a link early.
    public static func isWeb(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        return !url.unicodeScalars.contains { $0.value <= 0x20 || "<>\"'`\\".unicodeScalars.contains($0) }
    }
}
