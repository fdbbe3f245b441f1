import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose

/// The default frame fits the fighting, roads leaving it say where they go, and no place with an event is lost.
@Suite struct ViewFittingTests {
    static let campaign = try! CampaignLoader.builtin()
    static let sizes: [(Int, Int)] = [(1600, 1200), (1280, 720), (412, 732), (400, 300)]

    func composer(_ campaign: Campaign = campaign, _ w: Int = 1600, _ h: Int = 1200) -> SceneComposer {
        SceneComposer(campaign: campaign, options: FrameOptions(width: w, height: h), measurer: FixedWidthMeasurer())
    }

    func distance(_ c: SceneComposer, _ a: String, _ b: String) throws -> Double {
        let p = c.projection.project(try #require(c.campaign.gazetteer.place(a)).coordinate)
        let q = c.projection.project(try #require(c.campaign.gazetteer.place(b)).coordinate)
        return ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
    }

    /// Issue 14: Khanasir and Rasm al-Nafal were 158 px apart on the road-wide frame; the fitted one at least doubles it.
    @Test func theDefaultFrameFitsTheFighting() throws {
        #expect(Self.campaign.info.view == nil, "the built-in campaign lets kmap fit its frame")
        let c = composer()
        #expect(try distance(c, "khanasir", "rasm-al-nafal") >= 2 * 158)
        let visible = Set(c.visiblePlaces.map(\.id))
        for place in Self.campaign.actionPlaces {
            #expect(visible.contains(place.id), "\(place.id) changes hands and must be in the default frame")
        }
        #expect(!visible.contains("aleppo"), "Aleppo, at the road's far end, is left to its pointer")
        #expect(c.unlabelled.isEmpty, "every place in the 1600x1200 frame has its name")
        let isw = SceneComposer(
            campaign: Self.campaign, theme: try ThemeLoader.resolve("isw"), measurer: FixedWidthMeasurer())
        #expect(isw.unlabelled.isEmpty, "also with the isw theme's zones and their longer legend")
    }

    @Test func anExplicitViewStillWins() throws {
        let c0 = Self.campaign
        var info = c0.info
        info.view = GeoBounds(minLon: 37.0, minLat: 35.3, maxLon: 38.1, maxLat: 36.25)
        let fixed = Campaign(
            info: info, factions: c0.factions, gazetteer: c0.gazetteer, timeline: c0.timeline, origin: c0.origin,
            warnings: [],
            locator: c0.locator, files: c0.files)
        #expect(fixed.defaultView == info.view)
        let c = composer(fixed)
        #expect(c.visiblePlaces.contains { $0.id == "aleppo" })
        #expect(try distance(c, "khanasir", "rasm-al-nafal") < 2 * 158)
        let byOption = SceneComposer(
            campaign: fixed, options: FrameOptions(view: c0.fittedView), measurer: FixedWidthMeasurer())
        #expect(byOption.projection.origin == c0.fittedView.center, "a view in the options overrides the campaign's")
    }

    /// Every place named by an event of the day is on the map or flagged at its edge, on every day and size.
    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func placesWithEventsAreInFrameOrFlagged(size: String) throws {
        let wh = size.split(separator: "x").map { Int($0)! }
        let c = composer(Self.campaign, wh[0], wh[1])
        let days = Set(Self.campaign.timeline.events.map(\.day)).sorted()
        var flagged = 0
        for day in days {
            let scene = c.scene(for: try Self.campaign.state(on: day), previous: Self.campaign.stateBefore(day))
            let named = Set(Self.campaign.timeline.events.filter { $0.day == day }.flatMap(\.places))
            for place in Self.campaign.gazetteer.places where named.contains(place.id) {
                let shown = scene.item("place:\(place.id)") != nil
                let edge = scene.item("edge:event:\(place.id)")
                #expect(shown || edge != nil, "\(day): \(place.id) has an event and is neither drawn nor flagged")
                if let edge {
                    flagged += 1
                    let texts = [edge, scene.item("edge:event:\(place.id):label")].compactMap { item -> TextItem? in
                        if case .text(let t)? = item?.symbol { return t } else { return nil }
                    }
                    let t = try #require(texts.first, "\(day): the flag of \(place.id) names it")
                    #expect(t.text.hasPrefix(place.name))
                    let k = c.pixelScale
                    let area = c.layout.mapArea
                    let inPixels = Rect(x: area.x * k, y: area.y * k, width: area.width * k, height: area.height * k)
                    #expect(inPixels.contains(t.bounds.center), "\(day): the flag of \(place.id) is inside the map")
                }
            }
        }
        #expect(flagged > 0, "Aleppo (24 Feb) and As-Safira (22 Feb) are off the fitted frame")
    }

    @Test func roadsLeavingTheFrameNameWhereTheyGo() throws {
        let c = composer()
        let scene = c.scene(for: try Self.campaign.state(on: Day("2016-02-23")!))
        func label(_ id: String) -> String? {
            guard case .text(let t)? = scene.item(id)?.symbol else { return nil }
            return t.text
        }
        let north = try #require(label("edge:road:khanasir-aleppo-road:end:label"))
        let south = try #require(label("edge:road:khanasir-aleppo-road:start:label"))
        #expect(north.hasPrefix("to Aleppo ") && north.hasSuffix(" km"))
        #expect(south.hasPrefix("to Ithriya ") && south.hasSuffix(" km"))
        #expect(
            label("legend:road") == "road (schematic course)",
            "no source traces the built-in roads: the legend says they are schematic")
        // Roads are cut at the map's edge rather than drawn under the panels.
        let area = c.layout.mapArea.insetBy(-0.01)
        for item in scene.items(in: .roads) {
            if case .polyline(let points, _) = item.symbol {
                #expect(points.allSatisfy(area.contains), "\(item.id) leaves the map")
            }
        }
    }

    @Test func distancesAreRoundedToWhatTheDataKnows() {
        #expect(EdgePointer.distanceText(57.4) == "55 km")
        #expect(EdgePointer.distanceText(12.6) == "13 km")
        #expect(EdgePointer.distanceText(0.2) == "1 km")
    }

    @Test func clippingKeepsTheInsideOfLinesAndRings() {
        let r = Rect(x: 0, y: 0, width: 10, height: 10)
        let runs = r.clip(polyline: [Point(x: -5, y: 5), Point(x: 5, y: 5), Point(x: 5, y: 20), Point(x: 5, y: 30)])
        #expect(runs == [[Point(x: 0, y: 5), Point(x: 5, y: 5), Point(x: 5, y: 10)]])
        let ring = r.clip(ring: [Point(x: -5, y: -5), Point(x: 5, y: -5), Point(x: 5, y: 5), Point(x: -5, y: 5)])
        #expect(Set(ring) == [Point(x: 0, y: 0), Point(x: 5, y: 0), Point(x: 5, y: 5), Point(x: 0, y: 5)])
        #expect(r.clip(ring: [Point(x: 20, y: 20), Point(x: 30, y: 20), Point(x: 30, y: 30)]).isEmpty)
    }
}
