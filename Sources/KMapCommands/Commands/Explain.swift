import ArgumentParser
import KMapLoader
import KMapModel

/// `kmap explain`: why a place has its state on a day, event by event with the quotes.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a place's state on a day: where it is, and the chain of sourced events behind its control.",
        discussion: """
            PLACE matches ids, names, aliases and Arabic names, ignoring case, accents and transliteration vowels \
            ("khanaser", "Rasm al-Nafl", "Tal Zarour").

            Examples:
              kmap explain khanaser --day 2016-02-24
              kmap explain "Rasm al-Nafl" --day 2016-02-23 --time morning
            """)

    @Argument(help: "A place id, name or alias.")
    var place: String

    @OptionGroup var instant: InstantOptions
    @OptionGroup var campaignOptions: CampaignOptions

    func run() throws {
        try reportingErrors {
            let campaign = try campaignOptions.load()
            let at = try instant.instant(in: campaign)
            let target = try Self.resolve(place, in: campaign)
            Console.out(Self.explain(target, at: at, campaign: campaign))
        }
    }

    /// The one place `query` names; an error listing candidates when it names none or several.
    static func resolve(_ query: String, in campaign: Campaign) throws -> Place {
        let matches = campaign.gazetteer.search(query).compactMap { campaign.gazetteer.place($0.id) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            let all = campaign.gazetteer.places.flatMap(\.info.allNames)
            let hint = Suggestion.closest(to: query, in: all).map { "; did you mean '\($0)'?" } ?? ""
            throw CLIError.usage("no place matches '\(query)'\(hint) (kmap places lists them all)")
        }
        throw CLIError.usage(
            "'\(query)' matches several places: \(matches.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")); use the id"
        )
    }

    static func explain(_ place: Place, at instant: Instant, campaign: Campaign) -> String {
        let n = Narration(campaign: campaign)
        let info = place.info
        var out = "\(place.name) (\(place.id)), \(place.kind.rawValue)"
        // One local name (Khanasir's Arabic) is printed as it is; several are tagged with their language.
        let locals = info.localNames
        for local in locals { out += locals.count == 1 ? ", \(local.name)" : ", \(local.name) (\(local.language))" }
        out += "\n"
        if !info.aliases.isEmpty { out += "  also: \(info.aliases.joined(separator: ", "))\n" }
        out +=
            "  position: \(place.coordinate.lat)° N, \(place.coordinate.lon)° E, \(info.confidence.rawValue), from \(n.source(info.source))"
        out += info.sourceRef.map { " (\($0))" } ?? ""
        out += "\n"
        if let note = info.note { out += "  note: \(note)\n" }
        if let tie = place.tie {
            out +=
                "  counted, not named, by the article: “\(tie.sentence)”; named for it by \(n.source(tie.source)) (\(tie.confidence))\n"
        }
        let state = campaign.timeline.state(at: instant)
        guard let control = state[place.id] else { return out }
        out += "\nOn \(instant): \(n.state(control))  [\(control.confidence.rawValue)]\n"
        out += "  confidence: \(control.confidence.rawValue), the weakest of: "
        let event =
            control.basis.source.isEmpty && control.basis.eventID == nil ? "none" : control.basis.confidence.rawValue
        let age = instant.day.days(since: control.basis.day)
        let aged =
            event == "none"
            ? ""
            : campaign.timeline.staleness.map {
                ", \(age) days old (staleAfter: inferred after \($0.inferred), unknown after \($0.unknown))"
            } ?? ""
        out +=
            "event \(event)\(aged); tie \(place.tie?.confidence ?? "stated (the source names it)"); position \(info.confidence.rawValue)\n\n"

        out += "Why:\n"
        let initial = campaign.timeline.initial
        let exception = initial.exceptions.first { $0.places.contains(place.id) }
        let startQuote = exception?.quote ?? initial.quote
        let covered = exception != nil || initial.places.map { $0.contains(place.id) } ?? true
        if covered {
            out +=
                "  \(campaign.info.start) initial control: \(exception?.controller ?? initial.controller)  [\((exception?.confidence ?? initial.confidence).rawValue)]\n"
            out += "    “\(startQuote)”\n"
        } else {
            out += "  \(campaign.info.start) initial control: unknown (no source gives it)\n"
        }
        if let note = exception?.note { out += "    note: \(note)\n" }
        let related = campaign.timeline.events(through: instant).filter { $0.places.contains(place.id) }
        if related.isEmpty { out += "  no event names it since.\n" }
        for e in related { out += n.block(e) }
        return out
    }
}
