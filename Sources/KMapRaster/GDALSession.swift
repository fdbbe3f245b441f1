internal import CGDAL
import Foundation

/// GDAL's process-wide set-up and its error channel, in one place.
///
/// GDAL registers its drivers once per process and reports failures through a per-thread "last error" that it
/// otherwise prints to standard error; kmap silences the printing for the length of a call and words the
/// failure itself, since GDAL's text names the temporary in-memory file, not the user's.
enum GDALSession {
    /// Registers GDAL's drivers the first time it is read (Swift runs a global's initialiser once, thread-safely).
    private static let registered: Bool = {
        GDALAllRegister()
        return true
    }()

    /// Runs `body` with GDAL's printing silenced on this thread and its error state cleared.
    static func quietly<T>(_ body: () throws(TerrainError) -> T) throws(TerrainError) -> T {
        _ = registered
        CPLPushErrorHandler(CPLQuietErrorHandler)
        defer { CPLPopErrorHandler() }
        CPLErrorReset()
        return try body()
    }

    /// GDAL's last error message on this thread, without the in-memory file's name.
    static var lastError: String {
        guard let text = CPLGetLastErrorMsg().map({ String(cString: $0) }), !text.isEmpty else { return "" }
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
        guard let handle = VSIFileFromMemBuffer(name, buffer.baseAddress, vsi_l_offset(bytes.count), 0) else {
            throw TerrainError("GDAL could not open the file in memory")
        }
        VSIFCloseL(handle)
        defer { VSIUnlink(name) }
        return try body(name)
    }
}
