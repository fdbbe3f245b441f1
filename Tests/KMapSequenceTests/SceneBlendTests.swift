import KMapRender
import KMapSequence
import KMapTestSupport
import Testing

@testable import KMapCompose

@Suite struct SceneBlendTests {
    let red = Color(hex: "#ff0000")!, black = Color(hex: "#000000")!

    func scene(fill: Color, date: String, badge: Bool) -> Scene {
        var items = [
            SceneItem(
                id: "place:x", layer: .markers,
                symbol: .marker(
                    Marker(
                        shape: .circle, center: Point(x: 50, y: 50), radius: 8, fill: fill,
                        stroke: Stroke(color: black, width: 1)))),
            SceneItem(
                id: "date", layer: .furniture,
                symbol: .text(
                    TextItem(
                        text: date, origin: Point(x: 10, y: 10), font: Font(family: "DejaVu Sans", size: 12),
                        color: black, bounds: Rect(x: 10, y: 0, width: 50, height: 12)))),
        ]
        if badge {
            items.append(
                SceneItem(
                    id: "cut:x", layer: .roadMarks,
                    symbol: .marker(
                        Marker(
                            shape: .cutBadge, center: Point(x: 60, y: 40), radius: 6, fill: red,
                            stroke: Stroke(color: .white, width: 1)))))
        }
        return Scene(width: 100, height: 100, background: .white, items: items, title: date, subject: "")
    }

    func marker(_ s: Scene, _ id: String) -> Marker? {
        if case .marker(let m)? = s.item(id)?.symbol { return m }
        return nil
    }

    @Test func endsAreTheScenesThemselves() {
        let a = scene(fill: red, date: "1 Jan", badge: false)
        let b = scene(fill: black, date: "2 Jan", badge: true)
        #expect(SceneBlend.blend(a, b, t: 0) == a)
        #expect(SceneBlend.blend(a, b, t: 1) == b)
    }

    @Test func aMarkerChangesColourGradually() throws {
        let a = scene(fill: red, date: "1 Jan", badge: false)
        let b = scene(fill: black, date: "2 Jan", badge: false)
        let mid = try #require(marker(SceneBlend.blend(a, b, t: 0.25), "place:x"))
        #expect(mid.fill.isClose(to: Color(r: 0.75, g: 0, b: 0)))
        #expect(SceneBlend.blend(a, b, t: 0.25).items.count == 2, "matched items are mixed, not doubled")
    }

    @Test func aCutBadgeGrowsAndTextSwitchesHalfWay() throws {
        let a = scene(fill: red, date: "1 Jan", badge: false)
        let b = scene(fill: red, date: "2 Jan", badge: true)
        let early = SceneBlend.blend(a, b, t: 0.25)
        let late = SceneBlend.blend(a, b, t: 0.75)
        #expect(try #require(marker(early, "cut:x")).radius == 1.5)
        let texts = { (s: Scene) in s.items.compactMap { if case .text(let t) = $0.symbol { t.text } else { nil } } }
        #expect(texts(early) == ["1 Jan"])
        #expect(texts(late) == ["2 Jan"])
        #expect(early.items.map(\.layer) == early.items.map(\.layer).sorted(), "drawing order stays by layer")
    }
}
