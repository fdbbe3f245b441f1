import Foundation
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapLoader

/// The second built-in campaign, the 2022 Kharkiv counteroffensive: clean, sourced, and replayed as its sources say.
@Suite struct KharkivCampaignTests {
    let campaign: Campaign
    init() throws { campaign = try CampaignLoader.builtin("kharkiv-2022") }

    @Test func isBuiltInAndPassesCheck() throws {
        #expect(CampaignLoader.builtinNames == ["khanasir-2016", "kharkiv-2022"])
        let findings = CampaignChecker.check(campaign)
        #expect(findings.isEmpty, "\(findings.map(\.description))")
        #expect(campaign.info.title == "2022 Kharkiv counteroffensive")
        #expect(campaign.info.start == Day("2022-09-06") && campaign.info.end == Day("2022-10-07"))
    }

    /// Every place is a GeoNames point with its id, and every event quotes a source the campaign lists.
    @Test func everyPlaceAndEventIsSourced() throws {
        #expect(campaign.gazetteer.places.count >= 15)
        for place in campaign.gazetteer.places {
            #expect(place.info.source == "geonames")
            #expect(place.info.sourceRef?.hasPrefix("GeoNames ") == true, "\(place.id)")
            #expect(place.info.confidence != .estimate, "\(place.id): every point comes from GeoNames")
        }
        let events = campaign.timeline.events
        #expect(events.count >= 20)
        for e in events + campaign.timeline.initial.exceptions {
            #expect(!e.quote.isEmpty)
            #expect(campaign.info.source(e.source) != nil, "\(e.source)")
        }
    }

    /// Its own colours (blue and red), its country's context and inset, and Ukrainian labels for `both`.
    @Test func hasColoursContextAndLanguages() throws {
        #expect(campaign.faction("ukraine")?.color == "#1f5fbf")
        #expect(campaign.faction("russia")?.color == "#d62828")
        let context = try #require(campaign.context)
        #expect(!context.towns.isEmpty)
        #expect(campaign.locator != nil && campaign.locatorFromContext)
        #expect(campaign.nameLanguages == ["ru", "uk"])
        #expect(campaign.localLanguage == "uk")
        #expect(campaign.gazetteer.place("izium")?.info.names == ["uk": "Ізюм", "ru": "Изюм"])
    }

