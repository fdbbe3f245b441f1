internal import CGDAL
import KMapModel

/// Reads a campaign's terrain raster through GDAL into a `Terrain`: a GeoTIFF in WGS 84, north up, either a DEM
/// (shaded here with GDAL's hillshade) or a ready hillshade.
///
/// The load stage's only raster code: everything after it is plain Swift values. A file that is not what the
/// campaign says is refused with the reason and the GDAL command that makes it right.
public enum TerrainReader {
    /// Cells beyond this are refused: a campaign's frame needs a few million at most, and GDAL clips better.
    public static let maxCells = 40_000_000

    /// The terrain in `bytes`, a GeoTIFF that messages call `file`, as `spec` describes it; it must overlap `area`.
    public static func read(_ bytes: [UInt8], file: String, spec: TerrainSpec, area: GeoBounds)
        throws(TerrainError) -> Terrain
    {
        try GDALSession.quietly { () throws(TerrainError) -> Terrain in
            try GDALSession.withMemoryFile(bytes) { (path: String) throws(TerrainError) -> Terrain in
                guard let dataset = RasterDataset(geoTIFF: path) else {
                    if isTIFF(bytes) {
                        throw TerrainError(
                            "is a TIFF that GDAL cannot read (\(GDALSession.lastError)); is the file complete? Write it again, e.g. gdal_translate -of GTiff INPUT \(spec.file)"
                        )
                    }
                    throw TerrainError(
                        "not a GeoTIFF; write the raster as one: gdal_translate -of GTiff -a_srs EPSG:4326 INPUT \(spec.file)"
                    )
                }
                let bounds = try georeference(dataset, spec: spec, area: area)
                let shades: [UInt8]
                let neutral: Double
                switch spec.kind {
                case .dem:
                    shades = try Hillshade.shades(
                        of: dataset, transform: dataset.geoTransform!, exaggeration: spec.exaggeration)
                    neutral = Hillshade.flat
                case .hillshade:
                    guard dataset.isByte else {
                        throw TerrainError(
                            "holds \(dataset.dataTypeName) values, but 'kind: hillshade' means 8-bit grey (0–255); if the file holds heights, write 'kind: dem' in campaign.yaml"
                        )
                    }
                    let read = try dataset.bytes()
                    shades = read.values.map { v in read.noData == Double(v) ? 0 : max(1, v) }
                    neutral = median(shades)
                }
                guard shades.contains(where: { $0 != 0 }) else {
                    throw TerrainError("holds no data in any cell; give a raster with values over the campaign's area")
                }
                return Terrain(
                    bounds: bounds, columns: dataset.columns, rows: dataset.rows, shades: shades, neutral: neutral,
                    source: spec.source, file: file)
            }
        }
    }

    /// The grid's outer edges, after checking that it is georeferenced, in WGS 84, north up, of a sane size and
    /// over the campaign's area.
    static func georeference(_ dataset: borrowing RasterDataset, spec: TerrainSpec, area: GeoBounds)
        throws(TerrainError) -> GeoBounds
    {
        let fix = "Scripts/data/clip-terrain DEM CAMPAIGN-FOLDER makes one (docs/DATA.md, \"Terrain\")"
        guard dataset.bandCount >= 1, dataset.columns >= 2, dataset.rows >= 2 else {
            throw TerrainError("has no grid of at least 2×2 cells; \(fix)")
        }
        guard dataset.columns * dataset.rows <= maxCells else {
            throw TerrainError(
                "has \(dataset.columns)×\(dataset.rows) cells, more than the \(maxCells) kmap reads; clip it to the campaign's area: \(fix)"
            )
        }
        guard let t = dataset.geoTransform else {
            throw TerrainError(
                "has no georeference (no GeoTIFF position tags); give its corners: gdal_translate -a_srs EPSG:4326 -a_ullr WEST NORTH EAST SOUTH INPUT \(spec.file), or \(fix)"
            )
        }
        switch SpatialReference.judge(dataset) {
        case .wgs84: break
        case .missing:
            throw TerrainError(
                "has no coordinate system; if its coordinates are WGS 84 longitude/latitude, say so: gdal_translate -a_srs EPSG:4326 INPUT \(spec.file)"
            )
        case .other(let name):
            throw TerrainError(
                "is in \(name), not WGS 84 longitude/latitude (EPSG:4326); reproject it: gdalwarp -t_srs EPSG:4326 INPUT \(spec.file), or \(fix)"
            )
        }
        guard t[2] == 0, t[4] == 0, t[1] > 0, t[5] < 0 else {
            throw TerrainError(
                "is rotated, sheared or flipped; warp it north up: gdalwarp -t_srs EPSG:4326 INPUT \(spec.file)")
        }
        let bounds = GeoBounds(
            minLon: t[0], minLat: t[3] + t[5] * Double(dataset.rows), maxLon: t[0] + t[1] * Double(dataset.columns),
            maxLat: t[3])
        guard bounds.minLon >= -180.5, bounds.maxLon <= 180.5, bounds.minLat >= -90.5, bounds.maxLat <= 90.5 else {
            throw TerrainError(
                "has corners \(describe(bounds)), which are not longitudes and latitudes; its georeference is wrong: \(fix)"
            )
        }
        guard bounds.minLon < area.maxLon, bounds.maxLon > area.minLon, bounds.minLat < area.maxLat,
            bounds.maxLat > area.minLat
        else {
            throw TerrainError(
                "covers \(describe(bounds)), which misses the campaign's area \(describe(area)); give a raster of this campaign's ground: \(fix)"
            )
        }
        return bounds
    }

    /// Whether `bytes` start as a TIFF or BigTIFF does (`II*\0`, `MM\0*`, `II+\0`, `MM\0+`).
    static func isTIFF(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        let head = Array(bytes[0..<4])
        return head == [0x49, 0x49, 0x2A, 0] || head == [0x4D, 0x4D, 0, 0x2A] || head == [0x49, 0x49, 0x2B, 0]
            || head == [0x4D, 0x4D, 0, 0x2B]
    }

    /// "[36.9, 35.4, 37.9, 36.3]", as campaign.yaml writes an area.
    static func describe(_ b: GeoBounds) -> String {
        let values = [b.minLon, b.minLat, b.maxLon, b.maxLat].map { v -> String in
            let r = (v * 10_000).rounded() / 10_000
            return r == r.rounded() ? String(Int(r)) : "\(r)"
        }
        return "[\(values.joined(separator: ", "))]"
    }

    /// The median of the cells that hold data: the shade of the ground a hillshade made elsewhere shows as flat.
    static func median(_ shades: [UInt8]) -> Double {
        var counts = [Int](repeating: 0, count: 256)
        for s in shades where s != 0 { counts[Int(s)] += 1 }
        let total = counts.reduce(0, +)
        var seen = 0
        for (value, count) in counts.enumerated() where count > 0 {
            seen += count
            if 2 * seen >= total { return Double(value) }
        }
        return 255
    }
}
