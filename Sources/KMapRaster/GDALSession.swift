internal import CGDAL
import Foundation

/// GDAL loaded and set up once per process, and its error channel, in one place.
///
/// libgdal is opened on first use (`kmap_gdal_load` in CGDAL's shim), not linked: a process that never reads a
/// terrain raster never loads it. GDAL registers its drivers once and reports failures through a per-thread
/// "last error" that it otherwise prints to standard error; kmap silences the printing for the length of a
/// call and words the failure itself, since GDAL's text names the temporary in-memory file, not the user's.
enum GDALSession {
    /// GDAL's functions, or nil when no libgdal is installed; registered on first read (Swift runs a global's
    /// initialiser once, thread-safely). Never written after that, so sharing it between threads is safe.
    nonisolated(unsafe) static let table: KMapGDAL? = {
        var table = KMapGDAL()
        guard kmap_gdal_load(&table) != 0 else { return nil }
        table.GDALAllRegister!()
        return table
    }()

    /// Runs `body` with GDAL's printing silenced on this thread and its error state cleared.
    static func quietly<T>(_ body: () throws(TerrainError) -> T) throws(TerrainError) -> T {
        guard table != nil else {
            throw TerrainError(
                "GDAL is not installed, so the terrain raster cannot be read; install it (Debian and Ubuntu: apt-get install libgdal-dev, which brings the library of the release) or remove 'terrain' from campaign.yaml"
            )
        }
        gdal.CPLPushErrorHandler!(gdal.CPLQuietErrorHandler)
        defer { gdal.CPLPopErrorHandler!() }
        gdal.CPLErrorReset!()
        return try body()
    }

    /// GDAL's last error message on this thread, without the in-memory file's name.
    static var lastError: String {
        guard let text = gdal.CPLGetLastErrorMsg!().map({ String(cString: $0) }), !text.isEmpty else { return "" }
        return text.replacingOccurrences(of: #"/vsimem/[^ ':]*"#, with: "the file", options: .regularExpression)
    }

    /// `bytes` as a file GDAL can open by a unique in-memory name, for the length of `body`.
    ///
    /// Reading from memory lets the same code serve a folder's file and a campaign embedded in the binary, and
    /// keeps GDAL from looking for or writing side files (`.aux.xml`, `.tfw`) next to the user's raster.
    static func withMemoryFile<T>(_ bytes: [UInt8], _ body: (String) throws(TerrainError) -> T) throws(TerrainError)
        -> T
    {
        let name = "/vsimem/kmap-terrain-\(UUID().uuidString).tif"
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = buffer.initialize(from: bytes)
        defer { buffer.deallocate() }
        guard let handle = gdal.VSIFileFromMemBuffer!(name, buffer.baseAddress, vsi_l_offset(bytes.count), 0) else {
            throw TerrainError("GDAL could not open the file in memory")
        }
        gdal.VSIFCloseL!(handle)
        defer { gdal.VSIUnlink!(name) }
        return try body(name)
    }
}

/// GDAL's functions; valid inside `GDALSession.quietly`, which fails first when GDAL could not be loaded.
var gdal: KMapGDAL { GDALSession.table! }
