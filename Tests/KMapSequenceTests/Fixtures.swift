import Foundation
import KMapLoader
import KMapModel
import KMapRender
import KMapSequence
import KMapTestSupport

@testable import KMapCompose

/// Frames kept in memory, counting writes, for runner tests.
final class MemoryStore: FrameStore, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]
    private(set) var writes: [String] = []

    func size(of file: String) -> Int? { lock.withLock { files[file]?.count } }

    func write(_ bytes: [UInt8], to file: String) throws {
        lock.withLock {
            files[file] = bytes
            writes.append(file)
        }
    }

    func bytes(_ file: String) -> [UInt8]? { lock.withLock { files[file] } }
    func replace(_ file: String, with bytes: [UInt8]) { lock.withLock { files[file] = bytes } }
    func frameWrites() -> [String] { lock.withLock { writes.filter { $0 != FrameManifest.fileName } } }
    func resetWrites() { lock.withLock { writes = [] } }
}

/// Width and height from a PNG's IHDR chunk.
func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
    guard bytes.count > 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
    func be32(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (be32(16), be32(20))
}

/// The testland campaign and a small composer for it.
func testland(width: Int = 400, height: Int = 300) throws -> (Campaign, SceneComposer) {
    let campaign = try CampaignLoader.resolve(testlandPath)
    return (campaign, SceneComposer(campaign: campaign, options: FrameOptions(width: width, height: height)))
}
