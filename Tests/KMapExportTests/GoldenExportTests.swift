import Foundation
import KMapLoader
import KMapTestSupport
import Testing

@testable import KMapExport

/// What testland's export is, pinned as files (`Golden/`): every stretch and time, reviewable as a diff.
///
/// The formats' other tests check structure; these say what the records are. After an intended change, record
/// with `KMAP_RECORD_GOLDEN=1 swift test --filter GoldenExportTests` and commit the files with the change.
@Suite struct GoldenExportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: ["testland-stretches.csv", "testland.geojson", "testland.kml"])
    func testlandExportsAsRecorded(_ name: String) throws {
        let campaign = try CampaignLoader.load(folder: testlandPath)
        let stretches = Stretches(campaign: campaign)
        let text =
            name.hasSuffix(".csv")
            ? CSVExport.stretches(stretches)
            : name.hasSuffix(".kml")
                ? KMLExport.document(stretches, campaign: campaign)
                : GeoJSONExport.document(stretches, campaign: campaign)
        let file = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KMAP_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            return
        }
        let golden = try #require(
            try? String(contentsOf: file, encoding: .utf8),
            "no golden \(name); record it with KMAP_RECORD_GOLDEN=1 swift test --filter GoldenExportTests")
        let want = golden.components(separatedBy: "\n")
        let got = text.components(separatedBy: "\n")
        let first = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
        #expect(
            golden == text,
            """
            \(name) differs from line \(first + 1): recorded \(first < want.count ? want[first] : "(end)"), now \(first < got.count ? got[first] : "(end)"); \
            if intended, re-record with KMAP_RECORD_GOLDEN=1 swift test --filter GoldenExportTests and review the diff
            """)
    }
}
