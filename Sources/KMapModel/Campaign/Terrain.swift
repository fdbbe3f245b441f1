/// A campaign's relief as a georeferenced grid of shades: what `terrain:` in campaign.yaml names, read and,
/// for a DEM, hillshaded by GDAL at load time.
///
/// A pure value, so the compose stage (which has no C and reads no files) can resample it to any frame. Rows run
/// north to south and columns west to east over `bounds`, the outer edges of the grid in WGS 84 degrees.
public struct Terrain: Sendable, Equatable {
    /// What the raster file holds: heights to shade, or a shading made elsewhere.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Elevation in metres: kmap computes a hillshade (GDAL's `hillshade`).
        case dem
        /// A grey hillshade, 0–255 (gdaldem's, QGIS's), drawn as it is.
        case hillshade
    }

    /// The outer edges of the grid (not the centres of its edge pixels).
    public let bounds: GeoBounds
    public let columns: Int
    public let rows: Int
    /// One shade a cell, row-major from the north-west corner: 1 (darkest) … 255 (lightest); 0 means no data.
    public let shades: [UInt8]
    /// The shade of flat ground: cells at or above it are left unshaded, darker ones shade the map.
    public let neutral: Double
    /// The source id (campaign.yaml's `sources`) the frames credit.
    public let source: String
    /// The file, as messages name it.
    public let file: String

    public init(
        bounds: GeoBounds, columns: Int, rows: Int, shades: [UInt8], neutral: Double, source: String, file: String
    ) {
        precondition(shades.count == columns * rows, "a terrain grid needs columns × rows shades")
        self.bounds = bounds
        self.columns = columns
        self.rows = rows
        self.shades = shades
        self.neutral = neutral
        self.source = source
        self.file = file
    }

    /// The shade at `(column, row)`; 0 (no data) outside the grid.
    public func shade(column: Int, row: Int) -> UInt8 {
        guard column >= 0, row >= 0, column < columns, row < rows else { return 0 }
        return shades[row * columns + column]
    }
}
