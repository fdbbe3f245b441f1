import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// A campaign's terrain raster: read through GDAL, shaded, placed under the map at the frame's resolution,
/// drawn the same by every backend, credited; a wrong file is refused with its name and the fix.
@Suite struct TerrainTests {
    static let day = Day("2020-01-03")!

    /// Where the hill's flank turned from the north-west light lies (south-east of the top), where the flank
    /// facing the light lies, and a point of the plain far from the hill.
    static let shadedFlank = Coordinate(lon: TerrainFixture.hill.lon + 0.028, lat: TerrainFixture.hill.lat - 0.018)
    static let litFlank = Coordinate(lon: TerrainFixture.hill.lon - 0.028, lat: TerrainFixture.hill.lat + 0.018)
    static let plain = Coordinate(lon: 10.85, lat: 50.75)

    static func scene(_ folder: String, options: FrameOptions = FrameOptions()) throws -> (SceneComposer, Scene) {
        let campaign = try CampaignLoader.load(folder: folder)
        let composer = SceneComposer(campaign: campaign, options: options)
        return (composer, composer.scene(for: try campaign.state(on: day)))
    }

    /// The frame of the hill DEM campaign (its folder removed once loaded: the campaign is all in memory).
    static func demScene(options: FrameOptions = FrameOptions()) throws -> (SceneComposer, Scene) {
        let folder = try TerrainFixture.demCampaign()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try scene(folder, options: options)
    }

