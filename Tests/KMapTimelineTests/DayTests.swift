import Testing
@testable import KMapTimeline

@Suite struct DayTests {
    @Test(arguments: ["2016-02-21", "2016-02-29", "2017-02-28", "2000-02-29", "1970-01-01"])
    func parsesAndPrintsRealDates(_ text: String) throws {
        let day = try #require(Day(text))
        #expect(day.description == text)
    }

    @Test(arguments: ["2016-02-30", "2016-13-01", "2017-02-29", "1900-02-29", "2016-2-3", "16-02-03", "2016/02/03", "", "2016-02-3x", "２０１６-02-03"])
    func rejectsImpossibleOrMalformedDates(_ text: String) {
        #expect(Day(text) == nil)
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
