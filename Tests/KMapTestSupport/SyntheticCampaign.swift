import Foundation

/// A synthetic campaign written by `Scripts/gen-synthetic-campaign` into a new temporary folder (seeded, so the
/// same every run): places scattered over an 8 × 6 degree box at 40–46° N, about 680 × 670 km.
public func syntheticCampaign(places: Int, events: Int = 100, days: Int = 10, seed: Int = 1) throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let dir = try scratchFolder("synthetic-\(places)")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [
        "python3", root.appendingPathComponent("Scripts/gen-synthetic-campaign").path, dir, "--places", "\(places)",
        "--events", "\(events)", "--days", "\(days)", "--seed", "\(seed)",
    ]
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "gen-synthetic-campaign failed"])
    }
    return dir
}
