internal import CGDAL

/// What coordinate system a dataset declares, judged against the one kmap's rasters must use.
///
/// kmap's coordinates are WGS 84 longitude/latitude (EPSG:4326), and a raster in another system would need a
/// warp that belongs in GDAL's tools (`gdalwarp`), not in every frame; so anything else is refused, with the
/// command that converts it.
enum SpatialReference {
    enum Verdict: Equatable {
        case wgs84
        case missing
        /// Another system, described as "WGS 84 / UTM zone 37N (EPSG:32637)".
        case other(String)
    }

    static func judge(_ dataset: borrowing RasterDataset) -> Verdict {
        guard let srs = gdal.GDALGetSpatialRef!(dataset.handle) else { return .missing }
        let wgs84 = gdal.OSRNewSpatialReference!(nil)
        defer { gdal.OSRDestroySpatialReference!(wgs84) }
        gdal.OSRSetWellKnownGeogCS!(wgs84, "WGS84")
        if gdal.OSRIsGeographic!(srs) != 0, gdal.OSRIsSameGeogCS!(srs, wgs84) != 0 { return .wgs84 }
        let name = gdal.OSRGetName!(srs).map { String(cString: $0) } ?? "an unnamed coordinate system"
        let code = gdal.OSRGetAuthorityCode!(srs, nil).map { String(cString: $0) }
        let authority = gdal.OSRGetAuthorityName!(srs, nil).map { String(cString: $0) }
        if let code, let authority { return .other("\(name) (\(authority):\(code))") }
        return .other(name)
    }
}
