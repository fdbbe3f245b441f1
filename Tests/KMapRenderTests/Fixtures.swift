import Foundation

/// The fictional `Tests/Fixtures/testland` campaign's folder.
let testlandPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/testland").path

import KMapCampaign

/// The built-in campaign, for tests that only need it loaded.
enum KMapCampaignFixture {
    static func builtin() throws -> Campaign { try CampaignLoader.builtin() }
}
