import Foundation

/// Small terrain rasters the tests make with GDAL's own tools (gdal-bin, installed by Scripts/setup), over a
/// copy of testland: a round hill on a plain, as a DEM or as an 8-bit hillshade, and files that are wrong.
///
/// The grid is written as an Esri ASCII grid (text any test can read) and turned into a GeoTIFF by
/// `gdal_translate`, so the files are what a user's tools make, not what kmap's own reader expects.
public enum TerrainFixture {
    /// The grid's extent: testland's whole area [10, 50, 11, 51], wider than the frame vertically.
    public static let west = 10.0
    public static let south = 50.0
    public static let size = 1.0
    public static let cells = 120
    /// The hill's top (west of the road, clear of places, labels and the lake) and its height above the 200 m
    /// plain; its flanks reach about 0.07° (some 5 km).
    public static let hill = (lon: 10.22, lat: 50.55)
    public static let hillHeight = 900.0

    /// The height of the ground at a cell centre: 200 m, and a Gaussian hill.
    public static func height(lon: Double, lat: Double) -> Double {
        let dx = (lon - hill.lon) * cos(hill.lat * Double.pi / 180)
        let dy = lat - hill.lat
        return 200 + hillHeight * exp(-(dx * dx + dy * dy) / (2 * 0.025 * 0.025))
    }

    /// The DEM as an Esri ASCII grid, rows from the north.
    public static func demGrid() -> String {
        grid { String(format: "%.1f", height(lon: $0, lat: $1)) }
    }

    /// An ASCII grid of `cells` × `cells` values over the extent, each from `value(lon, lat)` at the cell centre.
    public static func grid(_ value: (Double, Double) -> String) -> String {
        let step = size / Double(cells)
        var lines = [
            "ncols \(cells)", "nrows \(cells)", "xllcorner \(west)", "yllcorner \(south)", "cellsize \(step)",
        ]
        for r in 0..<cells {
            let lat = south + size - (Double(r) + 0.5) * step
            lines.append(
                (0..<cells).map { c in value(west + (Double(c) + 0.5) * step, lat) }.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs `gdal_translate` on `grid` into `path` with `options` (e.g. `-a_srs EPSG:4326 -ot Float32`).
    public static func translate(_ grid: String, to path: String, _ options: [String]) throws {
        let tool = try requireTool("gdal_translate")
        let dir = try scratchFolder("grid")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let asc = "\(dir)/grid.asc"
        try grid.write(toFile: asc, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-q"] + options + [asc, path]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw FixtureError("gdal_translate \(options) failed") }
        // gdal_translate may write georeferencing it could not put in the file beside it; kmap reads the file only.
        try? FileManager.default.removeItem(atPath: path + ".aux.xml")
    }

    /// A copy of testland whose campaign.yaml names `terrain.tif` of `kind`, the raster made by `make(path)`.
    public static func campaign(kind: String = "dem", extra: String = "", _ make: (String) throws -> Void) throws
        -> String
    {
        let dir = try testlandCopy(editing: "campaign.yaml") {
            $0 + "terrain:\n  file: terrain.tif\n  kind: \(kind)\n  source: script\n\(extra)"
        }
        try make("\(dir)/terrain.tif")
        return dir
    }

    /// The usual test campaign: the hill as a Float32 DEM in EPSG:4326.
    public static func demCampaign() throws -> String {
        try campaign { try translate(demGrid(), to: $0, ["-of", "GTiff", "-a_srs", "EPSG:4326", "-ot", "Float32"]) }
    }

    public struct FixtureError: Error, CustomStringConvertible {
        public let description: String
        init(_ d: String) { description = d }
    }

    /// The path of a GDAL tool, or an error saying how to install it.
    static func requireTool(_ name: String) throws -> String {
        guard
            let path = ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { throw FixtureError("\(name) is missing: run Scripts/setup (Debian's gdal-bin)") }
        return path
    }
}
