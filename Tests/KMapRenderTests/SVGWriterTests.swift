import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// kmap's own SVG: structure a map editor relies on.
@Suite struct SVGWriterTests {
    let campaign: Campaign
    let scene: Scene
    let svg: String

    init() throws {
        campaign = try CampaignLoader.builtin()
        let day = Day("2016-02-24")!
        // The whole area, so that every layer (Lake Jabbul's water too, north of the fitted frame) is present.
        let composer = SceneComposer(campaign: campaign, options: FrameOptions(view: campaign.info.area, labels: .both))
        scene = composer.scene(for: try campaign.state(on: day), previous: campaign.stateBefore(day))
        svg = String(decoding: SVGWriter.write(scene), as: UTF8.self)
    }

    /// Element names and id attributes, from a real XML parser (which also proves the file well-formed).
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var ids: [String] = []
        var groupIDs: [String] = []
        var titles = 0
        var textContent = ""
        var inText = 0
        func parser(
            _ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append(name)
            if let id = attributes["id"] {
                ids.append(id)
                if name == "g" { groupIDs.append(id) }
            }
            if name == "title" { titles += 1 }
            if name == "text" { inText += 1 }
        }
        func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { inText -= 1 }
        }
        func parser(_ p: XMLParser, foundCharacters s: String) { if inText > 0 { textContent += s } }
    }

    func parse() throws -> Collector {
        let parser = XMLParser(data: Data(svg.utf8))
        let c = Collector()
        parser.delegate = c
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        return c
    }

    @Test func hasDocumentMetadataAndPixelSize() {
        #expect(svg.contains("width=\"1600px\" height=\"1200px\" viewBox=\"0 0 1600 1200\""))
        #expect(svg.contains("<title>2016 Khanasir offensive, 24 February 2016</title>"))
        #expect(svg.contains("<desc>"))
    }

    @Test func layersAreNamedGroups() throws {
        let c = try parse()
        for layer in ["water", "roads", "places", "labels", "legend", "furniture", "changes", "road-cuts"] {
            #expect(c.groupIDs.contains(layer), "no <g id=\"\(layer)\">")
        }
        #expect(Set(c.ids).count == c.ids.count, "ids are unique")
    }

    @Test func everyPlaceHasAnIdAndATitle() throws {
        let c = try parse()
        let state = try campaign.state(on: Day("2016-02-24")!)
        for place in campaign.gazetteer.places where scene.item("place:\(place.id)") != nil {
            #expect(c.ids.contains("place-\(place.id)"))
            #expect(state[place.id] != nil)
        }
        #expect(
            svg.contains(
                "<g id=\"place-khanasir\"><title>Khanasir (خناصر): ISIL, contested by Government since 24 February 2016"
            ))
        #expect(c.titles > 30)
    }

    @Test func labelsAreRealTextInBothScripts() throws {
        let c = try parse()
        #expect(c.elements.filter { $0 == "text" }.count > 50)
        #expect(c.textContent.contains("Khanasir"))
        #expect(c.textContent.contains("خناصر"))
        #expect(
            c.textContent.contains("re-entered") && c.textContent.contains("Khanasir and one other village"),
            "the panel's quotes are text too")
        #expect(!svg.contains("<symbol"), "no glyph outlines")
        #expect(svg.contains("font-family=\"'DejaVu Sans', 'Noto Sans', 'Noto Sans Arabic', Arial, sans-serif\""))
    }

    @Test func twoWritesAreIdentical() {
        #expect(SVGWriter.write(scene) == Array(svg.utf8))
    }

    @Test func escapesAndNumbers() {
        #expect(SVGWriter.escape("a<b & \"c\">") == "a&lt;b &amp; &quot;c&quot;&gt;")
        #expect(SVGWriter.n(1.0) == "1" && SVGWriter.n(2.345) == "2.35" && SVGWriter.n(-0.001) == "0")
        #expect(SVGWriter.xmlID("place:khanasir") == "place-khanasir")
    }
}

/// PNG text chunks: what a file says about itself.
@Suite struct PNGMetadataTests {
    @Test func pngFilesCarryTitleDaySourceAndSoftware() throws {
        let campaign = try CampaignLoader.builtin()
        let day = Day("2016-02-23")!
        let scene = SceneComposer(campaign: campaign).scene(for: try campaign.state(on: day))
        let png = try SceneEncoder.encode(scene, as: .png)
        let text = String(decoding: png.prefix(2000), as: UTF8.self)
        #expect(text.contains("tEXtTitle\u{0}2016 Khanasir offensive, 23 February 2016"))
        #expect(text.contains("tEXtDay\u{0}2016-02-23"))
        #expect(text.contains("tEXtSoftware\u{0}kmap"))
        #expect(text.contains("Source\u{0}Data: Wikipedia"))
        // A valid PNG (every chunk's CRC is checked by Cairo's reader) with the pixels Cairo's own writer gives.
        #expect(try RasterImage(png: png).pixels == RasterImage(png: CairoSceneRenderer.pngByCairo(scene)).pixels)
    }

    @Test func nonLatinTextGoesInUTF8Chunks() {
        #expect(PNGText.chunk(.init("Title", "خناصر")).type == "iTXt")
        #expect(PNGText.chunk(.init("Title", "Khanasir, 23 février")).type == "tEXt")
    }
}
