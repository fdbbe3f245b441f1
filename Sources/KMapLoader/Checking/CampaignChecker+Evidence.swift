import Foundation
import KMapModel

/// The lints that keep frames from claiming more than their sources: ties, dates, times, ageing, notes.
///
/// Each finds a class of defect issue 18 found by reading the Khanasir data sentence by sentence.
extension CampaignChecker {
    /// Days a stated control may be carried without new evidence when a campaign sets no `staleAfter`.
    static let defaultStaleDays = 90

    static func evidenceFindings(_ campaign: Campaign) -> [Finding] {
        var findings: [Finding] = []
        let file = campaign.files.events
        func warn(_ line: Int, _ message: String) {
            findings.append(Finding(file: file, line: line, severity: .warning, message: message))
        }
        let timeline = campaign.timeline
        let records = timeline.initial.exceptions + timeline.events.sorted { $0.index < $1.index }

        for e in records {
            // A place the source only counts, named by inference, cannot carry the source's "stated".
            if e.confidence == .stated {
                for id in e.places {
                    guard let tie = campaign.gazetteer.place(id)?.tie,
                        tie.confidence == EventConfidence.inferred.rawValue
                    else { continue }
                    warn(
                        e.line,
                        "'\(id)' is tied to its sentence only by inference (gazetteer tieConfidence), but this event is stated; move it to an event with confidence: inferred"
                    )
                }
            }
            // A sentence about a later day can imply, not state, an earlier event.
            if e.confidence != .inferred, let said = quoteDate(e.quote, year: e.day.components.year), said > e.day {
                warn(
                    e.line,
                    "the quote is dated \(said), after its event (\(e.day)); file the event on \(said) or mark it confidence: inferred"
                )
            }
            for id in [e.source] + e.citations {
                if let published = campaign.info.source(id)?.date, published < e.day {
                    warn(
                        e.line,
                        "source '\(id)' was published on \(published), before this event (\(e.day)); it cannot report it: check the date or the source"
                    )
                }
            }
            // Times only where the source gives them, in its words.
            if let time = e.time {
                if let when = e.when {
                    if !normalize(e.quote).contains(normalize(when)) {
                        warn(e.line, "'when: \(when)' is not in the quote; copy the quote's own words for the time")
                    }
                } else {
                    warn(
                        e.line,
                        "time \(time) is not in the quote: give the quote's words for it in 'when', or drop the time")
                }
            }
            findings += noteFindings(e, timeline: timeline, file: file)
        }
        findings += staleFindings(campaign)
        return findings
    }

    /// A note that counts the unnamed places differently from the event, or says no loss was recorded where
    /// one was.
    static func noteFindings(_ e: Event, timeline: Timeline, file: String) -> [Finding] {
        guard let note = e.note else { return [] }
        var out: [Finding] = []
        let counted = /\(?(\d+) of (\d+) (?:remain )?unnamed/
        for match in note.matches(of: counted) {
            if let n = Int(match.1), n != e.unnamed {
                out.append(
                    Finding(
                        file: file, line: e.line, severity: .warning,
                        message:
                            "the note says \(n) of \(match.2) are unnamed, but the event has unnamed: \(e.unnamed); make them agree"
                    ))
            }
        }
        if note.lowercased().contains("no loss is recorded") {
            // The route's side, as before roads had their own.
            let faction = timeline.network.route?.faction ?? timeline.initial.controller
            let lost = timeline.events.filter { $0.day <= e.day && $0.controller != nil && $0.controller != faction }
            let loss = lost.first { l in
                !Set(l.roads).isDisjoint(with: e.roads) || !Set(l.places).isDisjoint(with: e.places)
            }
            if let loss {
                out.append(
                    Finding(
                        file: file, line: e.line, severity: .warning,
                        message:
                            "the note says no loss is recorded, but \(loss.id) (line \(loss.line)) records one; correct the note"
                    ))
            }
        }
        return out
    }

    /// Without `staleAfter`, a stated control carried for months with no new evidence is drawn as stated all
    /// that time.
    static func staleFindings(_ campaign: Campaign) -> [Finding] {
        guard campaign.timeline.staleness == nil else { return [] }
        var out: [Finding] = []
        var last: [String: (day: Day, line: Int, stated: Bool)] = [:]
        for p in campaign.timeline.initialState.places where p.isKnown {
            last[p.placeID] = (campaign.info.start, p.basis.line, p.basis.confidence == .stated)
        }
        func flag(_ id: String, until day: Day) {
            guard let l = last[id], l.stated, day.days(since: l.day) > defaultStaleDays else { return }
            let name = campaign.gazetteer.place(id)?.name ?? id
            out.append(
                Finding(
                    file: campaign.files.events, line: l.line, severity: .warning,
                    message:
                        "\(name)'s stated control of \(l.day) is carried \(day.days(since: l.day)) days with no new evidence; set staleAfter in campaign.yaml so it ages to inferred, then unknown"
                ))
        }
        for e in campaign.timeline.events where e.changesControl {
            for id in e.places {
                flag(id, until: e.day)
                last[id] = (e.day, e.line, e.confidence == .stated)
            }
        }
        for id in last.keys.sorted() { flag(id, until: campaign.info.end) }
        return out
    }

    /// The first day a quote names ("On 23 February", "9 and 10 March 2017"), in `year` unless it gives one.
    static func quoteDate(_ quote: String, year: Int) -> Day? {
        let months = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        let pattern =
            /(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December)(?: (\d{4}))?/
        guard let m = quote.firstMatch(of: pattern), let d = Int(m.1),
            let month = months.firstIndex(of: m.2.lowercased())
        else { return nil }
        let y = m.3.flatMap { Int($0) } ?? year
        return Day(String(format: "%04d-%02d-%02d", y, month + 1, d))
    }
}
