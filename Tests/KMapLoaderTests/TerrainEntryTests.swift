import Foundation
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapLoader

/// campaign.yaml's `terrain:` entry: each mistake is reported on its line with the fix, without a cascade; the
/// raster itself is tested with GDAL-made files in `TerrainTests`.
@Suite struct TerrainEntryTests {
    /// The findings of testland with `entry` appended to campaign.yaml (and a terrain.tif that is not read
    /// when the entry is refused).
    func findings(_ entry: String) throws -> [Finding] {
        let folder = try testlandCopy(editing: "campaign.yaml") { $0 + entry }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not read".utf8).write(to: URL(fileURLWithPath: "\(folder)/terrain.tif"))
        do {
            let c = try CampaignLoader.load(folder: folder)
            return c.warnings
        } catch .invalid(let findings) {
            return findings
        } catch {
            Issue.record("\(error)")
            return []
        }
    }

    static let mistakes: [(entry: String, line: Int, says: String)] = [
        ("terrain:\n  file: terrain.tif\n  kind: relief\n  source: script\n", 30, "use one of dem, hillshade"),
        ("terrain:\n  file: ../terrain.tif\n  kind: dem\n  source: script\n", 29, "no folders"),
        ("terrain:\n  file: terrain.png\n  kind: dem\n  source: script\n", 29, "name a .tif file"),
        ("terrain:\n  file: terrain.tif\n  kind: dem\n", 29, "has no 'source'"),
        ("terrain:\n  file: terrain.tif\n  kind: dem\n  source: srtm\n", 31, "unknown source 'srtm'"),
        ("terrain:\n  file: terrain.tif\n  kind: dem\n  source: script\n  exaggeration: 0\n", 32, "from 0.1 to 100"),
        ("terrain: terrain.tif\n", 28, "must be a mapping"),
        ("terrain:\n  file: elsewhere.tif\n  kind: dem\n  source: script\n", 29, "not in the campaign folder"),
    ]

    @Test(arguments: 0..<mistakes.count)
    func aMistakeIsReportedOnItsLine(_ i: Int) throws {
        let m = Self.mistakes[i]
        let errors = try findings(m.entry).filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let e = try #require(errors.first)
        #expect(e.file.hasSuffix("campaign.yaml") && e.line == m.line, "\(e)")
        #expect(e.message.contains(m.says), "\(e.message)")
    }

    @Test func exaggerationIsForADEMOnly() throws {
        let f = try findings("terrain:\n  file: terrain.tif\n  kind: hillshade\n  source: script\n  exaggeration: 2\n")
        #expect(f.contains { $0.severity == .warning && $0.message.contains("applies to a DEM only") && $0.line == 32 })
    }

    /// The binary embeds text only: a built-in campaign naming a raster loads, drawn without, and says why.
    @Test func aBuiltInCampaignLoadsWithoutItsRaster() throws {
        func file(_ name: String) throws -> CampaignTexts.File {
            .init(
                name: "testland/\(name)", text: try String(contentsOfFile: "\(testlandPath)/\(name)", encoding: .utf8))
        }
        var campaign = try file("campaign.yaml")
        campaign.text += "terrain:\n  file: terrain.tif\n  kind: dem\n  source: script\n"
        let texts = CampaignTexts(
            campaign: campaign, gazetteer: try file("gazetteer.geojson"), events: try file("events.yaml"),
            rasters: .embedded("testland"))
        let c = try CampaignLoader.load(texts, origin: "built-in testland")
        #expect(c.terrain == nil)
        #expect(c.warnings.contains { $0.message.contains("--campaign Geo/testland") })
    }
}
