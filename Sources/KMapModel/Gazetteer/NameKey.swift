import Foundation

/// A name folded for matching: lowercase, no diacritics, no punctuation, articles joined.
///
/// Transliterations of Arabic names vary in their vowels and marks ("Khanasir", "Khanaser", "Khanāṣir";
/// "Rasm al-Nafl", "Rasm Al-Nafal"; "Tal Za'rour", "Tal Zaarour"), so names are compared on their letters
/// (`text`) and, failing that, on their consonant skeleton (`skeleton`: Latin vowels and doubled letters
/// dropped).
public struct NameKey: Hashable, Sendable {
    public let text: String
    public let skeleton: String

    public init(_ name: String) {
        let letters: [Unicode.Scalar]
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (most names and transliterations): folding is lowercasing, the same result without
            // Foundation's folding, which costs `kmap lookup` most of its time over 40,000 names.
            letters = name.utf8.compactMap { b in
                switch b {
                case 0x61...0x7A, 0x30...0x39: Unicode.Scalar(b)
                case 0x41...0x5A: Unicode.Scalar(b + 0x20)
                default: nil
                }
            }
        } else {
            let folded = name.folding(
                options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            letters = folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
        }
        text = String(String.UnicodeScalarView(letters))
        var skeleton = String.UnicodeScalarView()
        for scalar in letters where !"aeiouy".unicodeScalars.contains(scalar) {
            // Doubled letters are a transliteration's whim ("Zaarour"); doubled digits are a different number
            // ("Point 11" is not "Point 1").
            if skeleton.last != scalar || CharacterSet.decimalDigits.contains(scalar) { skeleton.append(scalar) }
        }
        self.skeleton = String(skeleton)
    }

    /// How well `self` (a query) matches `name`: 3 letters equal, 2 skeletons equal, 1 contained, 0 not at all.
    public func score(against name: NameKey) -> Int {
        if text.isEmpty { return 0 }
        if text == name.text { return 3 }
        if !skeleton.isEmpty && skeleton == name.skeleton { return 2 }
        if text.count >= 3 && name.text.contains(text) { return 1 }
        return 0
    }
}
