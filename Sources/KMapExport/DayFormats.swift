import Foundation
import KMapModel

/// One day's state, the events and the gazetteer in machine formats: `state --format geojson`,
/// `timeline --format json|csv`, `places --format geojson`.
///
/// Scripts and web maps read these; the state's GeoJSON carries the state JSON's fields (docs/STATE-JSON.md)
/// as properties, so one promise covers both.
public enum DayFormats {
    struct Feature<P: Encodable>: Encodable {
        var type = "Feature"
        var geometry: Geometry
        var properties: P
    }

    struct Geometry: Encodable {
        var type: String
        var coordinates: Coordinates
    }

    enum Coordinates: Encodable {
        case point(Coordinate)
        case line([Coordinate])
        case polygon([[Coordinate]])
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .point(let p): try c.encode([p.lon, p.lat])
            case .line(let l): try c.encode(l.map { [$0.lon, $0.lat] })
            case .polygon(let rings): try c.encode(rings.map { $0.map { [$0.lon, $0.lat] } })
            }
        }
    }

    /// Heterogeneous features encoded in order.
    struct AnyFeature: Encodable {
        let encodeBody: (any Encoder) throws -> Void
        init<P: Encodable>(_ f: Feature<P>) { encodeBody = f.encode }
        func encode(to encoder: any Encoder) throws { try encodeBody(encoder) }
    }

    struct Collection: Encodable {
        var type = "FeatureCollection"
        var generator = "kmap"
        var name: String
        var features: [AnyFeature]
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// The state as GeoJSON: a Point per place and a LineString per road, with the state JSON's fields.
    public static func stateGeoJSON(_ document: StateDocument, campaign: Campaign) throws -> String {
        var features = document.places.map { p in
            AnyFeature(
                Feature(
                    geometry: Geometry(type: "Point", coordinates: .point(Coordinate(lon: p.lon, lat: p.lat))),
                    properties: p))
        }
        for r in document.roads {
            guard let road = campaign.gazetteer.road(r.id) else { continue }
            features.append(
                AnyFeature(
                    Feature(geometry: Geometry(type: "LineString", coordinates: .line(road.path)), properties: r)))
        }
        return try encode(
            Collection(name: "\(document.campaign), \(document.day) (\(document.asOf))", features: features))
    }

    /// A road's or an area's properties in the gazetteer's GeoJSON.
    struct Properties: Encodable {
        var feature: String
        var id: String
        var name: String
        var kind: String
        var source: String
        var confidence: String
        var via: [String]? = nil
    }

    /// The gazetteer as GeoJSON: places as Points (with `rows`' properties), roads as LineStrings, areas as Polygons.
    public static func gazetteerGeoJSON<Row: Encodable>(_ gazetteer: Gazetteer, rows: [Row], title: String) throws
        -> String
    {
        var features = zip(gazetteer.places, rows).map { place, row in
            AnyFeature(
                Feature(geometry: Geometry(type: "Point", coordinates: .point(place.coordinate)), properties: row))
        }
        for road in gazetteer.roads {
            let p = Properties(
                feature: "road", id: road.id, name: road.name, kind: "road", source: road.info.source,
                confidence: road.info.confidence.rawValue, via: road.via)
            features.append(
                AnyFeature(
                    Feature(geometry: Geometry(type: "LineString", coordinates: .line(road.path)), properties: p)))
        }
        for area in gazetteer.areas {
            let p = Properties(
                feature: "area", id: area.id, name: area.name, kind: area.kind.rawValue, source: area.info.source,
                confidence: area.info.confidence.rawValue)
            features.append(
                AnyFeature(
                    Feature(geometry: Geometry(type: "Polygon", coordinates: .polygon(area.rings)), properties: p)))
        }
        return try encode(Collection(name: title, features: features))
    }

    /// An event for `timeline --format json`: its fields, its source's url and its instant in ISO 8601.
    public struct EventEntry: Encodable {
        public var id: String
        public var day: String
        public var time: String?
        /// `2016-02-23` (untimed: applies at the end of the day) or `2016-02-23T09:00:00`.
        public var instant: String
        public var places: [String]
        public var unnamed: Int
        public var controller: String?
        public var status: String?
        public var by: [String]
        public var roads: [String]
        public var traffic: String?
        public var confidence: String
        public var source: String
        public var url: String?
        public var quote: String
        public var note: String?
        public var line: Int
    }

    /// The events on the days `first...last` as a JSON array, in the order they apply.
    public static func eventsJSON(_ campaign: Campaign, first: Day? = nil, last: Day? = nil) throws -> String {
        let entries = campaign.timeline.events.filter { $0.day >= (first ?? $0.day) && $0.day <= (last ?? $0.day) }.map
        { e in
            EventEntry(
                id: e.id, day: e.day.description, time: e.time?.description,
                instant: ISOTime.format(e.instant, from: e.day),
                places: e.places, unnamed: e.unnamed, controller: e.controller, status: e.status?.rawValue, by: e.by,
                roads: e.roads,
                traffic: e.traffic?.rawValue, confidence: e.confidence.rawValue, source: e.source,
                url: campaign.info.source(e.source)?.url, quote: e.quote, note: e.note, line: e.line)
        }
        return try encode(entries)
    }
}
