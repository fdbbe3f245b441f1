import KMapModel

/// The history as one GeoJSON FeatureCollection: a Point per place stretch, a LineString per road stretch, and
/// when asked a MultiPolygon per side per stretch of unchanged derived zone (`"derived": true`).
///
/// `start` and `end` are the property names QGIS's Temporal Controller ("separate fields for start and end"),
/// Leaflet.timeline and folium's TimestampedGeoJson read; GDAL loads them as Date or DateTime. Written by hand
/// rather than through `JSONEncoder` so that property order is the documented one and a 100,000-stretch export
/// needs no intermediate tree.
public enum GeoJSONExport {
    /// How the document opens: kmap's mark, which `OutputFile` looks for (a foreign member RFC 7946 allows).
    public static let opening = "{\"type\": \"FeatureCollection\", \"generator\": \"kmap\""

    public static func document(_ s: Stretches, campaign: Campaign, zones: ZoneStretches? = nil) -> String {
        var out = "\(opening), \"name\": \(Escaping.json(campaign.info.title)),\n\"features\": ["
        var first = true
        func feature(_ geometry: String, _ properties: [(String, String)]) {
            out += first ? "\n" : ",\n"
            first = false
            out += "{\"type\": \"Feature\", \"geometry\": \(geometry), \"properties\": {"
            out += properties.map { "\(Escaping.json($0.0)): \($0.1)" }.joined(separator: ", ")
            out += "}}"
        }
        for p in s.places {
            feature(point(p.coordinate), placeProperties(p))
        }
        for r in s.roads {
            feature(lineString(r.path), roadProperties(r))
        }
        for z in zones?.zones ?? [] {
            feature(multiPolygon(z.polygons), zoneProperties(z, radiusKm: zones?.radiusKm ?? 0))
        }
        out += "\n]}\n"
        return out
    }

    static func placeProperties(_ p: Stretches.Place) -> [(String, String)] {
        [
            ("feature", Escaping.json("place")), ("id", Escaping.json(p.id)), ("name", Escaping.json(p.name)),
            ("kind", Escaping.json(p.kind)), ("start", Escaping.json(p.start)), ("end", optional(p.end)),
            ("controller", Escaping.json(p.controller)), ("status", Escaping.json(p.status)),
            ("attacker", optional(p.attacker)),
            ("confidence", Escaping.json(p.confidence)), ("source", Escaping.json(p.source)), ("url", optional(p.url)),
            ("quote", Escaping.json(p.quote)), ("event", optional(p.event)),
        ]
    }

    static func roadProperties(_ r: Stretches.Road) -> [(String, String)] {
        [
            ("feature", Escaping.json("road")), ("id", Escaping.json(r.id)), ("name", Escaping.json(r.name)),
            ("kind", Escaping.json("road")), ("start", Escaping.json(r.start)), ("end", optional(r.end)),
            ("status", Escaping.json(r.status)), ("phase", Escaping.json(r.phase)), ("cutAt", Escaping.json(r.cutAt)),
            ("unnamedCutPoints", String(r.unnamedCutPoints)),
        ]
    }

    /// Named like the place features' fields (`controller`, `start`, `end`) so one temporal setting plays all.
    static func zoneProperties(_ z: ZoneStretches.Zone, radiusKm: Double) -> [(String, String)] {
        [
            ("feature", Escaping.json("zone")), ("id", Escaping.json("zone:\(z.side)")),
            ("kind", Escaping.json("derived-zone")), ("start", Escaping.json(z.start)), ("end", optional(z.end)),
            ("controller", Escaping.json(z.side)), ("derived", "true"), ("radiusKm", Escaping.number(radiusKm)),
        ]
    }

    static func optional(_ s: String?) -> String { s.map(Escaping.json) ?? "null" }

    static func point(_ c: Coordinate) -> String {
        "{\"type\": \"Point\", \"coordinates\": [\(Escaping.number(c.lon)), \(Escaping.number(c.lat))]}"
    }

    static func multiPolygon(_ polygons: [[[Coordinate]]]) -> String {
        func ring(_ r: [Coordinate]) -> String {
            "[" + r.map { "[\(Escaping.number($0.lon)), \(Escaping.number($0.lat))]" }.joined(separator: ", ") + "]"
        }
        let text = polygons.map { "[" + $0.map(ring).joined(separator: ", ") + "]" }.joined(separator: ", ")
        return "{\"type\": \"MultiPolygon\", \"coordinates\": [\(text)]}"
    }

    static func lineString(_ path: [Coordinate]) -> String {
        let coordinates = path.map { "[\(Escaping.number($0.lon)), \(Escaping.number($0.lat))]" }.joined(
            separator: ", ")
        return "{\"type\": \"LineString\", \"coordinates\": [\(coordinates)]}"
    }
}
