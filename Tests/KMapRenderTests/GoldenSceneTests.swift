import Foundation
import KMapCompose
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

/// What the built-in campaign's key days show, pinned as scene dumps (`Golden/`), font-independent.
///
/// A change to what a frame shows fails here with the diff to review. After an intended change, record the new
/// dumps with `KMAP_RECORD_GOLDEN=1 swift test --filter GoldenSceneTests` and commit them with the change.
@Suite struct GoldenSceneTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let cases: [(day: String, width: Int, height: Int)] = [
        "2016-02-22", "2016-02-23", "2016-02-24", "2016-02-29",
    ].flatMap { day in
        [(day, 1600, 1200), (day, 800, 600)]
    }

    @Test(arguments: cases)
    func keyDaysShowWhatTheirDumpsSay(day: String, width: Int, height: Int) throws {
        let campaign = try CampaignLoader.builtin()
        let d = try #require(Day(day))
        let composer = SceneComposer(
            campaign: campaign, theme: .standard, options: FrameOptions(width: width, height: height),
            measurer: FixedWidthMeasurer())
        let dump = SceneDump.text(composer.scene(for: try campaign.state(on: d), previous: campaign.stateBefore(d)))
        let file = Self.folder.appendingPathComponent("\(campaign.info.slug)-\(day)-\(width)x\(height).txt")
        if ProcessInfo.processInfo.environment["KMAP_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try dump.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try #require(
            try? String(contentsOf: file, encoding: .utf8),
            "no golden dump \(file.lastPathComponent); record it with KMAP_RECORD_GOLDEN=1 swift test --filter GoldenSceneTests"
        )
        guard golden != dump else { return }
        let want = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let got = dump.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
        Issue.record(
            """
            \(file.lastPathComponent) differs from line \(first + 1) (\(want.count) lines recorded, \(got.count) now):
              recorded: \(first < want.count ? want[first] : "(end)")
              now:      \(first < got.count ? got[first] : "(end)")
            If the change is intended, re-record with KMAP_RECORD_GOLDEN=1 swift test --filter GoldenSceneTests and review the diff.
            """)
    }
}
