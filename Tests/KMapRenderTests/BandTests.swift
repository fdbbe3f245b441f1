import Foundation
import KMapCampaign
import KMapTestSupport
import KMapTimeline
import Testing
@testable import KMapRender

/// A frame drawn in two bands at once (`renderInBands`) is byte for byte the frame drawn whole on one thread,
/// with either PNG writer; a band leaves out only items that cannot reach it.
@Suite struct BandTests {
    /// The same frame with 1 and 2 threads, each on a new workspace: the files must be identical.
    static func expectBandsAreWhole(_ scene: Scene, scale: Double = 1, _ name: String) throws {
        #expect(FastPNGEncoder.partRows(width: Int(scene.width * scale), height: Int(scene.height * scale)).count == 2, "\(name): too small to be cut")
        for writer in PNGWriter.allCases {
            let whole = try CairoSceneRenderer.renderPNG(scene, scale: scale, pngWriter: writer, threads: 1, in: FrameWorkspace())
            let bands = try CairoSceneRenderer.renderPNG(scene, scale: scale, pngWriter: writer, threads: 2, in: FrameWorkspace())
            let same = whole == bands  // a Bool: on failure #expect would diff two large arrays
            #expect(same, "\(name), \(writer) writer: the frame drawn in bands differs from the whole frame")
        }
    }

    static let configurations: [(name: String, options: FrameOptions, scale: Double)] = [
        ("opaque", FrameOptions(), 1),
        ("transparent", FrameOptions(transparent: true), 1),
        ("transparent with zones", FrameOptions(transparent: true, zoneRadiusKm: 5), 1),
        ("zones at 2x", FrameOptions(width: 800, height: 600, zoneRadiusKm: 5), 2),
        ("Arabic labels at 1.5x", FrameOptions(width: 800, height: 600, labels: .both), 1.5),
    ]

    @Test(arguments: 0..<configurations.count) func khanasirFramesInBandsAreWholeFrames(_ c: Int) throws {
        let (name, options, scale) = Self.configurations[c]
        for (k, scene) in try StaticLayerTests.sequence(options, from: "2016-02-21", days: 12).enumerated() where k % 3 == 0 || c == 0 {
            try Self.expectBandsAreWhole(scene, scale: scale, "\(name), day \(k)")
        }
    }

    @Test func referenceFramesInBandsAreWholeFrames() throws {
        for (k, scene) in try StaticLayerTests.referenceSequence(frames: 3).enumerated() {
            #expect(CairoSceneRenderer.bandReach(scene, scale: 1) != nil)
            try Self.expectBandsAreWhole(scene, "reference frame \(k)")
        }
    }

    /// Random scenes crowded about the cut between the bands: every symbol, text of one and several lines,
    /// Arabic, halos, dashes, transparency, and items that are not finite or lie far outside the frame.
    @Test(arguments: 0..<12) func randomScenesInBandsAreWholeFrames(seed: Int) throws {
        var random = SplitMix64(seed: 0xBA2D + UInt64(seed))
        let scale = [1.0, 1.5, 2.0][seed % 3]
        let width = 640.0, height = 480.0
        func colour() -> Color {
            Color(r: Double(random.below(256)) / 255, g: Double(random.below(256)) / 255, b: Double(random.below(256)) / 255, a: [1, 1, 0.5, 0.15][random.below(4)])
        }
        func point() -> Point {
            let y = random.below(3) == 0 ? Double(random.below(Int(height))) : height / 2 + Double(random.below(8000)) / 100 - 40
            return Point(x: Double(random.below(Int(width))) + Double(random.below(100)) / 100, y: y)
        }
        var items: [SceneItem] = []
        for i in 0..<60 {
            let symbol: Symbol
            // Seeds 3, 7 and 11 add items that are not finite or lie far away: those frames are drawn whole.
            switch random.below(seed % 4 == 3 ? 6 : 5) {
            case 0:
                let ring = (0..<(3 + random.below(4))).map { _ in point() }
                symbol = .polygon(rings: [ring], fill: colour(), stroke: random.below(2) == 0 ? Stroke(color: colour(), width: 2) : nil)
            case 1:
                symbol = .polyline(points: (0..<(2 + random.below(4))).map { _ in point() }, stroke: Stroke(color: colour(), width: Double(1 + random.below(6)), dash: random.below(2) == 0 ? [6, 3] : []))
            case 2:
                let p = point()
                symbol = .rect(Rect(x: p.x, y: p.y, width: Double(random.below(200)), height: Double(random.below(60))), fill: colour(), stroke: nil)
            case 3:
                symbol = .marker(Marker(
                    shape: random.pick(MarkerShape.allCases), center: point(), radius: Double(3 + random.below(9)), fill: colour(),
                    splitFill: random.below(3) == 0 ? colour() : nil, stroke: Stroke(color: colour(), width: 1.5), ring: random.below(3) == 0 ? colour() : nil,
                    hollow: random.below(3) == 0 ? colour() : nil, highlight: random.below(3) == 0 ? colour() : nil))
            case 4:
                let text = random.pick(["Khanasir", "Rasm al-Nafal", "خناصر", "Jabal\nal-Hass", "Tall\nAbu Sal\nJabbul", "Ithriyah – Khanasir road"])
                let font = Font(family: random.pick(["DejaVu Sans", "Noto Sans"]), size: Double(8 + random.below(30)), bold: random.below(2) == 0, italic: random.below(4) == 0)
                symbol = .text(TextItem(text: text, origin: point(), font: font, color: colour(), halo: random.below(2) == 0 ? colour() : nil, bounds: Rect(x: 0, y: 0, width: 0, height: 0)))
            default:
                // Not finite, or far away: drawn in every band (or by Cairo, nowhere).
                let odd = [Point(x: .nan, y: 240), Point(x: 1e9, y: -1e9), Point(x: 320, y: .infinity)]
                symbol = .polyline(points: [point(), random.pick(odd)], stroke: Stroke(color: colour(), width: 3))
            }
            items.append(SceneItem(id: "item\(i)", layer: .markers, symbol: symbol))
        }
        let scene = Scene(width: width, height: height, background: random.below(3) == 0 ? nil : colour(), items: items, title: "bands", subject: "test")
        #expect((CairoSceneRenderer.bandReach(scene, scale: scale) == nil) == (seed % 4 == 3), "bands are used unless an item is wild")
        try Self.expectBandsAreWhole(scene, scale: scale, "seed \(seed) at \(scale)x")
    }

