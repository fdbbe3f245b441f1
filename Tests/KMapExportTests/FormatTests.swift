import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapExport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// GeoJSON, KML and CSV: well-formed, complete, and inert whatever the campaign's text says.
@Suite struct FormatTests {
    let campaign: Campaign
    let stretches: Stretches
    init() throws {
        campaign = try CampaignLoader.builtin()
        stretches = Stretches(campaign: campaign)
    }

    @Test func geoJSONHasAFeaturePerStretchWithTimes() throws {
        let text = GeoJSONExport.document(stretches, campaign: campaign)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == stretches.places.count + stretches.roads.count)
        #expect(object["generator"] as? String == "kmap")
        let properties = features.compactMap { $0["properties"] as? [String: Any] }
        #expect(properties.allSatisfy { $0["start"] is String })
        let open = properties.filter { $0["end"] is NSNull }
        #expect(
            open.count == campaign.gazetteer.places.count + campaign.gazetteer.roads.count,
            "one open stretch per feature")
        let roads = features.filter { ($0["geometry"] as? [String: Any])?["type"] as? String == "LineString" }
        #expect(roads.contains { ($0["properties"] as? [String: Any])?["status"] as? String == "cut" })
        #expect(text == GeoJSONExport.document(Stretches(campaign: campaign), campaign: campaign), "deterministic")
    }

    @Test func kmlIsWellFormedWithATimeSpanPerPlacemark() throws {
        let text = KMLExport.document(stretches, campaign: campaign)
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "well-formed: \(String(describing: parser.parserError))")
        #expect(counter.counts["Placemark"] == stretches.places.count + stretches.roads.count)
        #expect(counter.counts["TimeSpan"] == counter.counts["Placemark"])
        #expect(counter.counts["Style"] == campaign.factions.count + 2)
        #expect(KMLExport.kmlColor("#e3242b") == "ff2b24e3")
    }

    @Test func csvHasARowPerStretchAndPerEvent() throws {
        let csv = CSVExport.stretches(stretches)
        #expect(csv.hasPrefix(CSVExport.stretchesHeader + "\r\n"))
        #expect(
            csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + stretches.places.count
                + stretches.roads.count)
        let events = CSVExport.events(campaign)
        #expect(
            events.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + campaign.timeline.events.count)
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1", "'+1"), ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("plain", "plain"), ("a,b", "\"a,b\""), ("line\nbreak", "\"line\nbreak\""), ("\tx", "'\tx"),
    ])
    func csvCellsAreQuotedAndNeverFormulas(_ input: String, _ expected: String) {
        #expect(Escaping.csv(input) == expected)
    }

    @Test func jsonAndXMLEscapingKeepMarkupInert() throws {
        let hostile = "</script><script>alert(\"x\")</script> & 'q' \u{1}\u{2028}"
        let json = Escaping.json(hostile)
        #expect(!json.contains("<"))
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
        #expect(decoded == [hostile])
        let xml = Escaping.xml(hostile)
        #expect(!xml.contains("<") && !xml.contains("\"") && !xml.contains("'") && !xml.contains("\u{1}"))
    }

    @Test func hostileCampaignTextStaysTextInEveryFormat() throws {
        let evil = "<script>alert(1)</script> =cmd|' /C calc'!A0 & \\\"quoted\\\""
        let folder = try testlandCopy(editing: "events.yaml") {
            $0.replacingOccurrences(of: "Black takes Bravo.", with: evil)
        }
        let hostile = try CampaignLoader.load(folder: folder)
        let s = Stretches(campaign: hostile)
        #expect(s.places.contains { $0.quote.hasPrefix("<script>") })
        let geojson = GeoJSONExport.document(s, campaign: hostile)
        #expect(!geojson.contains("<script"))
        _ = try JSONSerialization.jsonObject(with: Data(geojson.utf8))
        let kml = KMLExport.document(s, campaign: hostile)
        #expect(!kml.contains("<script") && !kml.contains("&lt;script"), "descriptions are escaped twice, data once")
        #expect(kml.contains("&amp;lt;script&amp;gt;"))
        let csv = CSVExport.stretches(s) + CSVExport.events(hostile)
        #expect(!csv.contains(",=") && !csv.contains(",\"="))
    }
}

/// Counts XML elements by name.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        counts[name, default: 0] += 1
    }
}
