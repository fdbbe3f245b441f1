/// The languages a campaign's places are named in, besides English: what `--labels` can show.
extension Campaign {
    /// Every language code some place, area or road has a name in, sorted.
    static func nameLanguages(in gazetteer: Gazetteer) -> [String] {
        let features = gazetteer.places.map(\.info) + gazetteer.areas.map(\.info) + gazetteer.roads.map(\.info)
        return Set(features.flatMap(\.names.keys)).sorted()
    }

    /// The language the most places have a name in, ties to the earlier code (never the process's hash order).
    ///
    /// - Complexity: O(places × languages per place).
    static func commonestLanguage(in gazetteer: Gazetteer) -> String? {
        var counts: [String: Int] = [:]
        for place in gazetteer.places {
            for language in place.info.names.keys { counts[language, default: 0] += 1 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
    }
}
