import Foundation
import KMapTestSupport
import Testing

/// The terrain raster on the command line: `kmap check` names a bad raster and the fix with exit 65, a frame
/// with relief is the same bytes from two processes (and frames on one job or two), and `render` refuses a
/// campaign whose raster is wrong rather than drawing it without.
@Suite struct TerrainCommandTests {
    @Test func checkNamesABadRasterAndTheFix() throws {
        let folder = try TerrainFixture.campaign { path in
            try TerrainFixture.translate(
                TerrainFixture.demGrid(), to: path,
                ["-of", "GTiff", "-a_srs", "EPSG:32637", "-a_ullr", "300000", "4000000", "360000", "3940000"])
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let kmap = try ProcessRunner.kmap()
        let check = try ProcessRunner.run(kmap, ["check", "--campaign", folder])
        #expect(check.status == 65)
        #expect(
            (check.stdout + check.stderr).contains(
                "\(folder)/terrain.tif: error: is in WGS 84 / UTM zone 37N (EPSG:32637)"))
        #expect((check.stdout + check.stderr).contains("gdalwarp -t_srs EPSG:4326"))
        let render = try ProcessRunner.run(
            kmap, ["render", "--campaign", folder, "--day", "2020-01-03", "-o", "\(folder)/f.png"])
        #expect(render.status == 65)
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/f.png"))
    }

    @Test func checkHintsAtARasterNoEntryNames() throws {
        let folder = try testlandCopy(editing: "campaign.yaml") { $0 }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TerrainFixture.translate(
            TerrainFixture.demGrid(), to: "\(folder)/terrain.tif", ["-of", "GTiff", "-a_srs", "EPSG:4326"])
        let check = try ProcessRunner.run(try ProcessRunner.kmap(), ["check", "--campaign", folder])
        #expect(
            (check.stdout + check.stderr).contains(
                "campaign.yaml: warning: the folder holds terrain.tif, but campaign.yaml has no 'terrain' entry"))
    }

    @Test(arguments: ["png", "svg", "pdf"])
    func twoProcessesWriteTheSameFrameWithRelief(format: String) throws {
        let folder = try TerrainFixture.demCampaign()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let kmap = try ProcessRunner.kmap()
        var files: [Data] = []
        for run in 0..<2 {
            let out = "\(folder)/\(run).\(format)"
            let r = try ProcessRunner.run(
                kmap, ["render", "--campaign", folder, "--day", "2020-01-03", "--zones", "5", "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            files.append(try #require(FileManager.default.contents(atPath: out)))
        }
        #expect(files[0] == files[1])
        #expect(files[0].count > 10_000)
    }

    @Test func framesWithReliefAreTheSameOnOneJobOrTwo() throws {
        let folder = try TerrainFixture.demCampaign()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let kmap = try ProcessRunner.kmap()
        for jobs in ["1", "2"] {
            let r = try ProcessRunner.run(
                kmap,
                [
                    "frames", "--campaign", folder, "--size", "400x300", "--to", "2020-01-04", "--jobs", jobs,
                    "--quiet", "--out", "\(folder)/out\(jobs)",
                ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/out1").sorted()
        #expect(names.count >= 4)
        for name in names where name.hasSuffix(".png") {
            #expect(
                FileManager.default.contents(atPath: "\(folder)/out1/\(name)")
                    == FileManager.default.contents(atPath: "\(folder)/out2/\(name)"), "\(name)")
        }
    }
}
