import KMapModel

extension ParseContext {
    /// campaign.yaml's optional `terrain: {file, kind, source, exaggeration}`: the relief raster in the folder.
    ///
    /// Only the entry is checked here; the raster itself is read by `CampaignLoader.readTerrain`, through GDAL.
    func terrainSpec(_ f: Fields) -> TerrainSpec? {
        guard let n = f.node("terrain") else { return nil }
        guard let t = Fields(n, file: f.file, what: "'terrain'", diagnostics: diagnostics) else { return nil }
        t.allowOnly(["file", "kind", "source", "exaggeration"])
        let file = t.string("file", required: "the raster's file name in this folder, such as terrain.tif")
        let kind = t.choice("kind", Terrain.Kind.self, required: "dem (heights in metres) or hillshade (grey shading)")
        let source = t.string("source", required: "the source id of the elevation data (SRTM, Copernicus DEM…)")
        // An unknown source refuses the entry: the raster is then not read, so one mistake gives one message.
        let knownSource =
            source.map {
                sourceIDs.isEmpty
                    || expect($0, in: sourceIDs, what: "source", file: f.file, line: t.node("source")?.line ?? n.line)
            } ?? false
        if let file, !Self.isPlainRasterName(file) {
            diagnostics.error(
                f.file, t.node("file"),
                "'terrain.file' is '\(file)'; name a .tif file in the campaign folder itself (no folders), such as terrain.tif"
            )
            return nil
        }
        var exaggeration = 1.0
        if let v = t.node("exaggeration") {
            guard let x = t.number(v, "'terrain.exaggeration'"), x >= 0.1, x <= 100 else {
                diagnostics.error(
                    f.file, v, "'terrain.exaggeration' must be a number from 0.1 to 100 (1: true heights)")
                return nil
            }
            if kind == .hillshade {
                diagnostics.warning(
                    f.file, line: v.line,
                    "'terrain.exaggeration' applies to a DEM only; a hillshade is drawn as it was made, so remove it")
            }
            exaggeration = x
        }
        guard let file, let kind, let source, knownSource else { return nil }
        return TerrainSpec(
            file: file, kind: kind, source: source, exaggeration: exaggeration, line: t.node("file")?.line ?? n.line)
    }

    /// `terrain.tif`, not `../x.tif`, `/dev/zero` or `dem/x.tif`: a campaign folder reads only its own files.
    static func isPlainRasterName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return !name.contains("/") && !name.contains("\\") && !name.hasPrefix(".")
            && (lower.hasSuffix(".tif") || lower.hasSuffix(".tiff"))
    }
}
