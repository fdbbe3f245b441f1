import KMapCompose
import KMapModel

/// The themes kmap ships, as the YAML a user would copy (`kmap themes wikipedia > mine.yaml`) and edit.
///
/// `Theme.standard` is the `wikipedia` theme as a value; `ThemeTests` holds the two equal.
enum BuiltinThemes {
    static let names = ["wikipedia", "isw"]

    static func yaml(_ name: String) -> String? {
        switch name {
        case "wikipedia": wikipedia
        case "isw": isw
        default: nil
        }
    }

    static let wikipedia = """
        # kmap theme. Copy it (kmap themes wikipedia > my-theme.yaml), edit it, use it with --theme my-theme.yaml.
        name: wikipedia
        description: After the 2016 convention of Wikipedia's Syrian Civil War detailed map
        font: DejaVu Sans
        labelSize: 14
        # Faction colours by faction id, for factions whose campaign gives no colour (or for all with --recolor).
        # Every pair of legend colours stays 15 CIEDE2000 apart with normal vision, deuteranopia and protanopia
        # (ThemeLegibilityTests); keep it so when you edit.
        factions:
          government: "#e3242b"     # the Syrian government and allies: red
          isil: "#1a1a1a"           # ISIL: black
          jund-al-aqsa: "#8c8c8c"   # al-Nusra and allied jihadist groups: grey
          nusra: "#8c8c8c"
          rebels: "#2e9e3e"         # rebels: green
          kurds: "#f2c81f"          # Kurdish forces: yellow
        colors:
          background: "#f4f1ea"
          water: "#a9cfe6"
          waterOutline: "#4a90bf"
          waterLabel: "#2f6f9c"
          roadCasing: "#6b5b45"
          roadFill: "#f7d16b"
          roadCut: "#0c008f"        # the cut badge: navy, no faction's hue (red would read as the government's)
          ink: "#1e1e1e"
          mutedInk: "#5a5a5a"
          halo: "#ffffff"
          panel: "#ffffffeb"
          panelBorder: "#4d4d4d"
          routeCut: "#c1121f"
          routeCleared: "#d98c00"
          routeOpen: "#1f6fb4"      # blue: red and green banners look alike with red-green colour blindness
          changed: "#c929ff"        # what changed: violet, a hue no side uses
          unknown: "#c6c6c6"        # a place no source speaks for (drawn hollow)
        """

    static let isw = """
        # kmap theme in the style of the Institute for the Study of War's control-of-terrain maps: muted paper,
        # sand roads, deep regime red, charcoal ISIS, violet for al-Qaeda-aligned groups. An approximation of
        # the look, not ISW's official palette. Changes are blue and road cuts deep purple, hues no side uses;
        # every pair of legend colours stays 15 CIEDE2000 apart for colour-blind readers too.
        name: isw
        description: In the style of ISW control-of-terrain maps (an approximation, not ISW's palette)
        font: DejaVu Sans
        labelSize: 14
        # Shaded zones of control (derived from the places, marked so in the legend), reaching this many km
        # from each place; 0 for dots only. --zones overrides it.
        zones: 5
        factions:
          government: "#b3202a"
          isil: "#2b2b2b"
          jund-al-aqsa: "#7b4f9d"
          nusra: "#7b4f9d"
          rebels: "#5a9e4b"
          kurds: "#e6b422"
        colors:
          background: "#ece8df"
          water: "#c5d9e8"
          waterOutline: "#7f9fb8"
          waterLabel: "#4f6f88"
          roadCasing: "#7a7a7a"
          roadFill: "#f0e0a8"
          roadCut: "#4a0561"
          ink: "#202020"
          mutedInk: "#606060"
          halo: "#f7f5f0"
          panel: "#f7f5f0f0"
          panelBorder: "#7a7a7a"
          routeCut: "#b3202a"
          routeCleared: "#c77d0a"
          routeOpen: "#2f6f9f"
          changed: "#2994ff"
          unknown: "#c6c6c6"
        """
}
