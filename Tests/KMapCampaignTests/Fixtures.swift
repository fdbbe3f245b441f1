import Foundation

/// The fictional `Tests/Fixtures/testland` campaign's folder.
let testlandPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/testland").path

/// A copy of testland in a new temporary folder, with `edit` applied to one of its files.
func testlandCopy(editing file: String, _ edit: (String) -> String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kmap-test-\(UUID().uuidString)")
    try FileManager.default.copyItem(atPath: testlandPath, toPath: dir.path)
    let url = dir.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    try edit(text).write(to: url, atomically: true, encoding: .utf8)
    return dir.path
}
