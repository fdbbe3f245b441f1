import KMapCompose
import KMapModel

extension SceneComposer {
    /// A composer that measures text with Pango, as the Cairo and SVG backends draw it.
    public init(
        campaign: Campaign, theme: Theme = .standard, options: FrameOptions = FrameOptions(),
        plane: (any PlaneProjection)? = nil
    ) {
        self.init(campaign: campaign, theme: theme, options: options, measurer: CairoTextMeasurer(), plane: plane)
    }
}

extension ChartComposer {
    /// A chart composer that measures text with Pango, as the backends draw it.
    public init(
        campaign: Campaign, theme: Theme = .standard, from first: Day, to last: Day, width: Double = 1200,
        height: Double = 420
    ) {
        self.init(
            campaign: campaign, theme: theme, from: first, to: last, width: width, height: height,
            measurer: CairoTextMeasurer())
    }
}
