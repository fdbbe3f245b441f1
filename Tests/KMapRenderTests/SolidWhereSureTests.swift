import KMapLoader
import KMapModel
import Testing

@testable import KMapCompose

/// Solid where sure (issue 15): on the first day, a state the sources state is drawn solid, and only those.
@Suite struct SolidWhereSureTests {
    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.builtin() }

    func markers(on day: String) throws -> (scene: Scene, state: ControlState) {
        let d = try #require(Day(day))
        let composer = SceneComposer(campaign: campaign)
        let state = try campaign.state(on: d)
        return (composer.scene(for: state, previous: campaign.timeline.state(at: .endOf(d.adding(days: -1)))), state)
    }

    func marker(_ id: String, in scene: Scene) throws -> Marker {
        let item = try #require(scene.items.first { $0.id == "place:\(id)" })
        guard case .marker(let m) = item.symbol else { throw MarkerMissing() }
        return m
    }

    struct MarkerMissing: Error {}

    @Test func onTheFirstDayKhanasirIsSolidGovernmentRed() throws {
        let (scene, state) = try markers(on: "2016-02-21")
        // "recaptured Khanasir" (25 Feb) states the government held it until ISIL took it on 23 Feb.
        #expect(state["khanasir"]?.confidence == .stated)
        let khanasir = try marker("khanasir", in: scene)
        #expect(khanasir.hollow == nil, "stated: solid")
        #expect(khanasir.fill == Theme.standard.color(ofFaction: "government", in: campaign))
        // The 13 villages "previously held by ISIL" before the offensive are only implied: they stay hollow.
        #expect(state["atshanah"]?.confidence == .inferred)
        #expect(try marker("atshanah", in: scene).hollow != nil)
    }

    @Test(arguments: ["2016-02-21", "2016-02-22", "2016-02-25"])
    func hollowExactlyWhereTheSourcesDoNotState(_ day: String) throws {
        let (scene, state) = try markers(on: day)
        var solid = 0
        for item in scene.items where item.id.hasPrefix("place:") {
            guard case .marker(let m) = item.symbol else { continue }
            let id = String(item.id.dropFirst("place:".count))
            let stated = state[id]?.confidence == .stated
            #expect((m.hollow == nil) == stated, "\(id) on \(day)")
            if stated { solid += 1 }
        }
        #expect(solid > 0, "some state is sure on \(day)")
    }
}
