import KMapModel

/// A mark at the map's edge for something beyond it: a road's destination ("to Aleppo 55 km"), or a place with
/// an event that day.
///
/// A frame fitted to the fighting cuts roads and leaves far places out; a reader must still see where the road
/// goes and that something happened off the map, the way newspaper and ISW maps point off their edges.
struct EdgePointer: Sendable, Hashable {
    var id: String
    /// The place it points to, when the data names one.
    var destination: String?
    /// For a road: the places on it beyond the edge, nearest first (the destination last).
    var beyond: [String] = []
    /// Where the arrow's tip touches the map's edge.
    var tip: Point
    /// The unit vector the arrow points along (outwards).
    var direction: Point
    var text: String?
    var font: Font
    var textOrigin: Point
    var textBounds: Rect

    static let arrowLength = 13.0
    static let arrowHalfWidth = 6.0

    /// The arrowhead's triangle.
    var arrow: [Point] {
        let d = direction
        let n = Point(x: -direction.y, y: direction.x)
        let base = Point(x: tip.x - d.x * Self.arrowLength, y: tip.y - d.y * Self.arrowLength)
        let w = Self.arrowHalfWidth
        return [tip, Point(x: base.x + n.x * w, y: base.y + n.y * w), Point(x: base.x - n.x * w, y: base.y - n.y * w)]
    }

    /// The middle of the arrowhead, for a highlight behind it.
    var arrowCenter: Point {
        Point(x: tip.x - direction.x * Self.arrowLength / 2, y: tip.y - direction.y * Self.arrowLength / 2)
    }

    /// Everything it covers, for label placement.
    var bounds: Rect {
        let pts = arrow
        let xs = pts.map(\.x) + [textBounds.x, textBounds.maxX]
        let ys = pts.map(\.y) + [textBounds.y, textBounds.maxY]
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    }

    /// A pointer whose tip is at `tip` on `area`'s edge, with its text set inside the area beside the arrow.
    init(
        id: String, destination: String?, tip: Point, direction: Point, text: String?, font: Font, area: Rect,
        measurer: any TextMeasurer
    ) {
        self.id = id
        self.destination = destination
        self.tip = tip
        self.direction = direction
        self.text = text
        self.font = font
        let m = measurer.measure(text ?? "", font: font)
        let gap = Self.arrowLength + 4
        // Beside the arrow, on the inside: under it at a side edge, beside it at the top or bottom.
        var x: Double
        var y: Double
        if abs(tip.x - area.maxX) < 1 {
            x = tip.x - m.width - 4
            y = tip.y + gap + m.ascent
        } else if abs(tip.x - area.x) < 1 {
            x = tip.x + 4
            y = tip.y + gap + m.ascent
        } else if abs(tip.y - area.y) < 1 {
            x = tip.x + gap * 0.6
            y = tip.y + gap + m.ascent
        } else {
            x = tip.x + gap * 0.6
            y = tip.y - gap
        }
        x = min(max(x, area.x + 4), area.maxX - 4 - m.width)
        y = min(max(y, area.y + 4 + m.ascent), area.maxY - 4 - m.descent)
        let origin = Point(x: x, y: y)
        textOrigin = origin
        textBounds =
            text.map { measurer.bounds($0, font: font, origin: origin) } ?? Rect(x: x, y: y, width: 0, height: 0)
    }

    /// "55 km", rounded to 5 km beyond 20 km: the roads are drawn as straight runs between places, so a finer
    /// figure would claim more than the data knows.
    static func distanceText(_ km: Double) -> String {
        let rounded = km >= 20 ? (km / 5).rounded() * 5 : max(1, km.rounded())
        return "\(Int(rounded)) km"
    }

    /// Pointers where roads leave `area`, towards the end place their `via` names when it is outside.
    ///
    /// The distance is along the road's drawn course from the edge to its end.
    static func roads(campaign: Campaign, area: Rect, projection: Projection, font: Font, measurer: any TextMeasurer)
        -> [EdgePointer]
    {
        var pointers: [EdgePointer] = []
        for road in campaign.gazetteer.roads where road.path.count > 1 {
            let pts = road.path.map(projection.project)
            guard let first = pts.firstIndex(where: area.contains), let last = pts.lastIndex(where: area.contains)
            else { continue }
            let ends: [(String, Int, Int, String?)] = [
                ("end", last, last + 1, road.via.last), ("start", first, first - 1, road.via.first),
            ]
            for (name, inside, outside, placeID) in ends where outside >= 0 && outside < pts.count {
                let a = pts[inside]
                let b = pts[outside]
                guard let (_, t1) = area.clipParameters(a, b) else { continue }
                let tip = a.lerp(b, t1)
                let len = max(1e-9, ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot())
                let direction = Point(x: (b.x - a.x) / len, y: (b.y - a.y) / len)
                let rest = outside < inside ? Array(road.path[0...outside].reversed()) : Array(road.path[outside...])
                var km = projection.unproject(tip).distanceKm(to: rest[0])
                for (p, q) in zip(rest, rest.dropFirst()) { km += p.distanceKm(to: q) }
                let place = placeID.flatMap(campaign.gazetteer.place)
                let text = place.map { "to \($0.name) \(distanceText(km))" }
                var pointer = EdgePointer(
                    id: "\(road.id):\(name)", destination: place?.id, tip: tip, direction: direction, text: text,
                    font: font, area: area,
                    measurer: measurer)
                let inFrame = road.via.map { id in
                    campaign.gazetteer.place(id).map { area.contains(projection.project($0.coordinate)) } ?? false
                }
                if outside > inside, let lastIn = inFrame.lastIndex(of: true) {
                    pointer.beyond = Array(road.via[(lastIn + 1)...])
                } else if outside < inside, let firstIn = inFrame.firstIndex(of: true) {
                    pointer.beyond = Array(road.via[..<firstIn].reversed())
                }
                pointers.append(pointer)
            }
        }
        return pointers
    }

    /// A pointer from the map's centre towards a place outside it, named with its distance from the edge.
    static func place(_ place: Place, area: Rect, projection: Projection, font: Font, measurer: any TextMeasurer)
        -> EdgePointer
    {
        let c = area.center
        let p = projection.project(place.coordinate)
        let t = area.clipParameters(c, p)?.t1 ?? 1
        let tip = c.lerp(p, t)
        let len = max(1e-9, ((p.x - c.x) * (p.x - c.x) + (p.y - c.y) * (p.y - c.y)).squareRoot())
        let km = projection.unproject(tip).distanceKm(to: place.coordinate)
        return EdgePointer(
            id: place.id, destination: place.id, tip: tip, direction: Point(x: (p.x - c.x) / len, y: (p.y - c.y) / len),
            text: "\(place.name) \(distanceText(km))", font: font, area: area, measurer: measurer)
    }
}
