/// A backend-neutral frame: everything to draw, in pixels, in drawing order.
///
/// Composition (projection, symbology, label placement) happens once, here; each backend only turns symbols
/// into its own calls. A new symbol is a new case of `Symbol`, and the compiler then shows every backend that
/// must learn it.
public struct Scene: Sendable, Hashable {
    public var width: Double
    public var height: Double
    /// nil for a transparent frame.
    public var background: Color?
    public var items: [SceneItem]
    /// Document title and subject, for PDF and SVG metadata.
    public var title: String
    public var subject: String
    /// Key-value facts written into files that hold text metadata (PNG text chunks): title, day, source.
    public var metadata: [Metadata]

    public struct Metadata: Sendable, Hashable {
        public var key: String
        public var value: String
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(
        width: Double, height: Double, background: Color?, items: [SceneItem], title: String, subject: String,
        metadata: [Metadata] = []
    ) {
        self.width = width
        self.height = height
        self.background = background
        self.items = items
        self.title = title
        self.subject = subject
        self.metadata = metadata
    }

    public func items(in layer: Layer) -> [SceneItem] { items.filter { $0.layer == layer } }

    /// The leading items in static layers: a sequence draws them once while they stay the same (`StaticImage`).
    public var staticCount: Int { items.firstIndex { !$0.layer.isStatic } ?? items.count }
    public func item(_ id: String) -> SceneItem? { items.first { $0.id == id } }
}

/// What a scene item belongs to; also its z-order, lowest first.
public enum Layer: String, Sendable, Hashable, CaseIterable, Comparable {
    case background, terrain, context, zones, water, roads, roadStatus, markers, roadMarks, changes, labels, furniture,
        legend

    /// Layers that depend on the campaign and the frame's size, never on the day.
    public var isStatic: Bool {
        self == .background || self == .terrain || self == .context || self == .water || self == .roads
    }

    public static func < (a: Layer, b: Layer) -> Bool { a.rank < b.rank }

    /// The layer's place in drawing order: its place in the declaration.
    public var rank: Int { Self.ordered.firstIndex(of: self)! }

    private static let ordered = allCases

    /// `items` in drawing order of their layers, each layer's items in their given order.
    ///
    /// One pass into a bucket per layer: a comparison sort of a 10,000-place scene's items moved each large
    /// item some twenty times.
    public static func sorted(_ items: [SceneItem]) -> [SceneItem] {
        var buckets = Array(repeating: [SceneItem](), count: ordered.count)
        for item in items { buckets[item.layer.rank].append(item) }
        return Array(buckets.joined())
    }
}

/// One drawable thing with a stable id (`place:khanasir`, `label:khanasir`, `legend:faction:isil`).
public struct SceneItem: Sendable, Hashable {
    public var id: String
    public var layer: Layer
    public var symbol: Symbol
    /// What a reader is told when pointing at it (an SVG `<title>`): a place's state and its source.
    public var title: String?

    public init(id: String, layer: Layer, symbol: Symbol, title: String? = nil) {
        self.id = id
        self.layer = layer
        self.symbol = symbol
        self.title = title
    }
}

public struct Stroke: Sendable, Hashable {
    public var color: Color
    public var width: Double
    /// Dash lengths; empty for a solid line.
    public var dash: [Double]

    public init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}

/// The closed set of things a backend must know how to draw.
public enum Symbol: Sendable, Hashable {
    /// Rings in pixels; the first is the outline, later ones are holes (even-odd).
    case polygon(rings: [[Point]], fill: Color?, stroke: Stroke?)
    case polyline(points: [Point], stroke: Stroke)
    case rect(Rect, fill: Color?, stroke: Stroke?)
    case marker(Marker)
    case text(TextItem)
    /// A colour laid through a grid of coverage values: relief shading under the map.
    case image(MaskImage)
}

public enum MarkerShape: String, Sendable, Hashable, CaseIterable {
    case circle, triangle, square, diamond
    /// Kinds beyond settlements (`Symbology`): airbase, base, citadel/landmark, district, crossing, bridge, dam,
    /// industrial site.
    case star, pentagon, hexagon, octagon, bowtie, bar, invertedTriangle, factory
    /// A round badge with a white cross: where a road is cut.
    case cutBadge
}

/// A place symbol: shape by kind, colour by controller, and marks for contest, siege and uncertainty.
public struct Marker: Sendable, Hashable {
    public var shape: MarkerShape
    public var center: Point
    /// Half the symbol's size.
    public var radius: Double
    public var fill: Color
    /// For a contested place, the attacker's colour: the symbol is split, left the holder, right the attacker.
    public var splitFill: Color?
    public var stroke: Stroke
    /// For a besieged place, a ring in the besieger's colour.
    public var ring: Color?
    /// For a state that is inferred or only reported: the symbol is drawn hollow, its centre in this colour.
    public var hollow: Color?
    /// For a place that changed since the previous frame: a glow in this colour.
    public var highlight: Color?
    /// The frame's symbol scale: widens the besieged ring and change glow with the marker (1 at 1600×1200).
    public var scale: Double

    public init(
        shape: MarkerShape, center: Point, radius: Double, fill: Color, splitFill: Color? = nil, stroke: Stroke,
        ring: Color? = nil,
        hollow: Color? = nil, highlight: Color? = nil, scale: Double = 1
    ) {
        self.scale = scale
        self.shape = shape
        self.center = center
        self.radius = radius
        self.fill = fill
        self.splitFill = splitFill
        self.stroke = stroke
        self.ring = ring
        self.hollow = hollow
        self.highlight = highlight
    }

    /// The area the symbol covers, ring included, for label collision.
    public var bounds: Rect {
        let r = radius + (ring != nil ? 4 * scale : 0) + stroke.width
        return Rect(x: center.x - r, y: center.y - r, width: 2 * r, height: 2 * r)
    }
}

public struct Font: Sendable, Hashable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool

    public init(family: String, size: Double, bold: Bool = false, italic: Bool = false) {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
    }
}

/// A line of text; `origin` is the start of its baseline.
public struct TextItem: Sendable, Hashable {
    public var text: String
    public var origin: Point
    public var font: Font
    public var color: Color
    /// A halo behind the glyphs so text reads over roads and markers.
    public var halo: Color?
    /// The halo's stroke width: 3.5 at 1600×1200, scaled with the frame.
    public var haloWidth: Double = 3.5
    /// Where the text sits, for collision and tests: its ink box from the font's extents.
    public var bounds: Rect

    public init(text: String, origin: Point, font: Font, color: Color, halo: Color? = nil, bounds: Rect) {
        self.text = text
        self.origin = origin
        self.font = font
        self.color = color
        self.halo = halo
        self.bounds = bounds
    }
}