    /// Haloed Noto Sans labels at scales whose products with the frame's coordinates land on Cairo's rounding
    /// ties (2.5x, 3x): where moving a band up by whole rows once changed the last bit of some pixels.
    @Test(arguments: [2.5, 3.0]) func notoLabelsAtOddScalesInBandsAreWholeFrames(scale: Double) throws {
        var random = SplitMix64(seed: 0x2B5 + UInt64(scale * 10))
        var items: [SceneItem] = []
        for i in 0..<100 {
            let origin = Point(x: Double(random.below(60_000)) / 100, y: Double(random.below(48_000)) / 100 + Double(random.below(1000)) / 7919)
            let t = TextItem(text: random.pick(["x", "Khanasir", "Tall Abu Sal", "خناصر"]), origin: origin, font: Font(family: "Noto Sans", size: 9),
                color: .black, halo: .white, bounds: Rect(x: 0, y: 0, width: 0, height: 0))
            items.append(SceneItem(id: "t\(i)", layer: .labels, symbol: .text(t)))
        }
        let scene = Scene(width: 640, height: 480, background: Color(r: 0.95, g: 0.94, b: 0.92), items: items, title: "noto", subject: "test")
        try Self.expectBandsAreWhole(scene, scale: scale, "Noto Sans labels at \(scale)x")
    }

    /// The top half opaque and the bottom half not: the part written as RGB is written again as RGBA, and the
    /// file decodes to Cairo's pixels.
    @Test func halfOpaqueFramesAreOneColourType() throws {
        let items = [SceneItem(id: "top", layer: .zones, symbol: .rect(Rect(x: 0, y: 0, width: 640, height: 200), fill: Color(r: 0.2, g: 0.5, b: 0.7, a: 1), stroke: nil))]
        let scene = Scene(width: 640, height: 480, background: nil, items: items, title: "half", subject: "test")
        try Self.expectBandsAreWhole(scene, "half opaque")
        let fast = try CairoSceneRenderer.renderPNG(scene, scale: 1, pngWriter: .fast, threads: 2, in: FrameWorkspace())
        let cairo = try CairoSceneRenderer.renderPNG(scene, scale: 1, pngWriter: .cairo, in: FrameWorkspace())
        #expect(fast[25] == 6, "RGBA")
        #expect(try RasterImage(png: fast).pixels == RasterImage(png: cairo).pixels)
    }

    /// The rows a text item is given cover its ink as Pango draws it, for fonts, sizes, scripts and lines.
    @Test func textReachCoversItsInk() throws {
        let stacked = "e" + String(repeating: "\u{301}", count: 14), under = "a" + String(repeating: "\u{316}\u{317}", count: 8)
        let zalgo = "K\u{30D}\u{30E}\u{304}\u{305}\u{33F}\u{311}\u{306}\u{310}\u{352}\u{357}\u{351}h\u{316}\u{317}\u{318}\u{319}\u{31C}\u{31D}\u{31E}"
        for text in ["Khanasir", "خناصر", "Jabal\nal-Hass", "A\n\nB\nC", "ÉÇÅ gjpqy", "Tall\u{2028}Abu", stacked, under, zalgo, "ﷺ ﷽", "خَنَاصِر"] {
            for (size, family) in [(6.0, "DejaVu Sans"), (13, "Noto Sans"), (20, "DejaVu Sans"), (40, "Noto Sans"), (90, "DejaVu Sans")] {
                for scale in [1.0, 2.0] {
                    let t = TextItem(text: text, origin: Point(x: 10, y: 300), font: Font(family: family, size: size, bold: true), color: .black, halo: .white, bounds: Rect(x: 0, y: 0, width: 0, height: 0))
                    let item = SceneItem(id: "t", layer: .labels, symbol: .text(t))
                    let reach = try #require(item.verticalReach(scale: scale))
                    let ink = try #require(item.conservativeBounds(scale: scale))  // measured with Pango, halo included
                    #expect(reach.lowerBound <= ink.y * scale && reach.upperBound >= (ink.y + ink.height) * scale, "\(text) at \(size) px, \(scale)x")
                }
            }
        }
    }
}
