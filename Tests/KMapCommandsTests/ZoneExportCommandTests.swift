import Foundation
import KMapTestSupport
import Testing

/// `kmap export --zones` read by GDAL: the polygons load and are valid, the dates are dates.
@Suite struct ZoneExportCommandTests {
    @Test(
        .enabled(
            if: ExportCommandTests.ogrinfo != nil,
            "ogrinfo is not installed (Debian package gdal-bin; Scripts/setup installs it)"))
    func gdalLoadsTheZonesAsValidPolygonsWithDateTimes() throws {
        let ogrinfo = try #require(ExportCommandTests.ogrinfo)
        let dir = try scratchFolder("export-zones")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/z.geojson"
        #expect(runKMap(["export", "--zones", "5", "-o", path]) == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(runKMap(["export", "--zones", "5", "-o", path]) == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first, "byte-stable")

        let summary = try ProcessRunner.run(ogrinfo, ["-ro", "-al", "-so", path])
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("start: DateTime") && summary.stdout.contains("end: DateTime"))
        #expect(summary.stdout.contains("derived: Integer(Boolean)"), "\(summary.stdout)")

        // Through GDAL's SQLite dialect (SpatiaLite): every zone a valid multi-polygon with an area.
        let sql = """
            SELECT controller, COUNT(*) AS n, SUM(ST_IsValid(geometry)) AS valid, MIN(ST_Area(geometry)) AS smallest, \
            SUM(GeometryType(geometry) = 'MULTIPOLYGON') AS multi, SUM(derived) AS flagged \
            FROM "2016 Khanasir offensive" WHERE feature = 'zone' GROUP BY controller ORDER BY controller
            """
        let rows = try ProcessRunner.run(ogrinfo, ["-ro", "-dialect", "sqlite", "-sql", sql, path])
        #expect(rows.status == 0, "\(rows.stderr)")
        let out = rows.stdout
        for side in ["government", "isil"] { #expect(out.contains("controller (String) = \(side)"), "\(out)") }
        let counts = Self.values("n", out)
        #expect(counts.count >= 2 && counts.allSatisfy { $0 > 0 }, "\(out)")
        #expect(Self.values("valid", out) == counts, "every zone polygon valid: \(out)")
        #expect(Self.values("multi", out) == counts, "every zone a MultiPolygon: \(out)")
        #expect(Self.values("flagged", out) == counts, "every zone derived: true: \(out)")

        // The values: ISIL's zone on the evening of 23 February holds Khanasir (37.4843, 35.7762 or so).
        let at = """
            SELECT controller, start FROM "2016 Khanasir offensive" WHERE feature = 'zone' \
            AND start <= '2016-02-23T23:00:00' AND (end IS NULL OR end > '2016-02-23T23:00:00') \
            AND ST_Contains(geometry, (SELECT geometry FROM "2016 Khanasir offensive" WHERE id = 'khanasir' LIMIT 1))
            """
        let holder = try ProcessRunner.run(ogrinfo, ["-ro", "-dialect", "sqlite", "-sql", at, path])
        #expect(holder.stdout.contains("controller (String) = isil"), "\(holder.stdout) \(holder.stderr)")
        #expect(!holder.stdout.contains("controller (String) = government"), "\(holder.stdout)")
    }

    /// The integer values of `name (Integer) = N` lines, in order.
    static func values(_ name: String, _ text: String) -> [Int] {
        text.split(separator: "\n").compactMap { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("\(name) (Integer) = ") else { return nil }
            return Int(t.dropFirst("\(name) (Integer) = ".count))
        }
    }
}
