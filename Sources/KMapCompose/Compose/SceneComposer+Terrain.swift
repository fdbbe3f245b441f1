import KMapModel

extension SceneComposer {
    /// The relief's shadow: a warm dark brown at 60 % of the hillshade's own contrast, so relief reads under the
    /// context and the zones without competing with the control colours.
    static let reliefShadow = Color(hex: "#3b2f22")!.withAlpha(0.6)

    /// The campaign's terrain as the scene's bottom item, resampled to the map area at the frame's resolution
    /// (`scale` device pixels a layout unit, so a cell is a pixel once the scene is scaled to the frame);
    /// nil for a campaign without terrain (its frames are as before) or one whose raster misses the frame.
    static func terrainItem(_ campaign: Campaign, area: Rect, projection: Projection, scale: Double) -> SceneItem? {
        guard let terrain = campaign.terrain,
            let shading = ReliefShading(terrain, area: area, projection: projection, scale: scale)
        else { return nil }
        let source = campaign.info.source(terrain.source)?.title ?? terrain.source
        return SceneItem(
            id: "terrain", layer: .terrain,
            symbol: .image(
                MaskImage(
                    frame: shading.frame, columns: shading.columns, rows: shading.rows, coverage: shading.coverage,
                    color: reliefShadow)),
            title: "Relief shading from \(source)")
    }

    /// "Relief: SRTM (public domain)": the credit of the elevation data, on frames that draw it.
    func terrainCredit() -> String? {
        guard terrainLayer != nil, let id = campaign.terrain?.source else { return nil }
        guard let source = campaign.info.source(id) else { return "Relief: \(id)" }
        let url = source.url.map { " \(Self.shortURL($0))" } ?? ""
        return "Relief: \(source.title)\(source.licence.map { " (\($0))" } ?? "")\(url)"
    }
}
