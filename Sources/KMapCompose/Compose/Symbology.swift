import KMapModel

/// How a kind of place is drawn: shape and size; shared by the map and the legend so they always agree.
struct Symbology {
    static func shape(for kind: PlaceKind) -> MarkerShape {
        switch kind {
        case .city, .town, .village: .circle
        case .hill: .triangle
        case .oilfield: .square
        case .checkpoint: .diamond
        case .airbase: .star
        case .base: .pentagon
        case .citadel, .landmark: .hexagon
        case .district: .octagon
        case .crossing: .bowtie
        case .bridge: .bar
        case .dam: .invertedTriangle
        case .industrial: .factory
        }
    }

    static func radius(for kind: PlaceKind) -> Double {
        switch kind {
        case .city: 10
        case .town: 8
        case .village: 5.5
        case .hill: 7
        case .oilfield: 6.5
        case .checkpoint: 5
        case .airbase: 8
        case .base, .citadel, .landmark, .district: 6.5
        case .crossing, .bridge, .dam, .industrial: 6
        }
    }

    static func label(for kind: PlaceKind) -> String {
        switch kind {
        case .city: "city"
        case .town: "town"
        case .village: "village"
        case .hill: "hill"
        case .oilfield: "oil field"
        case .checkpoint: "checkpoint"
        case .airbase: "airbase"
        case .base: "military base"
        case .citadel: "citadel"
        case .landmark: "landmark"
        case .bridge: "bridge"
        case .dam: "dam"
        case .crossing: "border crossing"
        case .district: "district"
        case .industrial: "industrial site"
        }
    }

    /// Label font per kind: towns bold, hills smaller and italic.
    static func font(for kind: PlaceKind, theme: Theme) -> Font {
        switch kind {
        case .city: Font(family: theme.fontFamily, size: theme.labelSize + 3, bold: true)
        case .town: Font(family: theme.fontFamily, size: theme.labelSize + 1, bold: true)
        case .village, .checkpoint, .district, .crossing: Font(family: theme.fontFamily, size: theme.labelSize - 1.5)
        case .airbase, .base, .citadel: Font(family: theme.fontFamily, size: theme.labelSize - 1, bold: true)
        case .hill, .oilfield, .landmark, .bridge, .dam, .industrial:
            Font(family: theme.fontFamily, size: theme.labelSize - 2, italic: true)
        }
    }
}
