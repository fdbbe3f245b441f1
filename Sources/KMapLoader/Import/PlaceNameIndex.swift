import KMapModel

/// Place ids by the folded letters and the consonant skeleton of their names, for matching import rows.
///
/// An import matches a name only on equal letters or, failing that, an equal skeleton (`NameKey` scores 3 and
/// 2), so two dictionaries answer each row at once: a 100,000-row export against a growing gazetteer stays
/// linear instead of comparing every row with every place.
struct PlaceNameIndex {
    private var byText: [String: [String]] = [:]
    private var bySkeleton: [String: [String]] = [:]

    mutating func add(_ id: String, names: [String]) {
        for name in names {
            let key = NameKey(name)
            guard !key.text.isEmpty else { continue }
            if !byText[key.text, default: []].contains(id) { byText[key.text, default: []].append(id) }
            if !key.skeleton.isEmpty, !bySkeleton[key.skeleton, default: []].contains(id) {
                bySkeleton[key.skeleton, default: []].append(id)
            }
        }
    }

    /// The places whose letters match `name`, else those whose skeleton does; in the order they were added.
    func matches(_ name: String) -> [String] {
        let key = NameKey(name)
        if let exact = byText[key.text], !exact.isEmpty { return exact }
        return key.skeleton.isEmpty ? [] : bySkeleton[key.skeleton] ?? []
    }
}
