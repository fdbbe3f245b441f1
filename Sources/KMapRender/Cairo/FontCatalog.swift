internal import CPangoCairo

/// The font families fontconfig offers Pango, to reject a theme whose font is missing instead of silently
/// drawing in a fallback.
public enum FontCatalog {
    public static let families: [String] = {
        let map = pango_cairo_font_map_get_default()
        var list: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(map, &list, &count)
        defer { g_free(list) }
        var names: [String] = []
        for i in 0..<Int(count) {
            if let family = list?[i], let name = pango_font_family_get_name(family) {
                names.append(String(cString: name))
            }
        }
        return names.sorted()
    }()
}
