import KMapModel

/// How a kind of place is drawn: shape and size; shared by the map and the legend so they always agree.
struct Symbology {
    static func shape(for kind: PlaceKind) -> MarkerShape {
        switch kind {
        case .city, .town, .village: .circle
        case .hill: .triangle
        case .oilfield: .square
        case .checkpoint: .diamond
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
        }
    }

    /// Label font per kind: towns bold, hills smaller and italic.
    static func font(for kind: PlaceKind, theme: Theme) -> Font {
        switch kind {
        case .city: Font(family: theme.fontFamily, size: theme.labelSize + 3, bold: true)
        case .town: Font(family: theme.fontFamily, size: theme.labelSize + 1, bold: true)
        case .village, .checkpoint: Font(family: theme.fontFamily, size: theme.labelSize - 1.5)
        case .hill, .oilfield: Font(family: theme.fontFamily, size: theme.labelSize - 2, italic: true)
        }
    }
}
