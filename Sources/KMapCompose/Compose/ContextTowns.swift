import KMapModel

/// The context towns a frame shows, with their labels: towns of the real world that are not campaign places.
///
/// They are placed after the campaign's own labels and give way to them: a town too near a campaign place (the
/// same place under another spelling) is left out, and so is one whose marker or name would cover a campaign
/// mark; its name needs a spot beside it, never a leader line. Fixed per frame size, like every label.
struct ContextTowns: Sendable {
    struct Town: Sendable, Hashable {
        var name: String
        var source: String
        var point: Point
        var label: LabelPlacer.Placement?
    }

    let towns: [Town]

    static let radius = 2.5
    /// A context town this near a campaign place is taken to be that place.
    static let sameplaceKm = 2.0

    init(
        campaign: Campaign, theme: Theme, area: Rect, projection: Projection, placer: LabelPlacer,
        placed: [LabelPlacer.Placement]
    ) {
        guard let context = campaign.context else {
            towns = []
            return
        }
        let campaignMarks = placer.obstacles + placed.map(\.bounds)
        var kept: [(Context.Feature<Coordinate>, Point, Rect)] = []
        for town in context.towns {
            let p = projection.project(town.geometry)
            let box = Rect(
                x: p.x - Self.radius - 1, y: p.y - Self.radius - 1, width: 2 * Self.radius + 2,
                height: 2 * Self.radius + 2)
            guard area.insetBy(4).contains(p),
                !campaign.gazetteer.places.contains(where: {
                    $0.coordinate.distanceKm(to: town.geometry) < Self.sameplaceKm
                }),
                !campaignMarks.contains(where: { $0.intersects(box) }),
                !kept.contains(where: { $0.2.intersects(box) })
            else { continue }
            kept.append((town, p, box))
        }
        var townPlacer = placer
        townPlacer.obstacles = campaignMarks + kept.map(\.2)
        townPlacer.leaderObstacles = []
        let font = Font(family: theme.fontFamily, size: 11)
        let requests = kept.enumerated().map { i, t in
            LabelPlacer.Request(
                id: "town:\(i)", text: t.0.name, font: font, anchor: t.1, radius: Self.radius, priority: 0)
        }
        let labels = Dictionary(
            uniqueKeysWithValues: townPlacer.place(requests).placed.filter { $0.leader == nil }.map { ($0.id, $0) })
        towns = kept.enumerated().map { i, t in
            Town(name: t.0.name, source: t.0.source, point: t.1, label: labels["town:\(i)"])
        }
    }
}