    @Test(arguments: [
        ("2022-09-06", "balakliia", "russia", ControlStatus.besieged),
        ("2022-09-07", "balakliia", "russia", .contested),
        ("2022-09-08", "balakliia", "ukraine", .held),
        ("2022-09-09", "izium", "russia", .held),
        ("2022-09-10", "izium", "ukraine", .held),
        ("2022-09-10", "kupiansk", "ukraine", .held),
        ("2022-09-26", "kupiansk-vuzlovyi", "russia", .held),
        ("2022-09-27", "kupiansk-vuzlovyi", "ukraine", .held),
        ("2022-10-01", "lyman", "russia", .contested),
        ("2022-10-02", "lyman", "ukraine", .held),
        ("2022-10-03", "borova", "ukraine", .held),
        ("2022-10-07", "svatove", "russia", .held),
    ])
    func replaysWhatTheSourcesSay(_ day: String, _ place: String, _ controller: String, _ status: ControlStatus)
        throws
    {
        let state = try campaign.state(on: try #require(Day(day)))
        let control = try #require(state[place])
        #expect(control.controller == controller)
        #expect(control.status == status)
    }

    /// Zelensky's "As of 12:30": Lyman is still contested at midday, cleared by the afternoon.
    @Test func lymanIsClearedAtTheQuotedTime() throws {
        let day = try #require(Day("2022-10-02"))
        let noon = try campaign.state(on: day, at: try #require(TimeOfDay("12:00")))
        let afternoon = try campaign.state(on: day, at: try #require(TimeOfDay("afternoon")))
        #expect(noon["lyman"]?.status == .contested)
        #expect(afternoon["lyman"]?.controller == "ukraine" && afternoon["lyman"]?.status == .held)
    }
}

/// `--campaign NAME`: a built-in by id, a folder by path; an existing folder wins over a bare built-in id.
@Suite struct CampaignResolutionTests {
    @Test func aBareIdIsTheBuiltIn() throws {
        #expect(try CampaignLoader.resolution(of: "kharkiv-2022") == .builtin("kharkiv-2022"))
        #expect(try CampaignLoader.resolve("kharkiv-2022").info.id == "kharkiv-2022")
        #expect(try CampaignLoader.resolve(nil).info.id == CampaignLoader.defaultBuiltin)
    }

    @Test func aPathIsAFolder() throws {
        #expect(try CampaignLoader.resolution(of: testlandPath) == .folder(testlandPath, shadowing: nil))
        // A name with a slash is a folder even when it does not exist: the folder error, not the built-in list.
        #expect(
            try CampaignLoader.resolution(of: "nowhere/kharkiv-2022") == .folder("nowhere/kharkiv-2022", shadowing: nil)
        )
        #expect(throws: CampaignError.self) { try CampaignLoader.resolve("nowhere/kharkiv-2022") }
    }

    @Test func anUnknownIdListsTheBuiltIns() {
        do {
            _ = try CampaignLoader.resolution(of: "kharkiv-2002")
            Issue.record("an unknown id resolved")
        } catch {
            let message = error.description
            #expect(message.contains("did you mean 'kharkiv-2022'?"))
            #expect(message.contains("khanasir-2016, kharkiv-2022"))
            #expect(message.contains("kmap campaigns"))
        }
    }
}

/// The gazetteer's names per language: `names`, the older `arabic`, and what is refused.
@Suite struct NamesPerLanguageTests {
    func load(_ properties: String) throws -> Result<Campaign, CampaignError> {
        let folder = try testlandCopy(editing: "gazetteer.geojson") {
            $0.replacingOccurrences(
                of: #""id": "alpha", "name": "Alpha","#, with: #""id": "alpha", "name": "Alpha", \#(properties),"#)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do { return .success(try CampaignLoader.load(folder: folder)) } catch { return .failure(error) }
    }

    func errors(_ properties: String) throws -> [String] {
        guard case .failure(.invalid(let findings)) = try load(properties) else { return [] }
        return findings.filter { $0.severity == .error }.map(\.message)
    }

    @Test func namesAreReadPerLanguage() throws {
        let c = try load(#""names": {"uk": "Альфа", "ru": "Альфа-р"}"#).get()
        let alpha = try #require(c.gazetteer.place("alpha"))
        #expect(alpha.info.names == ["uk": "Альфа", "ru": "Альфа-р"])
        #expect(alpha.info.allNames.contains("Альфа"))
        #expect(c.nameLanguages == ["ru", "uk"])
        #expect(c.gazetteer.search("Альфа").first?.id == "alpha")
    }

    @Test func arabicIsStillAcceptedAsNamesAr() throws {
        let c = try load(#""arabic": "ألفا", "names": {"uk": "Альфа"}"#).get()
        let alpha = try #require(c.gazetteer.place("alpha"))
        #expect(alpha.info.arabic == "ألفا")
        #expect(alpha.info.names == ["ar": "ألفا", "uk": "Альфа"])
    }

    @Test(arguments: [
        (#""names": {"Ukrainian": "Альфа"}"#, "'Ukrainian' in 'names' is not a language code"),
        (#""names": {"en": "Alpha"}"#, "remove 'en' from 'names'"),
        (#""names": ["Альфа"]"#, "'names' must map language codes to names"),
        (#""names": {"uk": ["Альфа"]}"#, "the 'uk' name must be text"),
        (#""arabic": "ألفا", "names": {"ar": "الفا"}"#, "'arabic' (ألفا) and 'names.ar' (الفا) disagree"),
    ])
    func badNamesAreRefusedWithAFix(_ properties: String, _ message: String) throws {
        let errors = try errors(properties)
        #expect(errors.contains { $0.contains(message) }, "\(errors)")
    }

    @Test func theLocalLanguageIsTheCampaignsOrTheMostCommon() throws {
        let c = try load(#""names": {"uk": "Альфа"}"#).get()
        #expect(c.localLanguage == "uk")
        let khanasir = try CampaignLoader.builtin()
        #expect(khanasir.localLanguage == "ar")
    }
}
