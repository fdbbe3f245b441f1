import Foundation

/// The fictional `Tests/Fixtures/testland` campaign's folder.
let testlandPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/testland").path
