import Dispatch
import Foundation
import KMapLoader
import KMapModel
import Testing

@testable import KMapCompose
@testable import KMapRender

/// Reusing a frame's surface and encoder buffers (`FrameWorkspace`) changes no byte: a frame drawn on a
/// workspace that already drew other frames (other days, sizes, transparency) is the frame drawn on a new one,
/// serially or with frames in parallel.
@Suite struct FrameWorkspaceTests {
    let scenes: [(name: String, scene: Scene, scale: Double)]

    init() throws {
        let campaign = try CampaignLoader.builtin()
        func scene(_ day: String, transparent: Bool, zones: Double? = nil) throws -> Scene {
            let composer = SceneComposer(
                campaign: campaign, options: FrameOptions(transparent: transparent, zoneRadiusKm: zones))
            let d = try #require(Day(day))
            return composer.scene(
                for: try campaign.state(on: d), previous: campaign.timeline.state(at: Instant.endOf(d.adding(days: -1)))
            )
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
            ramp.append(
                SceneItem(
                    id: "r\(i)", layer: .zones,
                    symbol: .rect(Rect(x: Double(i), y: 0, width: 1, height: 8), fill: c, stroke: nil)))
        }
        list.append(
            (
                "alpha ramp",
                Scene(width: 400, height: 300, background: nil, items: ramp, title: "ramp", subject: "test"), 1
            ))
        scenes = list
    }

    /// A workspace that drew other frames (other days, sizes, transparency, static layers) writes the bytes a
    /// new one writes, and keeps its static image only while it matches.
    @Test func reusedWorkspaceWritesTheBytesOfANewOne() throws {
        let fresh = try scenes.map {
            try SceneEncoder.encode($0.scene, as: .png, options: EncodingOptions(scale: $0.scale))
        }
        let workspace = FrameWorkspace()
        for round in 0..<2 {
            for (k, s) in scenes.enumerated() {
                let reused = try SceneEncoder.encode(
                    s.scene, as: .png, options: EncodingOptions(scale: s.scale), workspace: workspace)
                #expect(reused == fresh[k], "\(s.name), round \(round)")
            }
        }
    }

    /// The static image stands for exactly the scene's leading static items: a change to one of them is drawn.
    @Test func aChangedStaticItemIsRedrawn() throws {
        let base = scenes[0].scene
        let k = try #require(base.items.firstIndex { $0.layer == .roads })
        var moved = base
        if case .polyline(let points, let stroke) = moved.items[k].symbol {
            moved.items[k].symbol = .polyline(points: points.map { Point(x: $0.x + 40, y: $0.y) }, stroke: stroke)
        }
        let workspace = FrameWorkspace()
        _ = try SceneEncoder.encode(base, as: .png, workspace: workspace)
        #expect(try SceneEncoder.encode(moved, as: .png, workspace: workspace) == SceneEncoder.encode(moved, as: .png))
        #expect(try SceneEncoder.encode(moved, as: .png) != SceneEncoder.encode(base, as: .png))
    }

    /// Workers with a workspace each, in parallel, write the bytes of new workspaces.
    @Test func parallelWorkspacesWriteTheSameBytes() throws {
        let fresh = try scenes.map {
            try SceneEncoder.encode($0.scene, as: .png, options: EncodingOptions(scale: $0.scale))
        }
        let results = Results(count: scenes.count * 2)
        let scenes = self.scenes
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let workspace = FrameWorkspace()
            for k in stride(from: worker, to: scenes.count * 2, by: 2) {
                let s = scenes[k % scenes.count]
                results.set(
                    k,
                    try? SceneEncoder.encode(
                        s.scene, as: .png, options: EncodingOptions(scale: s.scale), workspace: workspace))
            }
        }
        for k in 0..<(scenes.count * 2) {
            #expect(results.get(k) == fresh[k % scenes.count], "\(scenes[k % scenes.count].name)")
        }
    }
}

/// Results written by parallel workers, one slot each.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[UInt8]?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ v: [UInt8]?) { lock.withLock { slots[k] = v } }
    func get(_ k: Int) -> [UInt8]? { lock.withLock { slots[k] } }
}
