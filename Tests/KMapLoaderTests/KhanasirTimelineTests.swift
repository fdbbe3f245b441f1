import Testing
import KMapModel
@testable import KMapLoader

/// The built-in campaign against a careful reading of the article, sentence by sentence.
@Suite struct KhanasirTimelineTests {
    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.builtin() }

    func state(_ day: String, _ time: String = "end") throws -> ControlState {
        let d = try #require(Day(day))
        return try campaign.state(on: d, at: try #require(TimeOfDay(time)))
    }

    @Test func loadsWithoutWarningsAndEveryRecordHasASource() throws {
        #expect(campaign.warnings.isEmpty, "\(campaign.warnings)")
        let sources = Set(campaign.info.sources.map(\.id))
        for place in campaign.gazetteer.places { #expect(sources.contains(place.info.source), "\(place.id)") }
        for event in campaign.timeline.events {
            #expect(sources.contains(event.source))
            #expect(!event.quote.isEmpty)
        }
    }

    /// "At 10 p.m. on 21 February, the offensive was launched by ISIL."
    @Test func before22FebruaryTheRoadIsOpen() throws {
        let s = try state("2016-02-21")
        #expect(s.route?.phase == .open)
        #expect(s["khanasir"]?.controller == "government")
        #expect(s["rasm-al-nafal"]?.controller == "government")
    }

    /// "By the next day, a joint attack … captured the village of Rasm Al-Nafal, as well as two other points along
    /// the Khanasir-Aleppo Road, cutting the Syrian government's only supply route to Aleppo city."
    @Test func on22FebruaryRasmAlNafalFallsAndTheRouteIsCut() throws {
        let s = try state("2016-02-22")
        #expect(s["rasm-al-nafal"]?.controller == "isil")
        #expect(s.route?.phase == .cut)
        #expect(s.route?.cutAt.contains("rasm-al-nafal") == true)
        #expect(s.route?.cutSince?.day.description == "2016-02-22")
    }

    /// "… ultimately ISIL managed to capture Khanasir. … By the evening, government forces recaptured Syria Tel Hill
    /// (Tal Syria Tel), outside Khanasir, and Rasm Al-Nafal."
    @Test func on23FebruaryKhanasirFallsAndRasmAlNafalIsRetaken() throws {
        #expect(try state("2016-02-23", "morning")["khanasir"]?.controller == "government")
        let s = try state("2016-02-23")
        #expect(s["khanasir"]?.controller == "isil")
        #expect(s["khanasir"]?.since.description == "2016-02-23")
        #expect(s["rasm-al-nafal"]?.controller == "government")
        #expect(s["syria-tel-hill"]?.controller == "government")
        #expect(s.route?.phase == .cut)
    }

    /// "The following morning, the Syrian Army re-entered Khanasir …": contested, not captured.
    @Test func on24FebruaryKhanasirIsContestedNotTaken() throws {
        let s = try state("2016-02-24")
        #expect(s["khanasir"]?.controller == "isil")
        #expect(s["khanasir"]?.status == .contested)
        #expect(s["khanasir"]?.contestedBy == ["government"])
        #expect(s["tal-zarour"]?.controller == "government")
    }

    /// "On 25 February, the Tiger Forces and their allies recaptured Khanasir … captured the nearby village of
    /// Al-Mughayrat, along with four hilltops north of it (including the large Talat Al-Bayda hill)."
    @Test func on25FebruaryKhanasirAndAlMughayratAreRetaken() throws {
        let s = try state("2016-02-25")
        #expect(s["khanasir"]?.controller == "government")
        #expect(s["khanasir"]?.status == .held)
        #expect(s["al-mughayrat"]?.controller == "government")
        #expect(s["talat-al-bayda"]?.controller == "government")
        #expect(s["shilallah-al-kabeera"]?.controller == "government")
        #expect(s.route?.phase == .cut, "the road is cleared only on 26 February")
    }

    /// "Later in the day, the Army captured the remaining four villages that ISIL held, thus clearing the road to
    /// Aleppo." "On 29 February, the road to Aleppo city was once again reopened."
    @Test func theRoadIsClearedOn26AndReopenedOn29February() throws {
        #expect(try state("2016-02-26", "morning").route?.phase == .cut)
        let cleared = try state("2016-02-26")
        #expect(cleared.route?.phase == .cleared)
        #expect(cleared.route?.clearedAt?.day.description == "2016-02-26")
        #expect(try state("2016-02-28").route?.phase == .cleared)
        let open = try state("2016-02-29")
        #expect(open.route?.phase == .open)
        #expect(open.route?.reopenedAt?.day.description == "2016-02-29")
    }

    /// "ISIL took control of a village near al-Hamam Mountain … Government forces reportedly re-secured the village
    /// the following day."
    @Test func alHamamVillageIsLostOn26AndReportedRetakenOn27() throws {
        #expect(try state("2016-02-26")["al-hamam-village"]?.controller == "isil")
        let s = try state("2016-02-27")
        #expect(s["al-hamam-village"]?.controller == "government")
        #expect(s["al-hamam-village"]?.basis.confidence == .reported)
    }

    /// "At the same time, elsewhere the Syrian Army captured the last point on the Sheikh Hilal-Ithriya Road that
    /// was held by ISIL."
    @Test func on28FebruaryTheSheikhHilalRoadIsCleared() throws {
        #expect(try state("2016-02-27").road("sheikh-hilal-ithriya-road")?.isCut == true)
        let s = try state("2016-02-28")
        #expect(s.road("sheikh-hilal-ithriya-road")?.isCut == false)
        #expect(s.road("sheikh-hilal-ithriya-road")?.phase == .cleared)
    }

    /// "Between 9 and 10 March, government forces captured 13 villages previously held by ISIL, near the southern
    /// bank of Lake Jabbūl."
    @Test func by10MarchTheLakeVillagesAreTaken() throws {
        let lakeVillages = campaign.gazetteer.places.filter { $0.tie?.sentence.hasPrefix("Between 9 and 10 March") == true }
        #expect(lakeVillages.count >= 9)
        let before = try state("2016-03-08"), after = try state("2016-03-10")
        for v in lakeVillages {
            #expect(before[v.id]?.controller == "isil", "\(v.id) before")
            #expect(after[v.id]?.controller == "government", "\(v.id) after")
        }
        #expect(after.route?.phase == .open)
    }

    /// "On 16 April, … by the evening they recaptured all of the territory lost, except the oil field."
    @Test func inAprilTheOilFieldStaysLost() throws {
        #expect(try state("2016-04-14")["duraham-oil-field"]?.controller == "government")
        #expect(try state("2016-04-15")["duraham-oil-field"]?.controller == "isil")
        #expect(try state("2016-04-16")["duraham-oil-field"]?.controller == "isil")
        #expect(try state("2016-04-16")["khanasir"]?.controller == "government")
    }

    /// "Towards the end of February, the Republican Guard seized the village of Umm Miyal, east of the highway."
    @Test func umMiyalIsTakenAtTheEndOfFebruary2017() throws {
        #expect(try state("2017-02-01")["umm-miyal"]?.controller == "isil")
        let s = try state("2017-02-28")
        #expect(s["umm-miyal"]?.controller == "government")
        #expect(s["umm-miyal"]?.basis.confidence == .inferred)
    }
}
