import KMapModel

extension ParseContext {
    struct ParsedEvents {
        var initial: InitialControl
        var events: [Event]
    }

    /// `events.yaml`: the initial control and the dated events.
    func events(_ file: CampaignTexts.File, gazetteer: Gazetteer?, info: ParsedInfo?) -> ParsedEvents? {
        guard let root = root(file, json: false),
            let top = Fields(root, file: file.name, what: "events.yaml", diagnostics: diagnostics)
        else {
            return nil
        }
        top.allowOnly(["initial", "events"])
        let placeIDs = gazetteer.map { KnownIDs($0.places.map(\.id)) }
        let featureIDs = gazetteer.map { KnownIDs($0.allIDs) }
        let roadIDs = gazetteer.map { KnownIDs($0.roads.map(\.id)) }
        var initial: InitialControl?
        if let node = top.node("initial"),
            let f = Fields(node, file: file.name, what: "'initial'", diagnostics: diagnostics)
        {
            f.allowOnly(["controller", "places", "quote", "source", "confidence", "note", "except"])
            let covered = f.strings("places")
            if let covered, let placeIDs {
                for id in covered {
                    expect(id, in: placeIDs, what: "place", file: file.name, line: f.node("places")?.line ?? node.line)
                }
            }
            let controller = f.string("controller", required: "the faction holding every place not listed in 'except'")
            if let controller {
                checkFaction(controller, file: file.name, line: f.node("controller")?.line ?? node.line)
            }
            let basis = provenance(f)
            let exceptions = list(f, "except", required: nil) { item -> Event? in
                guard let e = Fields(item, file: file.name, what: "an 'except' entry", diagnostics: diagnostics) else {
                    return nil
                }
                e.allowOnly([
                    "places", "unnamed", "roads", "controller", "status", "by", "quote", "source", "citations",
                    "confidence", "note",
                ])
                guard e.has("controller") else {
                    e.missing("controller", "the faction holding these places at the start")
                    return nil
                }
                return event(
                    e, index: -1, day: info?.info.start ?? Day(ordinal: 0), placeIDs: placeIDs, featureIDs: featureIDs,
                    roadIDs: roadIDs)
            }
            if let controller, let basis, let exceptions {
                initial = InitialControl(
                    controller: controller, quote: basis.quote, source: basis.source, confidence: basis.confidence,
                    line: node.line,
                    exceptions: exceptions, places: covered)
            }
        } else if top.node("initial") == nil {
            top.missing("initial", "the control before the first event (controller, quote, source, confidence)")
        }

        guard let eventsNode = top.node("events") else {
            top.missing("events", "a list of dated events")
            return nil
        }
        guard case .list(let items) = eventsNode.value else {
            diagnostics.error(file.name, eventsNode, "'events' must be a list (each event starting with '- ')")
            return nil
        }
        var events: [Event] = []
        for (i, item) in items.enumerated() {
            guard let f = Fields(item, file: file.name, what: "event \(i + 1)", diagnostics: diagnostics) else {
                continue
            }
            f.allowOnly([
                "date", "time", "when", "places", "unnamed", "controller", "status", "by", "roads", "traffic", "quote",
                "source", "citations", "confidence", "note",
            ])
            guard let day = f.day("date", required: "the day, YYYY-MM-DD") else { continue }
            if let info {
                if day < info.info.start || day > info.info.end {
                    diagnostics.error(
                        file.name, f.node("date"),
                        "event \(i + 1) is dated \(day), outside the campaign (\(info.info.start) to \(info.info.end)); fix the date or widen start/end in campaign.yaml"
                    )
                }
            }
            if let e = event(f, index: i, day: day, placeIDs: placeIDs, featureIDs: featureIDs, roadIDs: roadIDs) {
                events.append(e)
            }
        }
        guard let initial else { return nil }
        return ParsedEvents(initial: initial, events: events)
    }

    /// The quote, source and confidence every record carries.
    func provenance(_ f: Fields) -> (quote: String, source: String, confidence: EventConfidence)? {
        let quote = f.string("quote", required: "the source's sentence this rests on, verbatim")
        let source = f.string("source", required: "a source id from campaign.yaml")
        let confidence = f.choice("confidence", EventConfidence.self, required: "stated, reported or inferred")
        if let source, !sourceIDs.isEmpty {
            expect(source, in: sourceIDs, what: "source", file: f.file, line: f.node("source")?.line ?? f.node.line)
        }
        guard let quote, let source, let confidence else { return nil }
        return (quote, source, confidence)
    }

