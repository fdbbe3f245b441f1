import KMapModel

extension Theme {
    /// The colours a frame's legend keys, by what they mean: the campaign's factions as this theme draws them,
    /// unknown, the change highlight, the road and the road cut.
    ///
    /// Every pair must read apart for every reader (`ColorVision.legendMinimum`); the built-in themes are
    /// tested against the built-in campaign with this list.
    public func legendColors(in campaign: Campaign) -> [(id: String, color: Color)] {
        campaign.factions.map { (id: $0.id, color: color(ofFaction: $0.id, in: campaign)) } + [
            (id: "unknown", color: unknown), (id: "changed", color: changed), (id: "road", color: roadFill),
            (id: "road cut", color: roadCut),
        ]
    }

    /// The supply route's states, as the banner and the chart draw them.
    public var routeColors: [(id: String, color: Color)] {
        [(id: "cut", color: routeCut), (id: "cleared", color: routeCleared), (id: "open", color: routeOpen)]
    }
}