    static func mask(_ scene: Scene) throws -> MaskImage {
        guard case .image(let m) = try #require(scene.item("terrain")).symbol else {
            Issue.record("the terrain item is not an image")
            throw CancellationError()
        }
        return m
    }

    /// The coverage of the mask's cell under `c`.
    static func coverage(_ m: MaskImage, at c: Coordinate, _ projection: Projection) -> Int {
        let p = projection.project(c)
        let column = Int(((p.x - m.frame.x) / m.frame.width * Double(m.columns)).rounded(.down))
        let row = Int(((p.y - m.frame.y) / m.frame.height * Double(m.rows)).rounded(.down))
        return Int(m.coverage[row * m.columns + column])
    }

    @Test func aDEMIsShadedUnderTheMapAtTheFramesResolution() throws {
        let (composer, scene) = try Self.demScene()
        let terrain = try #require(composer.campaign.terrain)
        #expect(terrain.columns == TerrainFixture.cells && terrain.rows == TerrainFixture.cells)
        #expect(terrain.bounds == GeoBounds(minLon: 10, minLat: 50, maxLon: 11, maxLat: 51))
        // First drawn, in a static layer of its own under the context, zones, water and roads.
        #expect(scene.items.first?.id == "terrain")
        #expect(scene.items.first?.layer == .terrain)
        #expect(scene.staticCount >= 1)
        #expect(scene.items.filter { $0.layer == .terrain }.count == 1)
        let m = try Self.mask(scene)
        // Placed over the raster's projected extent, cropped to the map area, on whole pixels, a cell a pixel.
        let area = composer.layout.mapArea
        let west = composer.projection.project(Coordinate(lon: 10, lat: 50.5)).x
        let east = composer.projection.project(Coordinate(lon: 11, lat: 50.5)).x
        #expect(west > area.x && east < area.maxX, "testland's frame is wider than its area")
        #expect(m.frame.x == west.rounded(.down))
        #expect(m.frame.maxX == east.rounded(.up))
        #expect(m.frame.y == area.y.rounded(.down))
        #expect(m.frame.maxY == area.maxY.rounded(.up))
        #expect(Double(m.columns) == m.frame.width && Double(m.rows) == m.frame.height)
        // Shadow on the flank turned from the light, none on the lit flank or the plain.
        #expect(Self.coverage(m, at: Self.shadedFlank, composer.projection) > 40)
        #expect(Self.coverage(m, at: Self.litFlank, composer.projection) == 0)
        #expect(Self.coverage(m, at: Self.plain, composer.projection) == 0)
        #expect(m.color.a > 0 && m.color.a <= 0.6, "quiet: never more than a partial shadow")
        #expect(m.coverage.allSatisfy { $0 < 255 } && m.coverage.contains { $0 > 0 })
    }

    /// On a frame composed in layout units and scaled (`pixelScale` 2 at 3200×2400), a cell is still a device pixel.
    @Test func aLargeFrameGetsOneCellPerDevicePixel() throws {
        let (composer, scene) = try Self.demScene(options: FrameOptions(width: 3200, height: 2400))
        #expect(composer.pixelScale == 2)
        let m = try Self.mask(scene)
        #expect(Double(m.columns) == m.frame.width && Double(m.rows) == m.frame.height)
        #expect(m.frame.x == m.frame.x.rounded() && m.frame.y == m.frame.y.rounded())
        let small = try Self.mask(try Self.demScene().1)
        #expect(abs(m.columns - 2 * small.columns) <= 2 && abs(m.rows - 2 * small.rows) <= 2)
        let png = try RasterImage(png: SceneEncoder.encode(scene, as: .png))
        let at = composer.projection.project(Self.shadedFlank)
        let device = Point(x: at.x * 2, y: at.y * 2)
        var bare = scene
        bare.items.removeAll { $0.id == "terrain" }
        let ground = try #require(try RasterImage(png: SceneEncoder.encode(bare, as: .png)).color(at: device))
        #expect(try #require(png.color(at: device)).r < ground.r - 0.04)
    }

    @Test func theFrameIsDarkerOnlyWhereTheGroundIsShadedAndTheSameEveryTime() throws {
        let folder = try TerrainFixture.demCampaign()
        let (composer, scene) = try Self.scene(folder)
        let png = try SceneEncoder.encode(scene, as: .png)
        #expect(try SceneEncoder.encode(try Self.scene(folder).1, as: .png) == png, "same inputs, same bytes")
        var bare = scene
        bare.items.removeAll { $0.id == "terrain" }
        let with = try RasterImage(png: png)
        let without = try RasterImage(png: SceneEncoder.encode(bare, as: .png))
        let p = composer.projection
        let shaded = try #require(with.color(at: p.project(Self.shadedFlank)))
        let ground = try #require(without.color(at: p.project(Self.shadedFlank)))
        #expect(shaded.r < ground.r - 0.04 && shaded.g < ground.g - 0.04 && shaded.b < ground.b - 0.04)
        for c in [Self.litFlank, Self.plain] {
            #expect(with.color(at: p.project(c)) == without.color(at: p.project(c)))
        }
        // Outside the raster (west of 10°E) the frame is untouched.
        let outside = Point(x: composer.projection.project(Coordinate(lon: 10, lat: 50.5)).x - 5, y: 600)
        #expect(with.color(at: outside) == without.color(at: outside))
    }

    @Test func svgEmbedsTheReliefAndSVGAndPDFShowItAsPNGDoes() throws {
        let (composer, scene) = try Self.demScene()
        let svg = String(decoding: SVGWriter.write(scene), as: UTF8.self)
        let image = try #require(svg.split(separator: "\n").first { $0.hasPrefix("<image id=\"terrain\"") })
        #expect(image.contains("xlink:href=\"data:image/png;base64,"))
        #expect(!svg.contains("href=\"http") && !svg.contains("href=\"file") && !svg.contains("<script"))
        // The embedded PNG decodes to the mask: its colour at each cell's coverage.
        let m = try Self.mask(scene)
        let base64 = try #require(image.split(separator: ",").last?.split(separator: "\"").first)
        let embedded = try RasterImage(png: Array(try #require(Data(base64Encoded: String(base64)))))
        #expect(embedded.width == m.columns && embedded.height == m.rows)
        let probe = composer.projection.project(Self.shadedFlank)
        let cell = (x: Int(probe.x - m.frame.x), y: Int(probe.y - m.frame.y))
        let alpha = try #require(embedded.color(x: cell.x, y: cell.y)).a
        #expect(abs(alpha - Double(m.coverage[cell.y * m.columns + cell.x]) / 255 * m.color.a) < 1.5 / 255)

        let dir = try scratchFolder("terrain-vector")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(svg.utf8).write(to: URL(fileURLWithPath: "\(dir)/f.svg"))
        try Data(SceneEncoder.encode(scene, as: .pdf)).write(to: URL(fileURLWithPath: "\(dir)/f.pdf"))
        try Self.run("rsvg-convert", ["\(dir)/f.svg", "-o", "\(dir)/svg.png"])
        try Self.run("pdftoppm", ["-png", "-r", "96", "-singlefile", "\(dir)/f.pdf", "\(dir)/pdf"])
        let png = try RasterImage(png: SceneEncoder.encode(scene, as: .png))
        for name in ["svg", "pdf"] {
            let other = try RasterImage(png: Array(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(name).png"))))
            for c in [Self.shadedFlank, Self.litFlank, Self.plain] {
                let at = composer.projection.project(c)
                let got = try #require(other.color(at: at))
                let expected = try #require(png.color(at: at))
                #expect(
                    got.isClose(to: expected, tolerance: 6.0 / 255), "\(name) at \(c): \(got.hex) vs \(expected.hex)")
            }
        }
    }

    @Test func aHillshadeIsDrawnAsMadeWithItsMedianAsFlatGround() throws {
        // Grey 180 everywhere (flat), 60 in a square south-east of the hill's place: only the square is shaded.
        let square = (lon: 10.6...10.75, lat: 50.2...50.3)
        let grid = TerrainFixture.grid { lon, lat in square.lon.contains(lon) && square.lat.contains(lat) ? "60" : "180"
        }
        let folder = try TerrainFixture.campaign(kind: "hillshade") {
            try TerrainFixture.translate(grid, to: $0, ["-of", "GTiff", "-a_srs", "EPSG:4326", "-ot", "Byte"])
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (composer, scene) = try Self.scene(folder)
        #expect(composer.campaign.terrain?.neutral == 180)
        let m = try Self.mask(scene)
        let inside = Coordinate(lon: 10.675, lat: 50.25)
        #expect(Self.coverage(m, at: inside, composer.projection) == Int((120.0 / 180 * 255).rounded()))
        #expect(Self.coverage(m, at: Self.plain, composer.projection) == 0)
    }

    @Test func framesCreditTheReliefOnlyWhenTheyDrawIt() throws {
        let (_, scene) = try Self.demScene()
        guard case .text(let credit)? = scene.item("attribution")?.symbol else {
            Issue.record("no attribution")
            return
        }
        #expect(credit.text.contains("Relief: The test script"))
        let (_, plain) = try Self.scene(testlandPath)
        #expect(plain.items.allSatisfy { $0.layer != .terrain })
        guard case .text(let none)? = plain.item("attribution")?.symbol else { return }
        #expect(!none.text.contains("Relief"))
    }

    @Test func aReportPageScalesTheReliefWithTheMap() throws {
        let (_, scene) = try Self.demScene()
        let m = try Self.mask(scene)
        let placed = scene.items(placedIn: Rect(x: 10, y: 20, width: 800, height: 600), idPrefix: "map:")
        guard case .image(let p)? = placed.first(where: { $0.id == "map:terrain" })?.symbol else {
            Issue.record("the placed scene lost its relief")
            return
        }
        #expect(p.coverage == m.coverage)
        #expect(abs(p.frame.width - m.frame.width / 2) < 1e-9 && abs(p.frame.x - (10 + m.frame.x / 2)) < 1e-9)
    }

    /// The kept clipping script turns a DEM in another coordinate system into a terrain.tif kmap reads, the same
    /// bytes every run, covering the frame, with the hill where it was.
    @Test func theClipScriptMakesARasterKmapReads() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let script = repo.appendingPathComponent("Scripts/data/clip-terrain").path
        let dir = try scratchFolder("clip-terrain")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try TerrainFixture.translate(
            TerrainFixture.demGrid(), to: "\(dir)/dem.tif", ["-of", "GTiff", "-a_srs", "EPSG:4326", "-ot", "Float32"])
        try Self.run("gdalwarp", ["-q", "-t_srs", "EPSG:32632", "-r", "bilinear", "\(dir)/dem.tif", "\(dir)/utm.tif"])
        var outputs: [Data] = []
        var folder = ""
        var folders: [String] = []
        defer { for f in folders { try? FileManager.default.removeItem(atPath: f) } }
        for _ in 0..<2 {
            folder = try TerrainFixture.campaign { path in
                try Self.run(
                    script,
                    ["\(dir)/utm.tif", URL(fileURLWithPath: path).deletingLastPathComponent().path, "--cells", "600"])
            }
            folders.append(folder)
            outputs.append(try #require(FileManager.default.contents(atPath: "\(folder)/terrain.tif")))
        }
        #expect(outputs[0] == outputs[1])
        let (composer, scene) = try Self.scene(folder)
        let bounds = try #require(composer.campaign.terrain?.bounds)
        let view = try #require(composer.campaign.info.view)
        #expect(bounds.minLon < view.minLon && bounds.maxLon > view.maxLon)
        #expect(bounds.minLat < view.minLat && bounds.maxLat > view.maxLat)
        let m = try Self.mask(scene)
        #expect(Self.coverage(m, at: Self.shadedFlank, composer.projection) > 40)
        #expect(Self.coverage(m, at: Self.litFlank, composer.projection) == 0)
    }

    /// A raster kmap must refuse, how the test makes it, and what the message must say.
    struct BadRaster: Sendable, CustomStringConvertible {
        let description: String
        let kind: String
        let options: [String]?
        let expected: [String]
    }

    static let badRasters = [
        BadRaster(
            description: "a text file", kind: "dem", options: nil, expected: ["not a GeoTIFF", "gdal_translate"]),
        BadRaster(
            description: "a PNG", kind: "dem", options: ["-of", "PNG"], expected: ["not a GeoTIFF", "-of GTiff"]),
        BadRaster(
            description: "a TIFF without georeference", kind: "dem",
            options: ["-of", "GTiff", "-co", "PROFILE=BASELINE"], expected: ["no georeference", "-a_ullr"]),
        BadRaster(
            description: "a GeoTIFF without a coordinate system", kind: "dem", options: ["-of", "GTiff"],
            expected: ["no coordinate system", "-a_srs EPSG:4326"]),
        BadRaster(
            description: "a GeoTIFF in UTM", kind: "dem",
            options: ["-of", "GTiff", "-a_srs", "EPSG:32632", "-a_ullr", "500000", "5600000", "560000", "5540000"],
            expected: ["EPSG:32632", "gdalwarp -t_srs EPSG:4326"]),
        BadRaster(
            description: "a GeoTIFF of somewhere else", kind: "dem",
            options: ["-of", "GTiff", "-a_srs", "EPSG:4326", "-a_ullr", "120", "10", "121", "9"],
            expected: ["misses the campaign's area", "Scripts/data/clip-terrain"]),
        BadRaster(
            description: "heights declared as a hillshade", kind: "hillshade",
            options: ["-of", "GTiff", "-a_srs", "EPSG:4326", "-ot", "Float32"], expected: ["Float32", "kind: dem"]),
    ]

    @Test func aTruncatedGeoTIFFIsToldApartFromAnotherFormat() throws {
        let folder = try TerrainFixture.demCampaign()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/terrain.tif"
        let whole = try #require(FileManager.default.contents(atPath: path))
        try whole.prefix(200).write(to: URL(fileURLWithPath: path))
        do {
            _ = try CampaignLoader.load(folder: folder)
            Issue.record("a truncated GeoTIFF was accepted")
        } catch .invalid(let findings) {
            let message = try #require(findings.first { $0.severity == .error }).message
            #expect(message.contains("is a TIFF that GDAL cannot read") && message.contains("is the file complete?"))
            #expect(!message.contains("/vsimem/"), "GDAL's own name for the file is not the user's: \(message)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test(arguments: badRasters)
    func aBadRasterIsRefusedWithItsFileAndTheFix(_ bad: BadRaster) throws {
        let folder = try TerrainFixture.campaign(kind: bad.kind) { path in
            if let options = bad.options {
                try TerrainFixture.translate(TerrainFixture.demGrid(), to: path, options)
            } else {
                try "not a raster\n".write(toFile: path, atomically: true, encoding: .utf8)
            }
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try CampaignLoader.load(folder: folder)
            Issue.record("\(bad) was accepted")
        } catch .invalid(let findings) {
            let errors = findings.filter { $0.severity == .error }
            #expect(errors.count == 1, "\(errors)")
            let finding = try #require(errors.first)
            #expect(finding.file == "\(folder)/terrain.tif")
            for text in bad.expected { #expect(finding.message.contains(text), "\(bad): \(finding.message)") }
        } catch {
            Issue.record("\(bad): \(error)")
        }
    }

    /// Runs a tool installed by Scripts/setup (or a script by its path); fails the test when it is missing.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let path = [tool, "/usr/bin/\(tool)", "/usr/local/bin/\(tool)"].first {
            $0.hasPrefix("/") && FileManager.default.isExecutableFile(atPath: $0)
        }
        let executable = try #require(path, "\(tool) is missing: run Scripts/setup")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments) failed")
    }
}
