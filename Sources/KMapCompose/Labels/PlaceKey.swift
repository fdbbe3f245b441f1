import KMapModel

/// Places whose name found no room on the map: a letter beside the marker, and the name in the legend's key.
///
/// At thumbnail sizes thirty places share a few hundred pixels; rather than leave some unnamed, the names that
/// do not fit are keyed ("a Al-Mughayrat"), as atlases key the villages of a crowded inset.
struct PlaceKey: Sendable {
    struct Item: Sendable, Hashable {
        var placeID: String
        var letter: String
        var name: String
        /// Where the key's entry is written, relative to the key's top-left corner (baseline origin).
        var origin: Point
    }

    var items: [Item] = []
    /// The key's size below the legend's entries, heading included.
    var height = 0.0

    static let headingHeight = 20.0
    static let lineHeight = 15.0

    /// The most places a key lists: past that a frame is too crowded to name every place (a campaign of
    /// thousands), and a key would bury the map; the rest stay unnamed (`SceneComposer.unlabelled`).
    static let capacity = 26

    /// "a", "b", … "z".
    static func letter(_ i: Int) -> String {
        String(Array("abcdefghijklmnopqrstuvwxyz")[i % 26])
    }

    /// No key: every place is named on the map.
    init() {}

    /// The entries for `places`, flowed into lines of `width`.
    init(places: [Place], names: [String], width: Double, font: Font, measurer: any TextMeasurer) {
        guard !places.isEmpty else { return }
        var x = 0.0
        var y = Self.headingHeight + Self.lineHeight - 4
        let gap = 12.0
        for (i, (place, name)) in zip(places, names).enumerated() {
            let text = "\(Self.letter(i)) \(name)"
            let w = measurer.measure(text, font: font).width
            if x > 0, x + w > width {
                x = 0
                y += Self.lineHeight
            }
            items.append(Item(placeID: place.id, letter: Self.letter(i), name: name, origin: Point(x: x, y: y)))
            x += w + gap
        }
        height = y + 6
    }
}
