import KMapLoader
import Testing

@testable import KMapReport

/// A note's data vocabulary in plain words, on sentences written the way campaign keepers write them.
@Suite struct PlainReadingTests {
    let plain: PlainReading

    init() throws { plain = PlainReading(campaign: try CampaignLoader.builtin()) }

    @Test(arguments: [
        (
            "Joint attack: controller isil, Jund al-Aqsa in `by`.",
            "Joint attack: drawn as held by ISIL, Jund al-Aqsa among the attacking forces."
        ),
        (
            "Both sources are kept. Filed before the launch so the file stays in time order.",
            "Both sources are kept."
        ),
        ("'By the next day' gives no hour: untimed.", "'By the next day' gives no hour."),
        ("Told on 25 Feb, filed here to keep dates in order. Untimed.", "Told on 25 Feb. No time given."),
        (
            "Read from the name (gazetteer tie: inferred); al-qulayah is the next event.",
            "Read from the name (an identification inferred by name); Al Qulay'ah is the next event."
        ),
        (
            "'nearly besieged' is not `besieged`: narrative.",
            "'nearly besieged' is not besieged: on record, no change of control."
        ),
        ("A militia: `by: [government]`.", "A militia: counted with the Government side."),
    ])
    func notesReadInPlainWords(_ note: String, _ expected: String) {
        #expect(plain.text(note) == expected)
    }

    @Test func wordsOfTheSourceAreKept() {
        let note =
            "Al-Masdar (pro-government, 22 Feb 2016) puts the fall on Sunday evening; the article says 'By the next day'."
        #expect(plain.text(note) == note)
    }
}
