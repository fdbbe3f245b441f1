import Foundation
import KMapModel
import KMapRaster

/// Where a campaign's raster files come from: its folder, or the files embedded in the binary.
struct RasterFiles: Sendable {
    /// The name messages use for a file: its path, or `khanasir-2016/terrain.tif` for built-in data.
    let name: @Sendable (String) -> String
    let exists: @Sendable (String) -> Bool
    let bytes: @Sendable (String) throws(CampaignError) -> [UInt8]
    /// What to do when the raster campaign.yaml names is not there.
    let missingHint: String
    /// Whether a missing raster is an error (a folder) or only a warning (the binary embeds no rasters).
    var missingIsError = true

    static func folder(_ folder: URL) -> RasterFiles {
        RasterFiles(
            name: { folder.appendingPathComponent($0).path },
            exists: { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) },
            bytes: { (file: String) throws(CampaignError) -> [UInt8] in
                try CampaignLoader.readRaster(folder.appendingPathComponent(file).path)
            },
            missingHint:
                "put the raster there (Scripts/data/clip-terrain makes one from a DEM) or remove 'terrain'")
    }

    static func embedded(_ campaign: String) -> RasterFiles {
        RasterFiles(
            name: { "\(campaign)/\($0)" },
            exists: { EmbeddedCampaigns.files["\(campaign)/\($0)"] != nil },
            bytes: { (file: String) throws(CampaignError) -> [UInt8] in
                guard let encoded = EmbeddedCampaigns.files["\(campaign)/\(file)"],
                    let data = Data(base64Encoded: encoded)
                else { throw .missing(path: "built-in \(campaign)/\(file)", what: "file") }
                return [UInt8](data)
            },
            missingHint:
                "the binary embeds a campaign's text files only (a raster would weigh on every build): render the folder itself, --campaign Geo/\(campaign)",
            missingIsError: false)
    }
}

extension CampaignLoader {
    /// The file name docs/DATA.md suggests for a campaign's relief raster.
    public static let terrainFile = "terrain.tif"

    /// Terrain rasters larger than this are refused before reading (a 30 m DEM of 200 × 200 km is about 100 MiB
    /// as 16-bit heights; `Scripts/data/clip-terrain` makes smaller ones).
    public static let maxRasterBytes = 256 << 20

    /// The campaign's relief, read through GDAL when campaign.yaml names a `terrain` raster; problems go to
    /// `diagnostics` under the raster's name (or campaign.yaml's line, for a file that is not there).
    static func readTerrain(
        _ info: CampaignInfo, from files: RasterFiles?, campaignFile: String, diagnostics: Diagnostics
    ) -> Terrain? {
        guard let files else { return nil }
        guard let spec = info.terrain else {
            // Only a hint, and not after errors: a refused `terrain` entry leaves `info.terrain` nil too.
            if files.exists(terrainFile), !diagnostics.hasErrors {
                diagnostics.warning(
                    campaignFile, line: nil,
                    "the folder holds \(terrainFile), but campaign.yaml has no 'terrain' entry, so it is not drawn; add terrain: {file: \(terrainFile), kind: dem or hillshade, source: SOURCE-ID} (docs/DATA.md, \"Terrain\")"
                )
            }
            return nil
        }
        guard files.exists(spec.file) else {
            let message = "'terrain.file' names \(spec.file), which is not in the campaign folder; \(files.missingHint)"
            if files.missingIsError {
                diagnostics.error(campaignFile, line: spec.line, message)
            } else {
                diagnostics.warning(campaignFile, line: spec.line, message)
            }
            return nil
        }
        let name = files.name(spec.file)
        do {
            let bytes = try files.bytes(spec.file)
            return try TerrainReader.read(bytes, file: name, spec: spec, area: info.area)
        } catch let error as TerrainError {
            diagnostics.error(name, line: nil, error.message)
        } catch let error as CampaignError {
            diagnostics.error(name, line: nil, error.description.replacingOccurrences(of: "\(name): ", with: ""))
        } catch {
            diagnostics.error(name, line: nil, "\(error)")
        }
        return nil
    }

    /// A raster file's bytes, checked for existence, type and size as campaign texts are.
    static func readRaster(_ path: String) throws(CampaignError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .missing(path: path, what: "file") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .unreadable(path: path, reason: "not a regular file (a folder, pipe or device); give a GeoTIFF file")
        }
        let size = Int(info.st_size)
        if size > maxRasterBytes {
            throw .unreadable(
                path: path,
                reason:
                    "\(size / 1_048_576) MiB is larger than the \(maxRasterBytes >> 20) MiB a terrain raster may have; clip it to the campaign's area with Scripts/data/clip-terrain"
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or I/O error; check the file's permissions")
        }
        return [UInt8](data)
    }
}
