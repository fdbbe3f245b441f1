import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// Frames at the sizes people publish at, checked on the scene: nothing overlaps, every place is named, every
/// numbered change has its badge and its entry, and the furniture does not move between frames.
@Suite struct FrameLayoutTests {
    static let sizes: [(Int, Int)] = [
        (400, 300), (640, 480), (800, 600), (1280, 720), (1600, 1200), (1920, 1080), (3840, 2160), (1080, 1350),
        (1080, 1920), (1200, 1200),
    ]
    static let days = [
        "2016-02-21", "2016-02-22", "2016-02-23", "2016-02-24", "2016-02-25", "2016-02-29", "2016-03-10",
        "2016-04-15", "2017-02-28",
    ]

    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.builtin() }

    /// The boxes of one kind of item in a scene, by id.
    struct Boxes {
        var labels: [(String, Rect)] = []
        var markers: [(String, Rect)] = []
        var badges: [(String, Rect)] = []
        var furniture: [(String, Rect)] = []
        /// The title, the date and the route banner's text.
        var title: [(String, Rect)] = []
    }

    static func boxes(_ scene: Scene) -> Boxes {
        var b = Boxes()
        let furniture = [
            "banner:panel", "legend:panel", "changes:panel", "scale:panel", "inset:border",
        ]
        for item in scene.items {
            switch item.symbol {
            case .text(let t) where item.id.hasPrefix("label:") && item.layer == .labels:
                b.labels.append((item.id, t.bounds))
            case .marker(let m) where item.id.hasPrefix("place:"):
                b.markers.append(
                    (
                        item.id,
                        Rect(
                            x: m.center.x - m.radius, y: m.center.y - m.radius, width: 2 * m.radius,
                            height: 2 * m.radius)
                    ))
            case .marker(let m) where item.id.hasPrefix("change:") && !item.id.hasSuffix(":number"):
                b.badges.append((item.id, m.bounds))
            case .rect(let r, _, _) where item.id.hasPrefix("change:") && !item.id.hasSuffix(":number"):
                b.badges.append((item.id, r))
            case .rect(let r, _, _) where furniture.contains(item.id):
                b.furniture.append((item.id, r))
            case .text(let t) where ["title", "date", "route"].contains(item.id):
                b.title.append((item.id, t.bounds))
            default: break
            }
        }
        return b
    }

    func scene(_ day: String, _ w: Int, _ h: Int, composer: SceneComposer? = nil) throws -> Scene {
        let c = composer ?? SceneComposer(campaign: campaign, options: FrameOptions(width: w, height: h))
        let d = try #require(Day(day))
        return c.scene(for: try campaign.state(on: d), previous: campaign.stateBefore(d))
    }

    /// Pairs of overlapping boxes, shrunk by half a pixel so touching edges do not count.
    static func overlaps(_ a: [(String, Rect)], _ b: [(String, Rect)], same: Bool = false) -> [String] {
        var out: [String] = []
        for (i, x) in a.enumerated() {
            for (j, y) in b.enumerated() where !same || j > i {
                if x.1.insetBy(0.5).intersects(y.1.insetBy(0.5)) { out.append("\(x.0) × \(y.0)") }
            }
        }
        return out
    }

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func nothingOverlapsOnTheBuiltInDays(size: String) throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        let composer = SceneComposer(campaign: campaign, options: FrameOptions(width: parts[0], height: parts[1]))
        for day in Self.days {
            let b = Self.boxes(try scene(day, parts[0], parts[1], composer: composer))
            var found: [String] = []
            found += Self.overlaps(b.labels, b.labels, same: true)
            found += Self.overlaps(b.labels, b.markers)
            found += Self.overlaps(b.labels, b.badges)
            found += Self.overlaps(b.labels, b.furniture)
            found += Self.overlaps(b.badges, b.badges, same: true)
            found += Self.overlaps(b.badges, b.furniture)
            found += Self.overlaps(b.markers, b.furniture)
            found += Self.overlaps(b.furniture, b.furniture, same: true)
            // A badge sits beside its own marker; it must keep clear of every other.
            found += Self.overlaps(b.badges, b.markers).filter { pair in
                let ids = pair.components(separatedBy: " × ")
                return ids[0].dropFirst("change:".count) != ids[1].dropFirst("place:".count)
            }
            found += Self.overlaps(b.markers, b.markers, same: true)
            found += Self.overlaps(b.title, b.title, same: true)
            #expect(found.isEmpty, "\(size) \(day): \(found.prefix(8).joined(separator: "; "))")
        }
    }

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func everyPlaceInFrameIsNamed(size: String) throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        let composer = SceneComposer(campaign: campaign, options: FrameOptions(width: parts[0], height: parts[1]))
        let scene = try scene("2016-02-24", parts[0], parts[1], composer: composer)
        let named = Set(
            scene.items.compactMap { item -> String? in
                guard item.layer == .labels || item.layer == .legend,
                    item.id.hasPrefix("label:") || item.id.hasPrefix("key:")
                else { return nil }
                return String(item.id.split(separator: ":")[1])
            })
        let missing = composer.visiblePlaces.map(\.id).filter { !named.contains($0) }
        #expect(missing.isEmpty, "\(size): no label or key entry for \(missing)")
    }

    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func everyNumberedChangeHasItsBadgeAndEntry(size: String) throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        for day in Self.days {
            let scene = try scene(day, parts[0], parts[1])
            let entries = Set(
                scene.items.compactMap { item -> String? in
                    guard item.id.hasPrefix("changes:"), item.id.hasSuffix(":badge") else { return nil }
                    return String(item.id.split(separator: ":")[1])
                })
            var onMap: Set<String> = []
            for item in scene.items where item.id.hasPrefix("change:") && item.id.hasSuffix(":number") {
                if case .text(let t) = item.symbol { onMap.formUnion(t.text.split(separator: ",").map(String.init)) }
            }
            #expect(entries == onMap, "\(size) \(day): panel \(entries.sorted()), map \(onMap.sorted())")
        }
    }

    /// The scale bar's numbers never run into each other, in either built-in campaign at any size.
    @Test(arguments: sizes.map { "\($0.0)x\($0.1)" })
    func scaleBarNumbersStayApart(size: String) throws {
        let (w, h) = (Int(size.split(separator: "x")[0])!, Int(size.split(separator: "x")[1])!)
        for campaign in [campaign, try CampaignLoader.builtin("kharkiv-2022")] {
            let composer = SceneComposer(campaign: campaign, options: FrameOptions(width: w, height: h))
            let scene = composer.scene(for: try campaign.state(on: campaign.info.start))
            let labels = scene.items.compactMap { item -> Rect? in
                guard item.id.hasPrefix("scale:label:"), case .text(let t) = item.symbol else { return nil }
                return t.bounds
            }
            #expect(labels.count >= 2, "\(campaign.info.id) at \(size)")
            for (i, a) in labels.enumerated() {
                for b in labels[(i + 1)...] {
                    #expect(!a.intersects(b), "\(campaign.info.id) at \(size): scale numbers overlap")
                }
            }
        }
    }

    @Test func legendAndBannerStayPutAcrossASequence() throws {
        for (w, h) in [(1600, 1200), (640, 480), (1080, 1920)] {
            let composer = SceneComposer(campaign: campaign, options: FrameOptions(width: w, height: h))
            var seen: [String: Set<Rect>] = [:]
            for day in Self.days {
                for item in try scene(day, w, h, composer: composer).items
                where ["legend:panel", "banner:panel", "route:panel"].contains(item.id) {
                    if case .rect(let r, _, _) = item.symbol { seen[item.id, default: []].insert(r) }
                }
            }
            for (id, rects) in seen { #expect(rects.count == 1, "\(w)x\(h): \(id) takes \(rects.count) sizes") }
        }
    }

    @Test func textScalesWithTheFrame() throws {
        func titleSize(_ w: Int, _ h: Int) throws -> Double {
            let item = try #require(try scene("2016-02-23", w, h).item("title"))
            guard case .text(let t) = item.symbol else { throw Failure() }
            return t.font.size
        }
        let base = try titleSize(1600, 1200)
        #expect(abs(try titleSize(3840, 2160) - base * 1.8) < 0.5, "a 4K slide is 1.8 times the default")
        #expect(try titleSize(640, 480) >= 12, "a thumbnail's title stays legible")
    }

    /// Found with a 10,000-place campaign: thousands of names without room made a key past "zz" and crashed.
    /// A crowded frame keys at most `PlaceKey.capacity` names and leaves the rest unnamed, without overlap.
    @Test func aCrowdedFrameKeysAFewNamesAndLeavesTheRest() throws {
        let folder = try testlandCopy(editing: "gazetteer.geojson") { text in
            var extra = ""
            for i in 0..<900 {
                let lon = 10.2 + Double(i % 30) * 0.016
                let lat = 50.3 + Double(i / 30) * 0.018
                extra += """
                      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [\(lon), \(lat)]},
                       "properties": {"id": "crowd-\(i)", "name": "Crowded Village \(i)", "aliases": [], "kind": "village", "source": "script", "confidence": "exact"}},

                    """
            }
            return text.replacingOccurrences(
                of: #"{"type": "FeatureCollection", "features": ["#,
                with: #"{"type": "FeatureCollection", "features": ["# + "\n" + extra)
        }
        let campaign = try CampaignLoader.load(folder: folder)
        for (w, h) in [(640, 480), (400, 300)] {
            let composer = SceneComposer(campaign: campaign, options: FrameOptions(width: w, height: h))
            let scene = composer.scene(for: try campaign.state(on: try #require(Day("2020-01-03"))))
            let keyed = scene.items.filter { $0.id.hasPrefix("key:") }
            #expect(keyed.count <= PlaceKey.capacity)
            #expect(!composer.unlabelled.isEmpty, "900 villages in a thumbnail cannot all be named")
            let b = Self.boxes(scene)
            #expect(Self.overlaps(b.labels, b.labels, same: true).isEmpty)
            // The legend, grown by the key, stays below the banner.
            let legend = try #require(b.furniture.first { $0.0 == "legend:panel" }?.1)
            let banner = try #require(b.furniture.first { $0.0 == "banner:panel" }?.1)
            #expect(!legend.intersects(banner), "\(w)x\(h): the legend runs over the banner")
        }
    }

    struct Failure: Error {}
}
