/// The languages a campaign's places are named in, besides English: what `--labels` can show.
extension Campaign {
    /// Every language code some place (or area, or road) has a name in, sorted.
    public var nameLanguages: [String] {
        let features = gazetteer.places.map(\.info) + gazetteer.areas.map(\.info) + gazetteer.roads.map(\.info)
        return Set(features.flatMap(\.names.keys)).sorted()
    }

    /// The language of the local-script names `--labels both` shows beside English.
    ///
    /// The campaign's `localLanguage` when it names one; otherwise the language the most places have a name in
    /// (ties to the earlier code, so the choice never depends on the process), or nil when no place has one.
    public var localLanguage: String? {
        if let chosen = info.localLanguage { return chosen }
        var counts: [String: Int] = [:]
        for place in gazetteer.places {
            for language in place.info.names.keys { counts[language, default: 0] += 1 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
    }
}
