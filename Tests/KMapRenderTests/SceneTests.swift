import KMapLoader
import KMapModel
import Testing

@testable import KMapCompose
@testable import KMapRender

/// The composed scene: geometry and furniture that hold whatever the backend.
@Suite struct SceneTests {
    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.builtin() }

    var days: [Day] {
        (0...campaign.info.end.days(since: campaign.info.start)).map { campaign.info.start.adding(days: $0) }
            .filter { $0 <= Day("2016-03-01")! || $0.components.day % 15 == 0 }
    }

    func labels(_ scene: Scene) -> [(String, Rect)] {
        scene.items(in: .labels).compactMap { item in
            if case .text(let t) = item.symbol { return (item.id, t.bounds) }
            return nil
        }
    }

    @Test func labelsNeverOverlapEachOtherOrMarkers() throws {
        let composer = SceneComposer(campaign: campaign)
        for day in days {
            let scene = composer.scene(for: try campaign.state(on: day))
            let boxes = labels(scene)
            for (i, a) in boxes.enumerated() {
                for b in boxes[(i + 1)...] { #expect(!a.1.intersects(b.1), "\(day): \(a.0) overlaps \(b.0)") }
                for item in scene.items(in: .markers) {
                    if case .marker(let m) = item.symbol {
                        #expect(!a.1.intersects(m.bounds), "\(day): \(a.0) covers \(item.id)")
                    }
                }
            }
        }
    }

    @Test func labelsKeepTheirPlaceEveryDay() throws {
        let composer = SceneComposer(campaign: campaign)
        let first = labels(composer.scene(for: try campaign.state(on: campaign.info.start)))
        #expect(first.count >= 10)
        for day in days {
            let boxes = labels(composer.scene(for: try campaign.state(on: day)))
            #expect(boxes.map(\.0) == first.map(\.0))
            #expect(boxes.map(\.1) == first.map(\.1), "labels moved on \(day)")
        }
    }

    @Test func scaleBarMatchesTheProjection() throws {
        let composer = SceneComposer(campaign: campaign)
        let bar = try #require(composer.scaleBarLength)
        // Measure the bar's length on the ground, along the parallel through the view's centre.
        let c = composer.projection.center
        let a = composer.projection.unproject(c)
        let b = composer.projection.unproject(Point(x: c.x + bar.pixels, y: c.y))
        let km = a.distanceKm(to: b)
        #expect(abs(km - bar.km) / bar.km < 0.01, "bar says \(bar.km) km, ground distance \(km) km")
        #expect(
            [1.0, 2, 5, 10, 20, 25, 50, 100].contains { abs($0 - bar.km) < 1e-9 }, "not a round length: \(bar.km) km")
    }

    /// Issue 15: the legend is a key to what the campaign's frames show, the same on every day, so it does not
    /// change size in an animation.
    @Test func theLegendIsTheSameOnEveryDay() throws {
        let composer = SceneComposer(campaign: campaign)
        let before = composer.scene(for: try campaign.state(on: try #require(Day("2016-02-21"))))
        let ids = before.items(in: .legend).map(\.id)
        #expect(ids.contains("legend:faction:government") && ids.contains("legend:faction:isil"))
        #expect(ids.contains("legend:contested"), "the campaign has contested places (24 Feb)")
        let later = composer.scene(for: try campaign.state(on: try #require(Day("2016-02-24"))))
        #expect(later.items(in: .legend).map(\.id) == ids)
    }

    /// Evidence older than staleAfter turns places unknown without an event: the panel says so instead of "No
    /// change in control" beside ringed places; and with --evidence the rings compare places by id.
    @Test func agedPlacesAreExplainedInTheChangesPanel() throws {
        let composer = SceneComposer(campaign: campaign)
        let day = try #require(Day("2016-05-26"))
        let scene = composer.scene(for: try campaign.state(on: day), previous: campaign.stateBefore(day))
        guard case .text(let t) = try #require(scene.item("changes:summary")).symbol else {
            Issue.record("no changes text")
            return
        }
        #expect(t.text.hasPrefix("4 places no source has spoken of recently"), "\(t.text)")
        #expect(scene.item("place:khanasir") != nil)
        let stated = try campaign.state(on: try #require(Day("2016-02-25"))).only(.stated)
        let filtered = composer.scene(
            for: stated, previous: campaign.stateBefore(try #require(Day("2016-02-25"))).only(.stated))
        #expect(filtered.item("place:rasm-hamad") == nil, "--evidence stated leaves inferred places out")
        #expect(filtered.item("change:khanasir") != nil, "Khanasir, retaken on 25 Feb, is still ringed")
    }

    @Test func routeBannerSaysCutWithTheDayCount() throws {
        let composer = SceneComposer(campaign: campaign)
        let scene = composer.scene(for: try campaign.state(on: try #require(Day("2016-02-23"))))
        guard case .text(let t) = try #require(scene.item("route")).symbol else {
            Issue.record("no route banner")
            return
        }
        // Al-Masdar puts Rasm al-Nafal's fall on the evening of 21 February.
        #expect(t.text.hasPrefix("✕ Aleppo supply road CUT at Khanasir"), "\(t.text)")
        #expect(t.text.hasSuffix("since 21 Feb 2016 (day 3 of the cut)"), "\(t.text)")
        #expect(t.text.contains("2 unnamed points along it"), "points without a marker, in plain words: \(t.text)")
    }

    /// Found in review: at 800x600 the banner ran off the frame; it shrinks to fit instead.
    @Test(arguments: [(800, 600), (1280, 720), (1600, 1200)])
    func routeBannerFitsTheFrame(_ width: Int, _ height: Int) throws {
        let composer = SceneComposer(campaign: campaign, options: FrameOptions(width: width, height: height))
        let scene = composer.scene(for: try campaign.state(on: try #require(Day("2016-02-22"))))
        guard case .rect(let box, _, _) = try #require(scene.item("route:panel")).symbol else {
            Issue.record("no route banner")
            return
        }
        #expect(box.maxX <= Double(width) - 10, "banner \(box) in a frame \(width) wide")
    }

    @Test func projectionRoundTrips() {
        let p = Projection(
            fitting: GeoBounds(minLon: 37, minLat: 35.5, maxLon: 38, maxLat: 36.2),
            into: Rect(x: 0, y: 0, width: 1600, height: 1200))
        let c = Coordinate(lon: 37.5, lat: 35.8)
        let back = p.unproject(p.project(c))
        #expect(abs(back.lon - c.lon) < 1e-9 && abs(back.lat - c.lat) < 1e-9)
    }
}
