import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCompose

/// Place kinds beyond settlements (issue 16): airbases, bases, citadels, bridges… each with its own symbol
/// and a legend entry.
@Suite struct PlaceKindTests {
    @Test func everyKindHasItsOwnSymbolAndLabel() {
        // Settlements share the circle (sized by importance); a citadel is drawn as a landmark.
        let sharing: [Set<PlaceKind>] = [[.city, .town, .village], [.citadel, .landmark]]
        for a in PlaceKind.allCases {
            #expect(
                !Symbology.label(for: a).isEmpty && Symbology.radius(for: a) > 0 && Symbology.shape(for: a) != .cutBadge
            )
            for b in PlaceKind.allCases where a != b && Symbology.shape(for: a) == Symbology.shape(for: b) {
                #expect(
                    sharing.contains { $0.contains(a) && $0.contains(b) },
                    "\(a) and \(b) share \(Symbology.shape(for: a))")
            }
            for b in PlaceKind.allCases where a != b { #expect(Symbology.label(for: a) != Symbology.label(for: b)) }
        }
        #expect(PlaceKind.airbase.labelPriority > PlaceKind.village.labelPriority)
    }

    @Test(arguments: MarkerShape.allCases)
    func outlinesAreClosedShapesAroundTheirCentre(_ shape: MarkerShape) {
        let m = Marker(
            shape: shape, center: Point(x: 100, y: 50), radius: 8, fill: Color(hex: "#e3242b")!,
            stroke: Stroke(color: Color(hex: "#000000")!, width: 1))
        switch m.outline() {
        case .circle(let c, let r): #expect(c == m.center && r == 8)
        case .polygon(let points):
            #expect(points.count >= 3)
            for p in points { #expect(abs(p.x - 100) <= 8 * 1.25 && abs(p.y - 50) <= 8 * 1.25, "\(shape): \(p)") }
            #expect(Set(points.map { "\($0.x),\($0.y)" }).count == points.count, "no repeated vertex")
        }
    }

    @Test func newKindsLoadAndShowInTheLegend() throws {
        let folder = try testlandCopy(editing: "gazetteer.geojson") {
            $0.replacingOccurrences(
                of: "\"name\": \"Delta\", \"aliases\": [], \"kind\": \"village\"",
                with: "\"name\": \"Delta\", \"aliases\": [], \"kind\": \"airbase\""
            )
            .replacingOccurrences(
                of: "\"name\": \"Bravo\", \"aliases\": [], \"kind\": \"village\"",
                with: "\"name\": \"Bravo\", \"aliases\": [], \"kind\": \"bridge\"")
        }
        let campaign = try CampaignLoader.load(folder: folder)
        #expect(campaign.gazetteer.place("delta")?.kind == .airbase)
        let scene = SceneComposer(campaign: campaign).scene(
            for: try campaign.state(on: try #require(Day("2020-01-03"))))
        #expect(scene.item("legend:kind:airbase") != nil)
        guard case .marker(let m) = try #require(scene.item("place:delta")).symbol else {
            Issue.record("no marker for delta")
            return
        }
        #expect(m.shape == .star)
    }
}
