import KMapModel

/// The history as KML: a placemark per stretch with a `TimeSpan`, so Google Earth shows its time slider.
///
/// Google Earth renders a description as HTML, so campaign text there is escaped twice: once for HTML (what
/// the balloon shows is text, never markup) and once for XML. Names and data values are escaped once.
public enum KMLExport {
    public static func document(_ s: Stretches, campaign: Campaign) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- kmap -->
            <kml xmlns="http://www.opengis.net/kml/2.2">
            <Document>
            <name>\(Escaping.xml(campaign.info.title))</name>
            <description>\(Escaping.xml(Escaping.xml(campaign.info.attribution)))</description>

            """
        for (i, f) in campaign.factions.enumerated() {
            // A faction without a colour of its own gets the palette colour frames give it without a theme's.
            let color = f.color ?? Faction.palette[i % Faction.palette.count]
            out += "<Style id=\"\(styleID(f.id))\"><IconStyle><color>\(kmlColor(color))</color><scale>1.1</scale>"
            out +=
                "<Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle>"
            out += "<LabelStyle><scale>0.8</scale></LabelStyle></Style>\n"
        }
        out += "<Style id=\"road-open\"><LineStyle><color>ff808080</color><width>3</width></LineStyle></Style>\n"
        out += "<Style id=\"road-cut\"><LineStyle><color>ff0000ff</color><width>5</width></LineStyle></Style>\n"
        out += "<Folder><name>Places</name>\n"
        for p in s.places {
            var lines = ["\(p.controller), \(p.status)\(p.attacker.map { " by \($0)" } ?? "") (\(p.confidence))"]
            lines.append("“\(p.quote)”")
            lines.append(
                "Source: \(p.source)\(p.url.map { " \($0)" } ?? "")\(p.event.map { ", event \($0)" } ?? ", initial control")"
            )
            out += "<Placemark><name>\(Escaping.xml(p.name))</name>\(timeSpan(p.start, p.end))"
            out += "<styleUrl>#\(styleID(p.controller))</styleUrl>"
            out += "<description>\(description(lines))</description>"
            out += extendedData([
                ("id", p.id), ("controller", p.controller), ("status", p.status), ("attacker", p.attacker ?? ""),
                ("confidence", p.confidence), ("source", p.source), ("event", p.event ?? ""),
            ])
            out +=
                "<Point><coordinates>\(Escaping.number(p.coordinate.lon)),\(Escaping.number(p.coordinate.lat))</coordinates></Point>"
            out += "</Placemark>\n"
        }
        out += "</Folder>\n<Folder><name>Roads</name>\n"
        for r in s.roads {
            let at = r.cutAt.isEmpty ? "" : " at \(r.cutAt)"
            out += "<Placemark><name>\(Escaping.xml(r.name))</name>\(timeSpan(r.start, r.end))"
            out += "<styleUrl>#road-\(r.status)</styleUrl>"
            out += "<description>\(description(["\(r.phase)\(at)"]))</description>"
            out += extendedData([("id", r.id), ("status", r.status), ("phase", r.phase), ("cutAt", r.cutAt)])
            let coordinates = r.path.map { "\(Escaping.number($0.lon)),\(Escaping.number($0.lat))" }.joined(
                separator: " ")
            out += "<LineString><tessellate>1</tessellate><coordinates>\(coordinates)</coordinates></LineString>"
            out += "</Placemark>\n"
        }
        out += "</Folder>\n</Document>\n</kml>\n"
        return out
    }

    static func timeSpan(_ start: String, _ end: String?) -> String {
        "<TimeSpan><begin>\(start)</begin>\(end.map { "<end>\($0)</end>" } ?? "")</TimeSpan>"
    }

    /// Lines of text as the HTML of a balloon, escaped for HTML and then for XML.
    static func description(_ lines: [String]) -> String {
        Escaping.xml(lines.map(Escaping.xml).joined(separator: "<br/>"))
    }

    /// Values (ids and statuses) for GIS tools; Google Earth shows them in the balloon as HTML, so they are
    /// escaped twice like the description (which alone carries the free text: quote and url).
    static func extendedData(_ pairs: [(String, String)]) -> String {
        "<ExtendedData>"
            + pairs.map { "<Data name=\"\($0.0)\"><value>\(Escaping.xml(Escaping.xml($0.1)))</value></Data>" }.joined()
            + "</ExtendedData>"
    }

    /// A style id from a faction id, reduced to XML name characters.
    static func styleID(_ faction: String) -> String {
        "faction-"
            + String(
                faction.unicodeScalars.map {
                    $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" ? Character($0) : "_"
                })
    }

    /// `#rrggbb` as KML's `aabbggrr`; grey for a colour it cannot read.
    static func kmlColor(_ hex: String) -> String {
        let digits = Array(hex.lowercased().drop { $0 == "#" })
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return "ff808080" }
        return "ff" + String(digits[4...5]) + String(digits[2...3]) + String(digits[0...1])
    }
}
