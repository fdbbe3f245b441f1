import Foundation
import KMapCampaign
import KMapTimeline
import Testing
@testable import KMapRender

/// Fonts warmed on another thread (`FontWarmUp`) draw the same bytes as fonts a thread loads itself.
@Suite struct FontWarmUpTests {
    @Test func framesDrawnWithTheWarmedFontMapAreTheFramesDrawnWithout() throws {
        let campaign = try CampaignLoader.builtin()
        let day = try #require(Day("2016-02-23"))
        let state = try campaign.state(on: day)
        let previous = campaign.timeline.state(at: Instant.endOf(day.adding(days: -1)))
        let options = FrameOptions(width: 800, height: 600, labels: .both)

        /// Composes (measuring every label) and draws on a thread of its own, whose font map is its own.
        func onAFreshThread() -> [UInt8]? {
            let result = Box()
            let done = DispatchSemaphore(value: 0)
            Thread {
                let scene = SceneComposer(campaign: campaign, options: options).scene(for: state, previous: previous)
                result.bytes = try? CairoSceneRenderer.render(scene, format: .png, pngWriter: .fast)
                done.signal()
            }.start()
            done.wait()
            return result.bytes
        }

        let expected = try #require(onAFreshThread())
        // This thread starts a warm-up, adopts its font map, and then composes and draws with it.
        let warmed = Box()
        let done = DispatchSemaphore(value: 0)
        // A warm-up of its own: the process's one may have been started by an in-process command test.
        let warmUp = FontWarmUp()
        Thread {
            warmUp.start(family: "DejaVu Sans")
            warmUp.adopt()  // what PangoText does for the process's warm-up at its first call
            warmed.adopted = !warmUp.isPending
            let scene = SceneComposer(campaign: campaign, options: options).scene(for: state, previous: previous)
            warmed.bytes = try? CairoSceneRenderer.render(scene, format: .png, pngWriter: .fast)
            done.signal()
        }.start()
        done.wait()
        #expect(warmed.adopted, "the thread that started the warm-up did not adopt its font map")
        let same = warmed.bytes == expected
        #expect(same, "a frame drawn with the warmed font map differs")
    }
}

extension FontWarmUpTests {
    /// A spare map asked for after the warm-up started (as `kmap render` does once it knows its output) is warmed
    /// and taken by another thread, which draws the same bytes with it; a thread beyond the spares asked for
    /// does not wait.
    @Test func aSpareMapIsTakenByAnotherThreadAndDrawsTheSameBytes() throws {
        let scene = try StaticLayerTests.referenceSequence(frames: 1)[0]
        let expected = try CairoSceneRenderer.render(scene, format: .png, pngWriter: .fast)
        let warmUp = FontWarmUp()
        let started = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0), finish = DispatchSemaphore(value: 0)
        let box = Box()
        // The starting thread stays alive to the end: a thread that ended may see its id given to the next one,
        // which would then pass for it.
        Thread {
            warmUp.start(family: "DejaVu Sans")
            warmUp.start(family: "DejaVu Sans", spares: 1)  // a later call asks for a spare
            started.signal()
            finish.wait()
        }.start()
        defer { finish.signal() }
        started.wait()
        Thread {
            warmUp.adoptSpare()
            box.adopted = warmUp.sparesTaken == 1
            box.bytes = try? CairoSceneRenderer.render(scene, format: .png, pngWriter: .fast)
            warmUp.adoptSpare()  // a second call on the same thread takes nothing more
            done.signal()
        }.start()
        done.wait()
        #expect(box.adopted, "the other thread did not take the spare map")
        #expect(warmUp.sparesTaken == 1)
        let same = box.bytes == expected
        #expect(same, "a frame drawn with the spare map differs")
        // No spare left: a third thread goes on with its own map at once.
        Thread {
            warmUp.adoptSpare()
            done.signal()
        }.start()
        #expect(done.wait(timeout: .now() + 30) == .success, "a thread beyond the spares waited")
        #expect(warmUp.sparesTaken == 1)
    }
}

private final class Box: @unchecked Sendable {
    var bytes: [UInt8]?
    var adopted = false
}
