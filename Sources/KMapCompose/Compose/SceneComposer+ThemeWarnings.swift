import KMapModel

extension SceneComposer {
    /// What would mislead a reader of this campaign's maps in this theme, said before drawing: a theme colour
    /// for a faction id that looks like a typo of one of the campaign's (the colour silently goes unused), and
    /// two of the campaign's factions drawn in the same colour.
    ///
    /// A theme lists factions of many campaigns (the built-in ones name Kurds and rebels), so an id the campaign
    /// lacks is only worth a word when it is close to one it has.
    public var themeWarnings: [String] {
        var out: [String] = []
        let ids = campaign.factions.map(\.id)
        for key in theme.factionColors.keys.sorted() where !ids.contains(key) {
            if let near = Suggestion.closest(to: key, in: ids) {
                out.append(
                    "theme \(theme.name): faction '\(key)' is not in this campaign; did you mean '\(near)'? (its colour is unused)"
                )
            }
        }
        var byColor: [Color: String] = [:]
        for id in ids {
            let c = color(ofFaction: id)
            if let other = byColor[c] {
                out.append(
                    "theme \(theme.name): factions '\(other)' and '\(id)' are both drawn in \(c.hex); a reader cannot tell them apart"
                )
            } else {
                byColor[c] = id
            }
        }
        return out
    }
}
