import Foundation
import KMapModel

extension CampaignTemplate {
    /// The folder's files, by name, in the order they are written.
    public var files: [(name: String, text: String)] {
        let locator = CampaignTemplate.locator(for: country)
        var out = [
            (CampaignLoader.campaignFile, campaignYAML(extraSources: locator?.sources ?? [])),
            (CampaignLoader.gazetteerFile, "{\"type\": \"FeatureCollection\", \"features\": [\n]}\n"),
            (CampaignLoader.eventsFile, eventsYAML),
            ("SOURCES.md", sourcesMarkdown),
            ("README.md", readme),
        ]
        if let locator { out.append((CampaignLoader.locatorFile, locator.text)) }
        return out
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(format: "%.1f", v) : String(format: "%g", v)
    }

    /// YAML's double-quoted scalar: backslashes and quotes escaped.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    func campaignYAML(extraSources: [CampaignInfo.Source]) -> String {
        let a = area
        let box =
            "[\(Self.number(a.minLon)), \(Self.number(a.minLat)), \(Self.number(a.maxLon)), \(Self.number(a.maxLat))]"
        var y = """
            # \(title): a kmap campaign (made by kmap init). Every key is explained in docs/DATA.md.
            # Check it after every edit:  kmap check --campaign THIS-FOLDER
            id: \(id)
            title: \(Self.quoted(title))
            start: \(start)             # the first day a frame can show; initial control (events.yaml) holds from it
            end: \(end)               # the last day
            area: \(box)   # [minLon, minLat, maxLon, maxLat]: every coordinate must lie inside
            # view: \(box)   # optional: the frame's default extent (defaults to area)
            attribution: "Data: replace with your sources and their licences"   # printed on every frame
            # summary: "…"              # optional: the main source's lead, verbatim (report covers)
            # summarySource: notes      # the source it is quoted from

            # Every place and every event names one of these by id (`source:`). Add one per article, report or
            # gazetteer you use, and say in SOURCES.md how to find it again.
            sources:
              - id: notes
                title: \(Self.quoted("Working notes for \(title)"))
                note: replace with the real sources (an article, a news report, a gazetteer such as GeoNames)

            """
        for s in extraSources {
            y += "  - id: \(s.id)\n    title: \(Self.quoted(s.title))\n"
            if let p = s.publisher { y += "    publisher: \(Self.quoted(p))\n" }
            if let u = s.url { y += "    url: \(u)\n" }
            if let l = s.licence { y += "    licence: \(Self.quoted(l))\n" }
        }
        y += """

            # The sides. A faction's colour wins over any theme's (--recolor lets a theme's replace it); leave it out
            # and the theme chooses. kmap check warns when two colours are hard to tell apart, colour-blind included.
            factions:

            """
        for f in factions {
            y +=
                "  - id: \(f.id)\n    name: \(Self.quoted(f.name))\n    # short: \(Self.quoted(f.name))   # optional: for tight spaces\n    color: \"\(f.color)\"\n"
        }
        y += """

            # Optional: a route computed connected or cut every day, judged against its own faction.
            # supplyRoute:
            #   name: Main supply road
            #   faction: \(factions.first?.id ?? "government")        # whose route it is
            #   from: some-town             # place ids at both ends, on roads in gazetteer.geojson
            #   to: other-town

            """
        if locator(country) == nil, let country {
            y += """

                # No built-in outline of \(country): for the inset locator map add locator.geojson (docs/DATA.md).

                """ + "\n"
        }
        return y
    }

    private func locator(_ country: String?) -> String? { CampaignTemplate.locator(for: country)?.text }

    var eventsYAML: String {
        let first = factions.first?.id ?? "government"
        let other = factions.dropFirst().first?.id ?? first
        return """
            # \(title): who holds what before the first event, then every dated event (docs/DATA.md).
            # Each record quotes its source's sentence verbatim and says how sure it is:
            #   confidence: stated (the source says it), reported (it says others say so), inferred (implied).

            initial:                      # control on the first day, before any event
              controller: \(first)           # holds every place not listed under except
              quote: "To be written: the sentence that says who held the area at the start."
              source: notes
              confidence: inferred
              # except:                   # places someone else held at the start
              #   - places: [some-village]
              #     controller: \(other)
              #     quote: "…"
              #     source: notes
              #     confidence: stated

            events: []
            # Replace [] with a list of events, each like this (place ids come from gazetteer.geojson):
            #  - date: \(start)            # YYYY-MM-DD, within start and end
            #    time: morning             # optional: HH:MM, or early, morning, midday, afternoon, evening, night, end
            #    places: [some-village]
            #    controller: \(other)             # the new holder
            #    status: held              # optional: held (default), contested or besieged (then `by:` the attackers)
            #    quote: "The source's sentence, verbatim."
            #    source: notes
            #    confidence: stated

            """
    }

    var sourcesMarkdown: String {
        """
        # Sources of \(title)

        For people: what each source in campaign.yaml is, and how to find it again (URL, revision, date read).

        - `notes`: working notes; replace with the real sources.

        """
    }

    var readme: String {
        """
        # \(title)

        A kmap campaign, made by `kmap init`. `kmap check --campaign .` validates it; `kmap render --campaign .
        --day \(start)` draws a day. The format is in kmap's docs/DATA.md; in short:

        - `campaign.yaml`: title, days, area, sources, factions (comments explain each key).
        - `gazetteer.geojson`: places as GeoJSON Points (JSON has no comments, so here is one):

              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [LON, LAT]},
               "properties": {"id": "some-village", "name": "Some Village", "aliases": ["Other Spelling"],
                              "kind": "village", "source": "notes", "confidence": "exact"}}

          `kind`: city, town, village, hill, oilfield, checkpoint, airbase, base, citadel, landmark, bridge,
          dam, crossing, district, industrial (and lake, road); `confidence`: exact,
          approximate or estimate (say how you placed it in `note`). Names in other languages, where a source
          writes them, go in `names` by language code (`"names": {"uk": "Харків", "ru": "Харьков"}`);
          `--labels uk` shows them, `--labels both` English with the campaign's `localLanguage`. A road is a LineString with `kind: road`,
          `via` (the place ids along it, in order) and optionally `faction` (whose road it is: it is cut wherever
          that faction does not hold a place along it).
          `kmap import FILE --campaign .` adds places and events from a spreadsheet or an ACLED export
          (kmap's docs/IMPORT.md).
        - `events.yaml`: the initial control and the dated events, each quoted and sourced.
        - `SOURCES.md`: for people, how to find each source again.

        """
    }
}
