import Foundation
import KMapCompose
import KMapModel

/// Checks a loaded campaign for what loading cannot see: contradictions, impossible transitions, order,
/// loose ends between the gazetteer and the timeline.
///
/// Loading already rejects unknown ids, bad dates, positions outside the area and records without a source.
public enum CampaignChecker {
    public static func check(_ campaign: Campaign) -> [Finding] {
        var findings = campaign.warnings
        let file = campaign.files.events
        func warn(_ line: Int, _ message: String) {
            findings.append(Finding(file: file, line: line, severity: .warning, message: message))
        }
        func fail(_ line: Int, _ message: String) {
            findings.append(Finding(file: file, line: line, severity: .error, message: message))
        }
        let events = campaign.timeline.events
        let name = { (id: String) in campaign.gazetteer.place(id)?.name ?? id }

        // File order: a file in date order is one a person can review.
        let byFile = events.sorted { $0.index < $1.index }
        for (a, b) in zip(byFile, byFile.dropFirst()) where b.day < a.day {
            warn(
                b.line,
                "this event (\(b.day)) comes after one dated \(a.day) (line \(a.line)); keep the file in date order")
        }

        // Contradictions: two events at the same stated instant giving one place different outcomes.
        var seen: [String: Event] = [:]
        for e in events where e.changesControl {
            for place in e.places {
                let key = "\(e.instant)|\(e.time?.description ?? "untimed")|\(place)"
                if let other = seen[key], other.controller != e.controller || other.status != e.status {
                    fail(
                        e.line,
                        "contradicts line \(other.line): both set \(name(place)) at \(e.instant) (\(outcome(other)) vs \(outcome(e))); give them different times or drop one"
                    )
                }
                seen[key] = e
            }
        }

        // Impossible or empty transitions.
        for t in campaign.timeline.transitions() {
            let e = t.event
            if e.status != nil, e.status != .held, e.by.allSatisfy({ $0 == t.after.controller }) {
                fail(
                    e.line,
                    "\(name(t.placeID)) is held by \(t.after.controller), who cannot contest or besiege it; 'by' must name the attackers"
                )
            }
            // A second source saying the same is corroboration, and a capture after the evidence went stale is
            // new evidence: neither is a capture that changes nothing.
            let stale = campaign.timeline.staleness.map { e.day.days(since: t.before.basis.day) > $0.unknown } ?? false
            if let c = e.controller, (e.status ?? .held) == .held, t.before.controller == c, t.before.status == .held,
                t.before.basis.source == e.source, !stale
            {
                let basis =
                    t.before.basis.eventID.map { "event \($0), line \(t.before.basis.line)" } ?? "initial control"
                warn(
                    e.line,
                    "\(name(t.placeID)) is already held by \(c) (since \(t.before.since), \(basis)); this capture changes nothing: check the dates or the earlier event"
                )
            }
        }

        // Unnamed positions along roads: never retake more than were lost; a road of no side cannot be cut.
        var unnamed: [String: Int] = [:]
        let roadFaction = Dictionary(
            campaign.gazetteer.roads.map { ($0.id, $0.faction) }, uniquingKeysWith: { a, _ in a })
        for e in campaign.timeline.initial.exceptions + events where e.unnamed > 0 && e.controller != nil {
            for r in e.roads {
                guard let faction = roadFaction[r] ?? nil else {
                    warn(
                        e.line,
                        "counts \(e.unnamed) unnamed positions on road \(r), which names no faction, so they cannot cut it; give the road a 'faction' (whose road it is) in the gazetteer"
                    )
                    continue
                }
                if e.controller == faction {
                    if unnamed[r, default: 0] < e.unnamed {
                        warn(
                            e.line,
                            "retakes \(e.unnamed) unnamed positions on \(r), but only \(unnamed[r, default: 0]) were recorded lost; record the loss (inferred if need be)"
                        )
                    }
                    unnamed[r] = max(0, unnamed[r, default: 0] - e.unnamed)
                } else {
                    unnamed[r, default: 0] += e.unnamed
                }
            }
        }

        // A reopening must come when the road is clear.
        for e in events where e.traffic == .reopened {
            let state = campaign.timeline.state(at: e.instant)
            for r in e.roads where state.road(r)?.isCut == true {
                warn(
                    e.line,
                    "\(r) is reported reopened while control still cuts it (at \(state.road(r)!.cutAt.map(name).joined(separator: ", "))); check the events before it"
                )
            }
        }

        // Roads with far more points than a map shows: drawn simplified, but they slow every frame.
        for road in campaign.gazetteer.roads where road.path.count > maxRoadPoints {
            findings.append(
                Finding(
                    file: campaign.files.gazetteer, line: road.info.line, severity: .warning,
                    message:
                        "road '\(road.id)' has \(road.path.count) points; a map shows far fewer, and kmap simplifies it on every frame: simplify the line to at most \(maxRoadPoints) points"
                ))
        }

        // A place inside a lake would have its marker drawn in the water: a swapped or mistyped position, or a
        // lake outline that is off.
        for place in campaign.gazetteer.places {
            for lake in campaign.gazetteer.areas where inside(place.coordinate, lake.rings) {
                findings.append(
                    Finding(
                        file: campaign.files.gazetteer, line: place.info.line, severity: .warning,
                        message:
                            "'\(place.id)' lies inside \(lake.name): its marker would stand in the water; check its position or the lake's outline"
                    ))
            }
        }

        // Places tied to a counted sentence that no event quotes.
        let quotes =
            events.map { normalize($0.quote) } + campaign.timeline.initial.exceptions.map { normalize($0.quote) }
        for place in campaign.gazetteer.places {
            guard let tie = place.tie else { continue }
            let sentence = normalize(tie.sentence)
            if !quotes.contains(where: { $0.contains(sentence) || sentence.contains($0) }) {
                findings.append(
                    Finding(
                        file: campaign.files.gazetteer, line: place.info.line, severity: .warning,
                        message:
                            "'\(place.id)' is tied to a sentence no event quotes: \"\(tie.sentence.prefix(60))…\"; quote it in the event that counts the place"
                    ))
            }
            let mentioned =
                events.contains { $0.places.contains(place.id) }
                || campaign.timeline.initial.exceptions.contains { $0.places.contains(place.id) }
            if !mentioned {
                findings.append(
                    Finding(
                        file: campaign.files.gazetteer, line: place.info.line, severity: .warning,
                        message:
                            "'\(place.id)' is tied to a counted sentence but no event names it; add it to that event's places"
                    ))
            }
        }
        findings += evidenceFindings(campaign)
        findings += colorFindings(campaign)
        return findings
    }

