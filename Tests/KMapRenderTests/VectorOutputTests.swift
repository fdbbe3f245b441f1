import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// SVG and PDF checked in real renderers (rsvg-convert, pdftoppm; installed by Scripts/setup): they must show
/// the same map as the PNG.
@Suite struct VectorOutputTests {
    /// Runs a tool installed by Scripts/setup; fails the test with a hint when it is missing.
    func runTool(_ tool: String, _ arguments: [String]) throws {
        let path = ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        let executable = try #require(path, "\(tool) is missing: run Scripts/setup")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments) failed")
    }

    @Test(arguments: ["2016-02-23", "2016-02-25"])
    func svgAndPDFShowTheSameColoursAsPNG(_ day: String) throws {
        let campaign = try CampaignLoader.builtin()
        let composer = SceneComposer(campaign: campaign)
        let scene = composer.scene(for: try campaign.state(on: try #require(Day(day))))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kmap-vector-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("f.svg")
        let pdf = dir.appendingPathComponent("f.pdf")
        let cairoSVG = dir.appendingPathComponent("cairo.svg")
        try Data(SVGWriter.write(scene)).write(to: svg)
        try Data(SceneEncoder.encode(scene, as: .svg)).write(to: cairoSVG)
        try Data(SceneEncoder.encode(scene, as: .pdf)).write(to: pdf)
        try runTool("rsvg-convert", [svg.path, "-o", dir.appendingPathComponent("svg.png").path])
        try runTool("rsvg-convert", [cairoSVG.path, "-o", dir.appendingPathComponent("cairo-svg.png").path])
        try runTool("pdftoppm", ["-png", "-r", "96", "-singlefile", pdf.path, dir.appendingPathComponent("pdf").path])

        let png = try RasterImage(png: SceneEncoder.encode(scene, as: .png))
        let fromSVG = try RasterImage(png: Array(try Data(contentsOf: dir.appendingPathComponent("svg.png"))))
        let fromPDF = try RasterImage(png: Array(try Data(contentsOf: dir.appendingPathComponent("pdf.png"))))
        let fromCairoSVG = try RasterImage(
            png: Array(try Data(contentsOf: dir.appendingPathComponent("cairo-svg.png"))))
        #expect(fromSVG.width == 1600 && fromSVG.height == 1200)
        #expect(fromPDF.width == 1600 && fromPDF.height == 1200)
        // Probe every visible place's centre: fills are flat there, whatever the rasteriser's antialiasing.
        for place in composer.visiblePlaces {
            let p = composer.projection.project(place.coordinate)
            let expected = try #require(png.color(at: p))
            for (name, image) in [("kmap svg", fromSVG), ("cairo svg", fromCairoSVG), ("pdf", fromPDF)] {
                let got = try #require(image.color(at: p))
                #expect(
                    got.isClose(to: expected, tolerance: 6.0 / 255),
                    "\(day) \(place.id) in \(name): \(got.hex) vs PNG \(expected.hex)")
            }
        }
    }
}
