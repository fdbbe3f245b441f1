import Foundation
import KMapLoader
import KMapTestSupport
import Testing

/// `kmap export` end to end, and GDAL reading what it writes: the promise to QGIS and Google Earth users.
@Suite struct ExportCommandTests {
    @Test func exportsEveryFormatAndReplacesItsOwnFiles() throws {
        let dir = try scratchFolder("export")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["k.geojson", "k.kml", "k.csv", "e.csv"] {
            let path = dir + "/" + name
            let format = name == "e.csv" ? ["--format", "events-csv"] : []
            #expect(runKMap(["export", "-o", path] + format) == 0)
            let first = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(first.count > 1000, "\(name) has content")
            #expect(runKMap(["export", "-o", path] + format) == 0, "kmap replaces \(name), which it wrote")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first, "\(name) is byte-stable")
        }
        let run = try ProcessRunner.run(
            try ProcessRunner.kmap(),
            ["export", "--format", "csv", "--from", "2016-02-24", "--to", "2016-02-24", "-o", "-"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("place,khanasir,Khanasir,town,2016-02-24,2016-02-24T09:00:00,isil,held"))
    }

    /// `ogrinfo` from Debian's gdal-bin (Scripts/setup installs it), or nil with the reason to skip.
    static let ogrinfo: String? = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: ogrinfo != nil, "ogrinfo is not installed (Debian package gdal-bin; Scripts/setup installs it)"))
    func gdalReadsStartAndEndAsDateTimesAndTheKMLTimeSpans() throws {
        let ogrinfo = try #require(Self.ogrinfo)
        let dir = try scratchFolder("export-gdal")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(runKMap(["export", "-o", dir + "/k.geojson"]) == 0)
        #expect(runKMap(["export", "-o", dir + "/k.kml"]) == 0)

        let geojson = try ProcessRunner.run(ogrinfo, ["-ro", "-al", "-so", dir + "/k.geojson"])
        #expect(geojson.status == 0, "\(geojson.stderr)")
        #expect(
            geojson.stdout.contains("start: DateTime") || geojson.stdout.contains("start: Date "), "\(geojson.stdout)")
        #expect(geojson.stdout.contains("end: DateTime") || geojson.stdout.contains("end: Date "), "\(geojson.stdout)")
        #expect(geojson.stdout.contains("controller: String") && geojson.stdout.contains("quote: String"))

        let kml = try ProcessRunner.run(ogrinfo, ["-ro", "-al", "-so", dir + "/k.kml"])
        #expect(kml.status == 0, "\(kml.stderr)")
        #expect(kml.stdout.contains("Layer name: Places") && kml.stdout.contains("Layer name: Roads"), "\(kml.stdout)")
        #expect(
            kml.stdout.contains("begin: DateTime") && kml.stdout.contains("end: DateTime"),
            "GDAL reads the TimeSpans: \(kml.stdout)")

        // The values, not only the types: Khanasir's contested stretch begins at 09:00 on 24 February.
        let query = ["-ro", "-al", "-where", "id = 'khanasir' AND status = 'contested'", dir + "/k.geojson"]
        let rows = try ProcessRunner.run(ogrinfo, query)
        #expect(rows.stdout.contains("start (DateTime) = 2016/02/24 09:00:00"), "\(rows.stdout)")
        let kmlRows = try ProcessRunner.run(
            ogrinfo, ["-ro", "-al", "-where", "Name = 'Khanasir'", dir + "/k.kml", "Places"])
        #expect(kmlRows.stdout.contains("begin (DateTime) = 2016/02/24 09:00:00"), "\(kmlRows.stdout)")
    }

    static let leafletMissing = (ViewerCommandTests.browserParts + ["/usr/share/javascript/leaflet/leaflet.js"]).filter
    { !FileManager.default.fileExists(atPath: $0) }

    /// docs/OTHER-TOOLS.md's Leaflet example, run as written on the export (Debian's Leaflet for the CDN's).
    @Test(
        .enabled(
            if: leafletMissing.isEmpty,
            "cannot run the Leaflet example: \(leafletMissing.joined(separator: ", ")) missing (Debian packages chromium, chromium-driver, python3-selenium, libjs-leaflet)"
        ))
    func theDocsLeafletExampleShowsEveryPlaceAndRoadOnADay() throws {
        let dir = try scratchFolder("export-leaflet")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(runKMap(["export", "-o", dir + "/khanasir.geojson"]) == 0)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let g = try CampaignLoader.builtin().gazetteer
        let run = try ProcessRunner.run(
            "/usr/bin/python3",
            [
                root.appendingPathComponent("Tests/Browser/leaflet_test.py").path,
                root.appendingPathComponent("docs/OTHER-TOOLS.md").path,
                dir + "/khanasir.geojson", String(g.places.count + g.roads.count),
            ])
        #expect(
            run.status == 0,
            "the Leaflet example shows \(run.stdout) (\(g.places.count) places and \(g.roads.count) roads expected): \(run.stderr)"
        )
    }
}