    /// Even-odd: inside the outline and not in a hole.
    static func inside(_ c: Coordinate, _ rings: [[Coordinate]]) -> Bool {
        var n = false
        for ring in rings where ring.count > 2 {
            for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) where (a.lat > c.lat) != (b.lat > c.lat) {
                if c.lon < (b.lon - a.lon) * (c.lat - a.lat) / (b.lat - a.lat) + a.lon { n.toggle() }
            }
        }
        return n
    }

    /// More points than this on one road is data no map needs (the Khanasir roads have tens).
    public static let maxRoadPoints = 5000

    /// Factions whose colours (as the default theme draws them) some reader can hardly tell apart.
    static func colorFindings(_ campaign: Campaign) -> [Finding] {
        let colors = campaign.factions.map { (id: $0.id, color: Theme.standard.color(ofFaction: $0.id, in: campaign)) }
        return ColorVision.confusions(colors).map { pair in
            let faction = campaign.faction(pair.b)
            let who =
                pair.vision == .normal ? "anyone" : "readers with \(pair.vision.rawValue) (red–green colour blindness)"
            return Finding(
                file: campaign.files.campaign, line: faction?.line ?? 0, severity: .warning,
                message:
                    "factions '\(pair.a)' (\(colors.first { $0.id == pair.a }!.color.hex)) and '\(pair.b)' (\(colors.first { $0.id == pair.b }!.color.hex)) are hard to tell apart for \(who): ΔE \(String(format: "%.1f", pair.deltaE)), want \(Int(ColorVision.confusableBelow)) or more; change one colour's lightness, or pick from \(Theme.fallbackPalette.prefix(5).joined(separator: ", "))"
            )
        }
    }

    static func outcome(_ e: Event) -> String {
        [e.controller, e.status?.rawValue].compactMap { $0 }.joined(separator: " ")
    }

    static func normalize(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }
}
