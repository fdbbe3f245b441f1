/// campaign.yaml's `terrain:` entry: which raster in the folder carries the relief, what it holds, whose it is.
///
/// Kept apart from the raster itself (`Terrain`) because the model parses without GDAL: the loader reads the
/// file this names and reports a bad one against it.
public struct TerrainSpec: Sendable, Hashable {
    /// A file name in the campaign folder (no folders): `terrain.tif`.
    public var file: String
    public var kind: Terrain.Kind
    /// A source id from `sources`: credited on every frame that draws the relief.
    public var source: String
    /// Vertical exaggeration for a DEM's shading (1: true heights); plains need 2–5 to show at frame scale.
    public var exaggeration: Double
    /// The line of `terrain.file` in campaign.yaml, for messages.
    public var line: Int

    public init(file: String, kind: Terrain.Kind, source: String, exaggeration: Double = 1, line: Int = 0) {
        self.file = file
        self.kind = kind
        self.source = source
        self.exaggeration = exaggeration
        self.line = line
    }
}
