internal import CGDAL

/// One open GDAL dataset, closed when this value ends: the only owner of its handle.
struct RasterDataset: ~Copyable {
    let handle: GDALDatasetH

    /// Takes ownership of an open dataset.
    init(_ handle: GDALDatasetH) { self.handle = handle }

    /// A GeoTIFF at `path` (a GDAL file name), read-only; nil when GDAL's GeoTIFF driver cannot open it.
    init?(geoTIFF path: String) {
        let drivers = gdal.CSLAddString!(nil, "GTiff")
        defer { gdal.CSLDestroy!(drivers) }
        let allowed = UnsafeRawPointer(drivers).map { $0.assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
        guard let h = gdal.GDALOpenEx!(path, UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY), allowed, nil, nil) else {
            return nil
        }
        handle = h
    }

    deinit { gdal.GDALClose!(handle) }

    var columns: Int { Int(gdal.GDALGetRasterXSize!(handle)) }
    var rows: Int { Int(gdal.GDALGetRasterYSize!(handle)) }
    var bandCount: Int { Int(gdal.GDALGetRasterCount!(handle)) }

    /// The six affine coefficients from pixel to coordinates, or nil when the file carries none.
    var geoTransform: [Double]? {
        var t = [Double](repeating: 0, count: 6)
        return gdal.GDALGetGeoTransform!(handle, &t) == CE_None ? t : nil
    }

    /// The first band's values as bytes, row-major from the top-left, with the band's no-data value if any.
    func bytes() throws(TerrainError) -> (values: [UInt8], noData: Double?) {
        guard let band = gdal.GDALGetRasterBand!(handle, 1) else { throw TerrainError("the raster has no band") }
        var values = [UInt8](repeating: 0, count: columns * rows)
        let status = values.withUnsafeMutableBytes {
            gdal.GDALRasterIO!(
                band, GF_Read, 0, 0, Int32(columns), Int32(rows), $0.baseAddress, Int32(columns), Int32(rows), GDT_Byte,
                0, 0)
        }
        guard status == CE_None else {
            throw TerrainError("GDAL could not read its pixels (\(GDALSession.lastError)); is the file complete?")
        }
        var has: Int32 = 0
        let noData = gdal.GDALGetRasterNoDataValue!(band, &has)
        return (values, has != 0 ? noData : nil)
    }

    /// The first band's data type as GDAL names it: `Byte`, `Int16`, `Float32`…
    var dataTypeName: String {
        guard let band = gdal.GDALGetRasterBand!(handle, 1),
            let name = gdal.GDALGetDataTypeName!(gdal.GDALGetRasterDataType!(band))
        else { return "unknown" }
        return String(cString: name)
    }

    var isByte: Bool { gdal.GDALGetRasterBand!(handle, 1).map { gdal.GDALGetRasterDataType!($0) == GDT_Byte } ?? false }
}
