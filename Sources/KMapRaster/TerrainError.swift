/// Why a campaign's terrain raster cannot be drawn, worded for the person who made the file.
///
/// The loader puts it under the raster's path (`path/terrain.tif: error: …`); every message ends with how to
/// fix the file, usually a GDAL command.
public struct TerrainError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
