import KMapCompose
import KMapRender
import Testing

@testable import KMapSequence

/// The frame digest tells scenes apart by every field, and is the same in every process.
@Suite struct FrameDigestTests {
    static func scene(_ items: [SceneItem]) -> Scene {
        Scene(
            width: 400, height: 300, background: .white, items: items, title: "t", subject: "s",
            metadata: [.init("Day", "2020-01-01")])
    }

    static func polygon(_ rings: [[Point]]) -> SceneItem {
        SceneItem(id: "zone", layer: .zones, symbol: .polygon(rings: rings, fill: .black, stroke: nil))
    }

    static func marker(split: Color?, ring: Color?) -> SceneItem {
        SceneItem(
            id: "place:a", layer: .markers,
            symbol: .marker(
                Marker(
                    shape: .circle, center: Point(x: 1, y: 2), radius: 5, fill: .black, splitFill: split,
                    stroke: Stroke(color: .black, width: 1), ring: ring)))
    }

    func digest(_ items: [SceneItem]) -> String { FrameDigest.of(Self.scene(items), format: .png) }

    @Test func whereAListEndsAndWhichOptionalIsSetAreBothHashed() {
        let a = Point(x: 1, y: 1)
        let b = Point(x: 2, y: 2)
        let c = Point(x: 3, y: 3)
        #expect(digest([Self.polygon([[a, b], [c]])]) != digest([Self.polygon([[a], [b, c]])]))
        #expect(digest([Self.polygon([[a, b, c]])]) != digest([Self.polygon([[a, b], [c]])]))
        #expect(digest([Self.marker(split: .white, ring: nil)]) != digest([Self.marker(split: nil, ring: .white)]))
        #expect(digest([Self.marker(split: .white, ring: nil)]) == digest([Self.marker(split: .white, ring: nil)]))
    }

    /// Words are folded in whole: changes confined to their high bits (a sign) or past a string's first eight
    /// bytes must still tell scenes apart, also when two of them could cancel.
    @Test func highBitsAndLongTextsCount() {
        let a = Point(x: 1, y: 2)
        let b = Point(x: 3, y: 4)
        let flipped = [Point(x: -1, y: 2), Point(x: -3, y: 4)]
        #expect(digest([Self.polygon([[a, b]])]) != digest([Self.polygon([flipped])]))
        #expect(
            digest([Self.polygon([[a, b]])]) != digest([Self.polygon([[Point(x: 1, y: -2), Point(x: 3, y: -4)]])]))
        func text(_ s: String) -> SceneItem {
            SceneItem(
                id: "t", layer: .labels,
                symbol: .text(
                    TextItem(
                        text: s, origin: a, font: Font(family: "DejaVu Sans", size: 12), color: .black,
                        bounds: Rect(x: 0, y: 0, width: 1, height: 1))))
        }
        #expect(digest([text("place:synthetic-00001")]) != digest([text("place:synthetic-00002")]))
        #expect(digest([text("Khanasir")]) != digest([text("Khanasir ")]))
    }

    @Test func everyPartOfTheSceneCounts() {
        var scene = Self.scene([Self.marker(split: nil, ring: nil)])
        let base = FrameDigest.of(scene, format: .png)
        #expect(FrameDigest.of(scene, format: .svg) != base)
        #expect(FrameDigest.of(scene, format: .png, encoding: "scale 2") != base)
        scene.items[0].title = "Alpha"
        #expect(FrameDigest.of(scene, format: .png) != base)
        scene = Self.scene([Self.marker(split: nil, ring: nil)])
        scene.metadata = []
        #expect(FrameDigest.of(scene, format: .png) != base)
        scene = Self.scene([Self.marker(split: nil, ring: nil)])
        scene.items[0].layer = .labels
        #expect(FrameDigest.of(scene, format: .png) != base)
    }

    /// The digest feeds fields one by one (`SceneDigest.swift`): a field added to a scene type must be fed too, or
    /// a frame that changes only in it would be kept on a re-run.
    @Test func theDigestKnowsEveryStoredFieldOfTheScene() {
        let marker = Marker(
            shape: .circle, center: Point(x: 0, y: 0), radius: 1, fill: .black, stroke: Stroke(color: .black, width: 1))
        let font = Font(family: "DejaVu Sans", size: 12)
        let text = TextItem(
            text: "a", origin: Point(x: 0, y: 0), font: font, color: .black,
            bounds: Rect(x: 0, y: 0, width: 1, height: 1))
        let item = SceneItem(id: "a", layer: .markers, symbol: .marker(marker))
        let fed: [(Any, [String])] = [
            (Self.scene([item]), ["width", "height", "background", "items", "title", "subject", "metadata"]),
            (Scene.Metadata("k", "v"), ["key", "value"]),
            (item, ["id", "layer", "symbol", "title"]),
            (
                marker,
                ["shape", "center", "radius", "fill", "splitFill", "stroke", "ring", "hollow", "highlight", "scale"]
            ),
            (Stroke(color: .black, width: 1), ["color", "width", "dash"]),
            (font, ["family", "size", "bold", "italic"]),
            (text, ["text", "origin", "font", "color", "halo", "haloWidth", "bounds"]),
            (Point(x: 0, y: 0), ["x", "y"]),
            (Rect(x: 0, y: 0, width: 1, height: 1), ["x", "y", "width", "height"]),
            (Color.black, ["r", "g", "b", "a"]),
            (
                MaskImage(
                    frame: Rect(x: 0, y: 0, width: 1, height: 1), columns: 1, rows: 1, coverage: [9], color: .black),
                ["frame", "columns", "rows", "coverage", "color"]
            ),
        ]
        for (value, fields) in fed {
            #expect(
                Mirror(reflecting: value).children.map { $0.label ?? "?" } == fields,
                "\(type(of: value)) changed: feed its new fields in SceneDigest.swift")
        }
    }

    /// Pinned, so that a digest never depends on the process (Swift's `Hasher` does) and a change of the
    /// encoding is a decision (it re-renders every kept frame).
    @Test func theDigestOfAFixedSceneIsPinned() {
        #expect(
            digest([Self.marker(split: .white, ring: nil), Self.polygon([[Point(x: 0, y: 0), Point(x: 4, y: 3)]])])
                == "1b09f7a7c089ff39")
    }
}
