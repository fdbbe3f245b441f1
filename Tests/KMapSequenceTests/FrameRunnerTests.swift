import Foundation
import KMapLoader
import KMapModel
import KMapRender
import KMapSequence
import Testing

@testable import KMapCompose

/// The scheduler, the manifest and resuming, against an in-memory store.
@Suite struct FrameRunnerTests {
    func runner(tween: Int = 0, jobs: Int = 2) throws -> FrameRunner {
        let (campaign, composer) = try testland()
        let plan = FramePlan(from: campaign.info.start, through: campaign.info.end, step: .daily, tween: tween)
        return FrameRunner(plan: plan, composer: composer, jobs: jobs)
    }

    @Test func theManifestListsEveryFrameWithItsInstantFileAndChanges() throws {
        let store = MemoryStore()
        let result = try runner().run(store: store, previous: nil, force: false, interruption: Interruption())
        let m = result.manifest
        #expect(m.complete && m.done == 10 && m.total == 10 && result.rendered == 10)
        #expect(m.campaign == "testland" && m.width == 400 && m.height == 300 && m.step == "1d" && m.format == "png")
        #expect(m.frames.map(\.instant).first == "2020-01-01" && m.frames.last?.file == "0010_2020-01-10.png")
        #expect(m.frames.allSatisfy { $0.done && $0.bytes == store.size(of: $0.file) && $0.digest?.count == 16 })
        let jan2 = try #require(m.frames.first { $0.instant == "2020-01-02" })
        #expect(jan2.changes.events == ["e1"])
        #expect(
            jan2.changes.places == [FrameChanges.Change(id: "bravo", before: "government held", after: "isil held")])
        let written = try #require(store.bytes(FrameManifest.fileName))
        #expect(FrameManifest.decode(Data(written)) == m, "the stored manifest is the final one")
    }

    @Test func everyFrameHasTheSameEvenSize() throws {
        let store = MemoryStore()
        let m = try runner(tween: 1).run(store: store, previous: nil, force: false, interruption: Interruption())
            .manifest
        for frame in m.frames {
            let bytes = try #require(store.bytes(frame.file))
            let size = try #require(pngSize(bytes))
            #expect(size == (400, 300), "\(frame.file)")
        }
    }

    @Test func aRerunKeepsUpToDateFramesAndRedoesChangedOnes() throws {
        let store = MemoryStore()
        let first = try runner().run(store: store, previous: nil, force: false, interruption: Interruption())
        store.resetWrites()
        let again = try runner().run(store: store, previous: first.manifest, force: false, interruption: Interruption())
        #expect(again.rendered == 0 && again.kept == 10 && store.frameWrites().isEmpty)
        #expect(again.manifest == first.manifest)
        // A truncated file, and a frame whose manifest digest no longer matches, are out of date.
        store.replace("0003_2020-01-03.png", with: [1, 2, 3])
        var stale = first.manifest
        stale.frames[6].digest = "0000000000000000"
        let repaired = try runner().run(store: store, previous: stale, force: false, interruption: Interruption())
        #expect(Set(store.frameWrites()) == ["0003_2020-01-03.png", "0007_2020-01-07.png"])
        #expect(repaired.rendered == 2 && repaired.manifest == first.manifest)
        store.resetWrites()
        let forced = try runner().run(store: store, previous: first.manifest, force: true, interruption: Interruption())
        #expect(forced.rendered == 10 && store.frameWrites().count == 10)
    }

    @Test func anInterruptedRunWritesAManifestOfWhatIsDone() throws {
        let stop = Interruption()
        stop.request(SIGINT)
        let store = MemoryStore()
        let result = try runner().run(store: store, previous: nil, force: false, interruption: stop)
        #expect(result.interruptedBy == SIGINT && result.rendered == 0)
        #expect(!result.manifest.complete && result.manifest.done == 0 && result.manifest.frames.count == 10)
        #expect(store.bytes(FrameManifest.fileName) != nil)
    }

    @Test func tweenFramesBlendTheStatesAroundThem() throws {
        let r = try runner(tween: 1)
        let frames = r.plan.frames
        let tween = try #require(frames.first { $0.tween != nil && $0.instant == .endOf(Day("2020-01-02")!) })
        #expect(r.scene(for: tween) != r.scene(for: frames[tween.number]), "a transition is not its target")
        #expect(r.scene(for: tween) != r.scene(for: frames[tween.number - 2]), "nor its start")
    }

    @Test func outputDoesNotDependOnTheNumberOfJobs() throws {
        let one = MemoryStore()
        let two = MemoryStore()
        let a = try runner(tween: 1, jobs: 1).run(store: one, previous: nil, force: false, interruption: Interruption())
        let b = try runner(tween: 1, jobs: 2).run(store: two, previous: nil, force: false, interruption: Interruption())
        #expect(a.manifest.encoded() == b.manifest.encoded())
        for f in a.manifest.frames { #expect(one.bytes(f.file) == two.bytes(f.file), "\(f.file)") }
    }
}
