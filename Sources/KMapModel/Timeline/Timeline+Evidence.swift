/// The confidence of each place's state, computed once, where the state is made.
///
/// Everything downstream (the state JSON, `explain`, the map's hollow markers, `--evidence`) reads
/// `PlaceControl.confidence` and `LinkState.phase` and never recombines the links itself.
extension Timeline {
    /// The replayed state with every place's confidence set to the weakest link of its chain, and evidence
    /// older than `staleAfter` weakened: a control no source has spoken of for too long is unknown, not
    /// carried forward.
    func assess(_ state: ControlState) -> ControlState {
        var out = state
        let today = state.instant.day
        // Fields are read and set in place: copying each of 10,000 places out and back cost a frame milliseconds.
        for i in out.places.indices {
            let known = out.places[i].isKnown
            var confidence = known ? Confidence(out.places[i].basis.confidence) : .unknown
            if let staleness, known {
                confidence = staleness.aged(confidence, age: today.days(since: out.places[i].basis.day))
            }
            if confidence == .unknown {
                out.places[i].controller = PlaceControl.unknown
                out.places[i].status = .held
                out.places[i].contestedBy = []
            } else {
                let identified =
                    i < placeIDs.count && out.places[i].placeID == placeIDs[i]
                    ? identificationByIndex[i] : identification[out.places[i].placeID] ?? .stated
                confidence = max(confidence, identified)
            }
            out.places[i].confidence = confidence
        }
        guard let staleness else { return out }
        let basisDay = { (id: String) in state[id]?.basis.day }
        for (i, road) in network.roads.enumerated() where i < out.roads.count {
            out.roads[i] = aged(out.roads[i], via: road.via, on: today, staleness: staleness, basisDay: basisDay)
        }
        if let route = out.route {
            out.route = aged(route, via: network.routePath ?? [], on: today, staleness: staleness, basisDay: basisDay)
        }
        return out
    }

    /// A link no source has spoken of (its cut, clearing or reopening, or control of a place along it) for
    /// longer than `staleness.unknown` days has an unknown phase.
    func aged(_ link: LinkState, via: [String], on day: Day, staleness: Staleness, basisDay: (String) -> Day?)
        -> LinkState
    {
        let days = [link.cutSince?.day, link.clearedAt?.day, link.reopenedAt?.day, start] + via.map(basisDay)
        let last = days.compactMap { $0 }.max() ?? start
        guard day.days(since: last) > staleness.unknown else { return link }
        var out = link
        out.phase = .unknown
        return out
    }
}

extension ControlState {
    /// The state with only the places whose confidence passes `threshold` (`--evidence stated` draws only
    /// what the sources state); roads and the route are unchanged.
    public func only(_ threshold: Confidence) -> ControlState {
        ControlState(
            instant: instant, places: places.filter { $0.confidence.passes(threshold) }, roads: roads, route: route,
            appliedEventCount: appliedEventCount)
    }
}
