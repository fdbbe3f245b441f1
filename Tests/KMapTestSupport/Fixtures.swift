import Foundation

/// The fictional `Tests/Fixtures/testland` campaign's folder (ten days, 2020-01-01…10).
public let testlandPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/testland").path

/// A copy of testland in a new temporary folder, with `edit` applied to one of its files.
public func testlandCopy(editing file: String, _ edit: (String) -> String) throws -> String {
    let dir = try scratchFolder("testland")
    try FileManager.default.removeItem(atPath: dir)
    try FileManager.default.copyItem(atPath: testlandPath, toPath: dir)
    let url = URL(fileURLWithPath: dir).appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    try edit(text).write(to: url, atomically: true, encoding: .utf8)
    return dir
}

/// A fresh empty folder under the temporary directory.
public func scratchFolder(_ name: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kmap-\(name)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
