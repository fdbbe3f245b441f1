import KMapTestSupport
import Testing

@testable import KMapCompose
@testable import KMapRender

/// Word wrap by halving gives the lines that adding one word at a time gives.
@Suite struct WrapTests {
    /// The plain greedy wrap: words are added to a line while it stays within `width`.
    static func wordByWord(_ s: String, measurer: any TextMeasurer, font: Font, width: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if measurer.measure(candidate, font: font).width <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    @Test func halvingWrapsAsWordByWordDoes() {
        var rng = SplitMix64(seed: 7)
        let words = [
            "ISIL", "takes", "Khanasir", "and", "11", "places;", "Sheikh", "Hilal", "-", "Ithriya", "road",
            "cut", "Al-Mughayrat", "Tal", "Za’rour", "fighting", "in", "a", "supercalifragilisticexpialidocious",
        ]
        let font = Font(family: "DejaVu Sans", size: 14)
        for measurer in [FixedWidthMeasurer() as any TextMeasurer, CairoTextMeasurer()] {
            for _ in 0..<150 {
                let text = (0..<rng.below(30)).map { _ in rng.pick(words) }.joined(
                    separator: rng.below(5) == 0 ? "  " : " ")
                let width = Double(20 + rng.below(400))
                #expect(
                    measurer.wrap(text, font: font, width: width)
                        == Self.wordByWord(text, measurer: measurer, font: font, width: width), "\(text) at \(width)")
            }
        }
    }
}