    func checkFaction(_ id: String, file: String, line: @autoclosure () -> Int) {
        if !factionIDs.isEmpty { expect(id, in: factionIDs, what: "faction", file: file, line: line()) }
    }

    /// One event (or initial exception) record.
    func event(_ f: Fields, index: Int, day: Day, placeIDs: KnownIDs?, featureIDs: KnownIDs?, roadIDs: KnownIDs?)
        -> Event?
    {
        var time: TimeOfDay?
        if let text = f.string("time") {
            time = TimeOfDay(text)
            if time == nil {
                let words = TimeOfDay.named.map(\.word).joined(separator: ", ")
                diagnostics.error(
                    f.file, f.node("time"), "time '\(text)' is neither HH:MM (24-hour) nor one of \(words)")
            }
        }
        let places = f.strings("places") ?? []
        let controller = f.string("controller")
        let status = f.choice("status", ControlStatus.self)
        // Looked up only for a report, like every line below.
        func placesLine() -> Int { f.node("places")?.line ?? f.node.line }
        if let placeIDs, let featureIDs {
            for id in places where expect(id, in: featureIDs, what: "place", file: f.file, line: placesLine()) {
                if controller != nil || status != nil, !placeIDs.set.contains(id) {
                    diagnostics.error(
                        f.file, line: placesLine(),
                        "'\(id)' is a lake or road: only places change control; move it to 'note' or drop the controller"
                    )
                }
            }
        }
        var unnamed = 0
        if let n = f.node("unnamed") {
            if let v = f.number(n, "'unnamed'"), v >= 1, v <= 1000, v == v.rounded() {
                unnamed = Int(v)
            } else {
                diagnostics.error(
                    f.file, n, "'unnamed' must be a whole number (1–1000) of places the source counts but does not name"
                )
            }
        }
        let by = f.strings("by") ?? []
        // The controller, then the attackers, without building an array of them for every event.
        func factionLine() -> Int { (f.node("controller") ?? f.node("by"))?.line ?? f.node.line }
        if let controller { checkFaction(controller, file: f.file, line: factionLine()) }
        for id in by { checkFaction(id, file: f.file, line: factionLine()) }
        let roads = f.strings("roads") ?? []
        if let roadIDs {
            for id in roads {
                expect(id, in: roadIDs, what: "road", file: f.file, line: f.node("roads")?.line ?? f.node.line)
            }
        }
        let traffic = f.choice("traffic", Traffic.self)
        if !roads.isEmpty, traffic == nil, (unnamed == 0 && f.node("unnamed") == nil) || controller == nil {
            diagnostics.error(
                f.file, f.node("roads"),
                "'roads' goes with 'traffic: reopened', or with 'unnamed' and 'controller' for unnamed places along those roads"
            )
        }
        if traffic != nil, roads.isEmpty {
            diagnostics.error(f.file, f.node("traffic"), "'traffic' needs 'roads': the ids of the roads reopened")
        }
        // An 'unnamed' that was written but refused has its own error already.
        if controller != nil || status != nil, places.isEmpty, unnamed == 0, f.node("unnamed") == nil {
            diagnostics.error(
                f.file, f.node,
                "\(f.what) sets control but names no 'places'; list the place ids it applies to, or give 'unnamed: N' when the source only counts them"
            )
        }
        if let status, status != .held, by.isEmpty {
            diagnostics.error(
                f.file, f.node("status"),
                "\(f.what) is '\(status.rawValue)' but says nobody is attacking; list the attackers in 'by'")
        }
        let citations = f.strings("citations") ?? []
        if !sourceIDs.isEmpty {
            for id in citations {
                expect(id, in: sourceIDs, what: "source", file: f.file, line: f.node("citations")?.line ?? f.node.line)
            }
        }
        let when = f.string("when")
        if when != nil, time == nil, !f.has("time") {
            diagnostics.error(
                f.file, f.node("when"),
                "'when' gives the source's words for a 'time'; add the time they mean (HH:MM or early … night), or drop 'when'"
            )
        }
        guard let basis = provenance(f) else { return nil }
        if time == nil, f.has("time") { return nil }
        return Event(
            index: index, day: day, time: time, places: places, unnamed: unnamed, controller: controller,
            status: status, by: by, roads: roads,
            traffic: traffic, quote: basis.quote, source: basis.source, confidence: basis.confidence,
            note: f.string("note"),
            line: f.node.line, when: when, citations: citations)
    }
}
