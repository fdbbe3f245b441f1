import Dispatch
import Foundation
import KMapCampaign
import KMapTimeline
import Testing
@testable import KMapRender

/// Reusing a frame's surface and encoder buffers (`FrameWorkspace`) changes no byte: a frame drawn on a
/// workspace that already drew other frames (other days, sizes, transparency) is the frame drawn on a new one,
/// serially or with frames in parallel.
@Suite struct FrameWorkspaceTests {
    let scenes: [(name: String, scene: Scene, scale: Double)]

    init() throws {
        let campaign = try CampaignLoader.builtin()
        func scene(_ day: String, transparent: Bool, zones: Double? = nil) throws -> Scene {
            let composer = SceneComposer(campaign: campaign, options: FrameOptions(transparent: transparent, zoneRadiusKm: zones))
            let d = try #require(Day(day))
            return composer.scene(for: try campaign.state(on: d), previous: campaign.timeline.state(at: Instant.endOf(d.adding(days: -1))))
        }
        var list: [(String, Scene, Double)] = []
        for day in ["2016-02-21", "2016-02-23", "2016-02-26", "2016-03-01"] {
            list.append(("\(day) opaque", try scene(day, transparent: false), 1))
            list.append(("\(day) transparent", try scene(day, transparent: true), 1))
        }
        list.append(("zones at 2x", try scene("2016-02-24", transparent: true, zones: 5), 2))
        for day in ["2016-02-22", "2016-02-25", "2016-02-27"] {
            list.append(("\(day) transparent with zones", try scene(day, transparent: true, zones: 5), 1))
        }
        var ramp: [SceneItem] = []
        for i in 0..<256 {
            let c = Color(r: Double(i) / 255, g: Double(255 - i) / 255, b: 0.5, a: Double(i) / 255)
            ramp.append(SceneItem(id: "r\(i)", layer: .zones, symbol: .rect(Rect(x: Double(i), y: 0, width: 1, height: 8), fill: c, stroke: nil)))
        }
        list.append(("alpha ramp", Scene(width: 400, height: 300, background: nil, items: ramp, title: "ramp", subject: "test"), 1))
        scenes = list
    }

    @Test(arguments: PNGWriter.allCases) func reusedWorkspaceWritesTheBytesOfANewOne(writer: PNGWriter) throws {
        let fresh = try scenes.map { try CairoSceneRenderer.renderPNG($0.scene, scale: $0.scale, pngWriter: writer, in: FrameWorkspace()) }
        let workspace = FrameWorkspace()
        // Forwards, then backwards: every frame follows a different one (size, day, opaque or not) on the same buffers.
        for i in Array(scenes.indices) + scenes.indices.reversed() {
            let s = scenes[i]
            let reused = try CairoSceneRenderer.renderPNG(s.scene, scale: s.scale, pngWriter: writer, in: workspace)
            #expect(reused == fresh[i], "\(s.name), \(writer) writer: a reused workspace changed the file")
        }
    }

    @Test func parallelFramesWriteTheBytesOfSerialOnes() throws {
        let fresh = try scenes.map { try CairoSceneRenderer.renderPNG($0.scene, scale: $0.scale, pngWriter: .fast, in: FrameWorkspace()) }
        let results = Results(count: scenes.count * 3)
        let scenes = self.scenes
        DispatchQueue.concurrentPerform(iterations: results.count) { k in
            let s = scenes[k % scenes.count]
            results.set(k, try? CairoSceneRenderer.render(s.scene, format: .png, scale: s.scale, pngWriter: .fast))
        }
        for k in 0..<results.count {
            #expect(results.get(k) == fresh[k % scenes.count], "\(scenes[k % scenes.count].name) in parallel")
        }
    }
}

/// Files written by parallel frames, one slot each.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[UInt8]?]
    let count: Int
    init(count: Int) {
        self.count = count
        slots = Array(repeating: nil, count: count)
    }
    func set(_ k: Int, _ bytes: [UInt8]?) { lock.withLock { slots[k] = bytes } }
    func get(_ k: Int) -> [UInt8]? { lock.withLock { slots[k] } }
}
