import KMapModel

extension Theme {
    /// The colour a faction is drawn in: the campaign's own, unless the theme was asked to `recolor`; the theme's
    /// for a faction the campaign gives none; otherwise a colour-blind-safe palette colour by the faction's order.
    ///
    /// A campaign's author chose its colours for its sides ("Ukraine blue"); a theme written for another war
    /// (whose `government` is red) must not silently repaint them. Every drawing path asks here.
    public func color(ofFaction id: String, in campaign: Campaign) -> Color {
        let own = campaign.faction(id)?.color.flatMap { Color(hex: $0) }
        if recolor, let themed = factionColors[id] { return themed }
        if let own { return own }
        if let themed = factionColors[id] { return themed }
        guard let index = campaign.factions.firstIndex(where: { $0.id == id }) else { return Color(hex: "#b0b0b0")! }
        return Color(hex: Theme.fallbackPalette[index % Theme.fallbackPalette.count])!
    }

    /// Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies.
    public static let fallbackPalette = Faction.palette
}
