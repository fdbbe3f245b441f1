import KMapTestSupport
import Testing

@testable import KMapModel

@Suite struct DayTests {
    @Test(arguments: ["2016-02-21", "2016-02-29", "2017-02-28", "2000-02-29", "1970-01-01"])
    func parsesAndPrintsRealDates(_ text: String) throws {
        let day = try #require(Day(text))
        #expect(day.description == text)
    }

    @Test(arguments: [
        "2016-02-30", "2016-13-01", "2017-02-29", "1900-02-29", "2016-2-3", "16-02-03", "2016/02/03", "", "2016-02-3x",
        "２０１６-02-03",
    ])
    func rejectsImpossibleOrMalformedDates(_ text: String) {
        #expect(Day(text) == nil)
    }

    /// The parser reads bytes; this is the Character-based parser it replaced, kept as the oracle.
    static func characterParse(_ text: String) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return Day(year: y, month: m, day: d)
    }

    @Test func byteParserAgreesWithTheCharacterParser() {
        // Mutations of real dates: a byte replaced, dropped or doubled, drawn from digits, separators, spaces,
        // non-ASCII digits and combining marks, so that near misses of every kind are tried.
        let pieces = ["0", "1", "2", "9", "-", "/", " ", "\t", "\n", "+", "a", "٣", "２", "\u{301}", "é", ""]
        var rng = SplitMix64(seed: 0x6B6D_6170)
        var accepted = 0
        for n in 0..<20_000 {
            var chars = Array(Day(ordinal: Int(rng.next() % 40_000) - 5_000).description).map(String.init)
            for _ in 0..<(n % 3) {
                let at = Int(rng.next() % UInt64(chars.count))
                let piece = pieces[Int(rng.next() % UInt64(pieces.count))]
                switch rng.next() % 3 {
                case 0: chars[at] = piece
                case 1: chars.remove(at: at)
                default: chars.insert(piece, at: at)
                }
                if chars.isEmpty { chars = ["0"] }
            }
            let text = chars.joined()
            let fast = Day(text)
            let slow = Self.characterParse(text)
            #expect(fast == slow, "\(text.debugDescription)")
            if fast != nil { accepted += 1 }
        }
        #expect(accepted > 5_000)  // the mutations leave many real dates, so acceptance is compared too
    }

    @Test func countsAndStepsDays() throws {
        let a = try #require(Day("2016-02-21"))
        let b = try #require(Day("2016-03-01"))
        #expect(b.days(since: a) == 9)  // 2016 is a leap year
        #expect(a.adding(days: 9) == b)
        #expect(Day(ordinal: 0).description == "1970-01-01")
        #expect(a.longDescription == "21 February 2016")
        #expect(b.shortDescription == "1 Mar")
    }

    @Test func parsesTimesOfDay() throws {
        #expect(TimeOfDay("22:00")?.minutes == 22 * 60)
        #expect(TimeOfDay("morning")?.minutes == 9 * 60)
        #expect(TimeOfDay("end") == TimeOfDay.endOfDay)
        for bad in ["24:00", "9:00", "12:60", "noonish", ""] { #expect(TimeOfDay(bad) == nil, "\(bad)") }
    }

    @Test func ordersInstantsByDayThenTime() throws {
        let d = try #require(Day("2016-02-23"))
        let morning = Instant(day: d, time: try #require(TimeOfDay("morning")))
        let evening = Instant(day: d, time: try #require(TimeOfDay("evening")))
        #expect(morning < evening)
        #expect(evening < Instant.endOf(d))
        #expect(Instant.endOf(d) < Instant(day: d.adding(days: 1), time: try #require(TimeOfDay("00:00"))))
        #expect(Instant.endOf(d).description == "2016-02-23")
        #expect(morning.description == "2016-02-23 09:00")
    }
}
