import Foundation
import KMapCompose
import KMapModel

/// The benchmark's reference frame (`shared/bench`, "The reference frame") as a kmap `Scene`.
///
/// kmap's own frame draws more than the hand-written C ceiling does (changes panel, inset locator, north
/// arrow, a legend sized to the day, label placement with leaders), so timing it against C compares different
/// work. This builds the scene the C program draws, item for item, from a campaign and its state: the same
/// projection, lake, road casings then fills, markers, halo labels at (x+10, y+4.5), banner, title, legend and
/// scale bar. Two differences remain and are stated in docs/PERFORMANCE.md: text goes through Pango (C uses
/// Cairo's toy API) and the halo is 3.5 px wide (C: 3). For benchmarks only; the campaign must be the
/// benchmark scene (`Scripts/bench/campaign`).
public enum ReferenceScene {
    static let width = 1600.0, height = 1200.0
    static let lon0 = 37.45, lat0 = 35.80, k = 1000.0

    static func project(_ c: Coordinate) -> Point {
        Point(x: width / 2 + (c.lon - lon0) * k * cos(lat0 * .pi / 180), y: height / 2 - (c.lat - lat0) * k)
    }

    static func hex(_ s: String, alpha: Double = 1) -> Color { (Color(hex: s) ?? .black).withAlpha(alpha) }

    /// Frame `frame` (day `frame + 1` of the title) of `campaign` in `state`.
    public static func scene(campaign: Campaign, state: ControlState, frame: Int) -> Scene {
        var items: [SceneItem] = []
        func add(_ id: String, _ layer: Layer, _ symbol: Symbol) {
            items.append(SceneItem(id: id, layer: layer, symbol: symbol))
        }
        let outline = Stroke(color: hex("#222222"), width: 1)
        for area in campaign.gazetteer.areas {
            add(
                "lake:\(area.id)", .water,
                .polygon(
                    rings: area.rings.map { $0.map(project) }, fill: hex("#9ecae1"),
                    stroke: Stroke(color: hex("#3182bd"), width: 1.5)))
        }
        for road in campaign.gazetteer.roads {
            add(
                "casing:\(road.id)", .roads,
                .polyline(points: road.path.map(project), stroke: Stroke(color: hex("#555555"), width: 5)))
        }
        for road in campaign.gazetteer.roads {
            add(
                "road:\(road.id)", .roads,
                .polyline(points: road.path.map(project), stroke: Stroke(color: hex("#f7c948"), width: 3)))
        }
        let colors = Dictionary(uniqueKeysWithValues: campaign.factions.map { ($0.id, hex($0.color ?? "#000000")) })
        func marker(_ kind: PlaceKind, _ p: Point, _ fill: Color) -> Symbol {
            if kind == .hill {
                let tri = [Point(x: p.x, y: p.y - 8), Point(x: p.x + 7, y: p.y + 5), Point(x: p.x - 7, y: p.y + 5)]
                return .polygon(rings: [tri], fill: fill, stroke: outline)
            }
            return .marker(
                Marker(shape: .circle, center: p, radius: kind == .city ? 8 : 5, fill: fill, stroke: outline))
        }
        for place in campaign.gazetteer.places {
            let fill = state[place.id].flatMap { colors[$0.controller] } ?? .black
            add("place:\(place.id)", .markers, marker(place.kind, project(place.coordinate), fill))
        }
        let label = Font(family: "DejaVu Sans", size: 13)
        for place in campaign.gazetteer.places {
            let p = project(place.coordinate)
            add(
                "label:\(place.id)", .labels,
                text(place.name, Point(x: p.x + 10, y: p.y + 4.5), label, hex("#222222"), halo: .white))
        }
        add(
            "banner", .furniture,
            .rect(Rect(x: 0, y: 0, width: width, height: 56), fill: .white.withAlpha(0.85), stroke: nil))
        add(
            "banner:rule", .furniture,
            .polyline(
                points: [Point(x: 0, y: 56.5), Point(x: width, y: 56.5)],
                stroke: Stroke(color: hex("#333333"), width: 1)))
        add(
            "title", .furniture,
            text(title(frame), Point(x: 20, y: 38), Font(family: "DejaVu Sans", size: 24, bold: true), hex("#111111")))
        let (lx, ly) = (20.0, 930.0)
        add(
            "legend", .legend,
            .rect(
                Rect(x: lx + 0.5, y: ly + 0.5, width: 270, height: 250), fill: .white.withAlpha(0.9),
                stroke: Stroke(color: hex("#333333"), width: 1)))
        add(
            "legend:heading", .legend,
            text(
                "Control", Point(x: lx + 15, y: ly + 25), Font(family: "DejaVu Sans", size: 16, bold: true),
                hex("#111111")))
        let kinds: [(PlaceKind, String)] = [(.city, "City"), (.town, "Town"), (.hill, "Base")]
        var entries: [(PlaceKind, Color, String, Point)] = campaign.factions.prefix(4).enumerated().map { i, f in
            (.city, hex(f.color ?? "#000000"), f.name, Point(x: lx + 22, y: ly + 50 + Double(i) * 26))
        }
        entries += kinds.enumerated().map { j, k in
            (k.0, hex("#bbbbbb"), k.1, Point(x: lx + 22, y: ly + 160 + Double(j) * 26))
        }
        for (i, e) in entries.enumerated() { add("legend:swatch:\(i)", .legend, marker(e.0, e.3, e.1)) }
        for (i, e) in entries.enumerated() {
            add(
                "legend:label:\(i)", .legend,
                text(e.2, Point(x: e.3.x + 16, y: e.3.y + 5), Font(family: "DejaVu Sans", size: 14), hex("#111111")))
        }
        add(
            "scale:box", .furniture,
            .rect(Rect(x: 1350, y: 1130, width: 230, height: 50), fill: .white.withAlpha(0.85), stroke: nil))
        let pxPerKm = k / 111.195
        let seg = pxPerKm * 20 / 4
        for s in 0..<4 {
            add(
                "scale:\(s)", .furniture,
                .rect(
                    Rect(x: 1370 + Double(s) * seg, y: 1160, width: seg, height: 8),
                    fill: s % 2 == 0 ? hex("#222222") : .white, stroke: Stroke(color: hex("#222222"), width: 1)))
        }
        let seg2 = pxPerKm * 20 / 2
        let small = Font(family: "DejaVu Sans", size: 12)
        for (t, x) in [("0", 1370 - 3), ("10", 1370 + seg2 - 7), ("20 km", 1370 + 2 * seg2 - 8)] {
            add("scale:label:\(t)", .furniture, text(t, Point(x: x, y: 1154), small, hex("#222222")))
        }
        return Scene(
            width: width, height: height, background: hex("#f4f1ea"), items: items, title: title(frame),
            subject: "benchmark reference scene")
    }

    static func text(_ s: String, _ origin: Point, _ font: Font, _ color: Color, halo: Color? = nil) -> Symbol {
        .text(
            TextItem(
                text: s, origin: origin, font: font, color: color, halo: halo,
                bounds: Rect(x: origin.x, y: origin.y, width: 0, height: 0)))
    }

    /// `Territorial control  YYYY-MM-DD  (day N)`, day 1 being 2016-01-01, as the peers write it.
    static func title(_ frame: Int) -> String {
        "Territorial control  \(Day("2016-01-01")!.adding(days: frame))  (day \(frame + 1))"
    }
}
