extension Theme {
    /// The pale fill of a side's zones: its colour at the least opacity (0.28 to 0.6) that stands
    /// `ColorVision.tintMinimum` apart from the background for every reader.
    ///
    /// One opacity for every side left a grey side's zone invisible on beige, and a red one invisible to a
    /// deuteranope, while a black side's was already dark; per colour, each zone is as pale as it can be and
    /// still seen. It depends only on the two colours, so a side's tint is the same on every frame.
    public func zoneTint(_ color: Color) -> Color {
        let steps = stride(from: 0.28, through: 0.6, by: 0.02)
        let alpha = steps.first {
            ColorVision.leastDifference(color.over(background, alpha: $0), background) >= ColorVision.tintMinimum
        }
        return color.withAlpha(alpha ?? 0.6)
    }
}

extension Color {
    /// This colour at `alpha` laid on `base`, as Cairo blends (in sRGB values); opaque.
    func over(_ base: Color, alpha: Double) -> Color {
        Color(
            r: alpha * r + (1 - alpha) * base.r, g: alpha * g + (1 - alpha) * base.g,
            b: alpha * b + (1 - alpha) * base.b)
    }
}
