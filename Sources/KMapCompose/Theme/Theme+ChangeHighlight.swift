import KMapModel

extension Theme {
    /// Change highlights to fall back on, far from one another: violet, blue, magenta, teal, orange.
    static let changeHighlights = ["#c929ff", "#2994ff", "#ff3fb4", "#00a39b", "#ff8c00"].map { Color(hex: $0)! }

    /// This theme with its change highlight kept off the campaign's colours: its own `changed` when every reader
    /// sees it at least `ColorVision.legendMinimum` from each other legend colour (the factions as drawn, unknown,
    /// the road and its cut), else the fallback farthest from them.
    ///
    /// A theme is written with some sides in mind; another campaign's may wear its highlight (a blue side under
    /// `isw`), and a ring in a side's colour reads as that side's mark. The choice depends only on the theme and
    /// the campaign, so every frame of a run agrees.
    public func fittingChanges(to campaign: Campaign) -> Theme {
        let others = legendColors(in: campaign).filter { $0.id != "changed" }.map(\.color)
        func least(_ c: Color) -> Double { others.map { ColorVision.leastDifference(c, $0) }.min() ?? .infinity }
        guard least(changed) < ColorVision.legendMinimum else { return self }
        var fitted = self
        fitted.changed = ([changed] + Self.changeHighlights).max { least($0) < least($1) }!
        return fitted
    }
}
