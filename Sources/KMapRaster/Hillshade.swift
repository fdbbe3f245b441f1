internal import CGDAL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A DEM's shading, computed by GDAL's own DEM tool (`GDALDEMProcessing`, the library form of `gdaldem
/// hillshade`): Horn's slope, light from the north-west (azimuth 315°) at 45°, edges computed.
///
/// gdaldem expects horizontal and vertical units to match, and a WGS 84 grid's are degrees while its heights
/// are metres (and a degree of longitude is shorter than one of latitude). The DEM is therefore copied to memory
/// with its cell size restated in metres at the grid's middle latitude, which shades slopes as they are (to
/// within a fraction of a percent over a campaign's area); the shades keep the original grid's georeference.
enum Hillshade {
    static let azimuth = 315.0
    static let altitude = 45.0
    /// The shade gdaldem gives flat ground: 1 + 254 × sin(altitude).
    static let flat = 1 + 254 * sin(altitude * Double.pi / 180)
    /// Metres in a degree of latitude on the mean-radius sphere (the projection's own constant).
    static let metresPerDegree = 6_371_008.8 * Double.pi / 180

    /// Shades (1…255, 0 where the DEM has no data) of `dem`, one per cell, row-major from the top-left.
    static func shades(of dem: borrowing RasterDataset, transform t: [Double], exaggeration: Double)
        throws(TerrainError) -> [UInt8]
    {
        guard let mem = gdal.GDALGetDriverByName!("MEM"),
            let copy = gdal.GDALCreateCopy!(mem, "", dem.handle, 0, nil, nil, nil)
        else {
            throw TerrainError("GDAL could not copy the DEM to memory (\(GDALSession.lastError))")
        }
        let metric = RasterDataset(copy)
        let middle = t[3] + t[5] * Double(dem.rows) / 2
        var metres = [0, t[1] * metresPerDegree * cos(middle * Double.pi / 180), 0, 0, 0, t[5] * metresPerDegree]
        gdal.GDALSetGeoTransform!(metric.handle, &metres)
        let arguments = [
            "-of", "MEM", "-compute_edges", "-az", "\(azimuth)", "-alt", "\(altitude)", "-z", "\(exaggeration)",
        ]
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for a in arguments { list = gdal.CSLAddString!(list, a) }
        defer { gdal.CSLDestroy!(list) }
        guard let options = gdal.GDALDEMProcessingOptionsNew!(list, nil) else {
            throw TerrainError("GDAL refused the hillshade options (\(GDALSession.lastError))")
        }
        defer { gdal.GDALDEMProcessingOptionsFree!(options) }
        var usageError: Int32 = 0
        guard let shaded = gdal.GDALDEMProcessing!("", metric.handle, "hillshade", nil, options, &usageError) else {
            throw TerrainError(
                "GDAL could not shade the DEM (\(GDALSession.lastError)); check it with gdalinfo -stats")
        }
        let result = RasterDataset(shaded)
        return try result.bytes().values
    }
}
