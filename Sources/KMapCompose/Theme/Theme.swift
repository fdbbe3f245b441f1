/// Colours, fonts and sizes of a frame.
///
/// Faction colours come from the campaign; the theme's (by faction id) colour only factions the campaign gives
/// no colour, or every faction it lists when `recolor` is set (`--recolor`). Within one run every frame uses the
/// same theme, so a colour never changes meaning across a sequence.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var background = Color(hex: "#f4f1ea")!
    public var land = Color(hex: "#f4f1ea")!
    public var water = Color(hex: "#a9cfe6")!
    public var waterOutline = Color(hex: "#4a90bf")!
    public var waterLabel = Color(hex: "#2f6f9c")!
    public var roadCasing = Color(hex: "#6b5b45")!
    public var roadFill = Color(hex: "#f7d16b")!
    /// The road-cut badge: no faction's hue, so a cut never reads as a side's mark.
    public var roadCut = Color(hex: "#0c008f")!
    public var ink = Color(hex: "#1e1e1e")!
    public var mutedInk = Color(hex: "#5a5a5a")!
    public var halo = Color(hex: "#ffffff")!
    public var panel = Color(hex: "#ffffffeb")!
    public var panelBorder = Color(hex: "#4d4d4d")!
    public var routeCut = Color(hex: "#c1121f")!
    public var routeCleared = Color(hex: "#d98c00")!
    /// Blue, not green: red and green banners look alike to a red–green colour-blind reader.
    public var routeOpen = Color(hex: "#1f6fb4")!
    /// The highlight of what changed since the previous frame, in a hue no faction uses.
    public var changed = Color(hex: "#c929ff")!
    /// The fill of a place no source speaks for (drawn hollow).
    public var unknown = Color(hex: "#c6c6c6")!
    public var fontFamily = "DejaVu Sans"
    public var labelSize = 14.0
    public var factionColors: [String: Color] = [:]
    /// The theme's faction colours replace the campaign's (`--recolor`), for a house style across campaigns.
    public var recolor = false
    /// Derived zones of control drawn by default, reaching this many km; nil for dots only (`--zones` overrides).
    public var zoneRadiusKm: Double?

    public init(name: String) { self.name = name }

    /// The built-in default: colours after the 2016 Wikipedia Syrian Civil War maps. The loader's built-in
    /// `wikipedia` theme is its YAML form, which users copy; a test holds the two equal.
    public static let standard: Theme = {
        var t = Theme(name: "wikipedia")
        t.panel = Color(hex: "#ffffffeb")!
        t.factionColors = [
            "government": Color(hex: "#e3242b")!, "isil": Color(hex: "#1a1a1a")!,
            "jund-al-aqsa": Color(hex: "#8c8c8c")!,
            "nusra": Color(hex: "#8c8c8c")!, "rebels": Color(hex: "#2e9e3e")!, "kurds": Color(hex: "#f2c81f")!,
        ]
        return t
    }()
}
