import Foundation
import KMapLoader
import KMapModel
import KMapTestSupport
import Testing

@testable import KMapCommands

/// `kmap import` (issue 16): an ACLED export (the real column set) and a plain table into a campaign, every row
/// accounted for, re-imports merged without duplicates and without touching the user's edits.
@Suite struct ImportTests {
    static let acledHeader =
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
    static let army = "Military Forces of Syria (2000-)", isis = "Islamic State (Syria)"

    /// One ACLED row with the given fields, the rest plausible.
    static func acled(
        _ id: String, _ date: String, _ sub: String, _ actor1: String, _ actor2: String, _ location: String,
        _ lat: String, _ lon: String, geo: String = "1", time: String = "1", notes: String
    ) -> String {
        [
            id, date, "2016", time, "Political violence", "Battles", sub, actor1, "", "1", actor2, "", "2", "12", "",
            "760", "Middle East", "Syria", "Homs", "Tadmor", "Tadmor", location, lat, lon, geo, "SANA", "National",
            "\"" + notes.replacingOccurrences(of: "\"", with: "\"\"") + "\"", "5", "", "1600000000",
        ].joined(separator: ",")
    }

    static let rows = [
        acled(
            "SYR1001", "2016-03-09", "Government regains territory", army, isis, "Jazal", "34.6", "37.9",
            notes: "Regime forces retook Jazal from IS, \"heavy clashes\" reported."),
        acled(
            "SYR1002", "2016-03-24", "Armed clash", army, isis, "Palmyra", "34.5559", "38.2673",
            notes: "Clashes near Palmyra."),
        acled(
            "SYR1003", "2016-03-27", "Government regains territory", army, isis, "Palmyra", "34.5559", "38.2673",
            geo: "2", time: "2", notes: "Regime forces took full control of Palmyra,\nafter IS withdrew."),
        acled(
            "SYR1004", "2016-03-10", "Non-state actor overtakes territory", isis, army, "Al Bayarat", "34.7", "38.0",
            geo: "3", notes: "IS took Al Bayarat."),
        acled(
            "SYR1005", "2016-03-11", "Non-violent transfer of territory", "Unidentified Armed Group (Syria)", "",
            "Arak", "34.65", "38.55", notes: "An armed group took over Arak."),
    ]

    func newCampaign() throws -> (root: String, dir: String) {
        let root = try scratchFolder("import")
        let dir = root + "/palmyra"
        #expect(
            runKMap([
                "init", dir, "--start", "2016-03-07", "--end", "2016-03-27", "--country", "SY", "--faction",
                "government:Government:#e3242b", "--faction", "isil:ISIL:#1a1a1a",
            ]) == 0)
        return (root, dir)
    }

    func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func merge(_ file: String, into dir: String) throws -> CampaignImporter.Result {
        let table = try DelimitedTable(try read(file), separator: ",")
        let (records, skips) = try ACLEDReader.read(table)
        return try CampaignImporter.merge(records, skips: skips, into: dir)
    }

    @Test func acledRowsBecomeControlChangesThroughTheActorMap() throws {
        let (root, dir) = try newCampaign()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let export = root + "/acled.csv"
        try write(Self.acledHeader + "\n" + Self.rows.joined(separator: "\n") + "\n", export)

        // First run: no actor is mapped yet; the command writes the map for the user to edit.
        #expect(runKMap(["import", export, "--campaign", dir]) == 0)
        let map = try read(dir + "/import-actors.yaml")
        for actor in [Self.army, Self.isis, "Unidentified Armed Group (Syria)"] {
            #expect(map.contains("\"\(actor)\": \"\""), "\(actor)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/import-ledger.txt"), "nothing imported yet")

        try write(
            map.replacingOccurrences(of: "\"\(Self.army)\": \"\"", with: "\"\(Self.army)\": government")
                .replacingOccurrences(of: "\"\(Self.isis)\": \"\"", with: "\"\(Self.isis)\": isil"),
            dir + "/import-actors.yaml")
        let result = try merge(export, into: dir)
        #expect(result.outcomes.map(\.line) == [2, 3, 4, 6, 7], "every row accounted for, by its line")
        let outcomes = Dictionary(uniqueKeysWithValues: result.outcomes.map { ($0.line, $0.outcome) })
        #expect(outcomes[3] == .skipped("not a change of control (Armed clash)"))
        #expect(
            outcomes[7]
                == .skipped("actor 'Unidentified Armed Group (Syria)' is mapped to no faction in import-actors.yaml"))
        #expect(outcomes[2] == .imported(place: "jazal", newPlace: true))
        #expect(runKMap(["import", export, "--campaign", dir]) == 0)

        let campaign = try CampaignLoader.load(folder: dir)
        #expect(campaign.info.source("acled")?.url == "https://acleddata.com")
        #expect(campaign.gazetteer.place("jazal")?.info.confidence == .exact)
        #expect(campaign.gazetteer.place("palmyra")?.info.confidence == .approximate, "geo_precision 2")
        #expect(campaign.gazetteer.place("al-bayarat")?.info.confidence == .estimate, "geo_precision 3")
        let events = campaign.timeline.events
        #expect(events.map(\.places) == [["jazal"], ["al-bayarat"], ["palmyra"]], "in date order")
        #expect(
            events[0].quote == "Regime forces retook Jazal from IS, \"heavy clashes\" reported."
                && events[0].confidence == .stated)
        #expect(events[2].quote == "Regime forces took full control of Palmyra,\nafter IS withdrew.")
        #expect(
            events[2].confidence == .inferred && events[2].note?.contains("only to the week") == true,
            "time_precision 2")
        #expect(events[1].controller == "isil" && events[0].controller == "government")
        #expect(CampaignChecker.check(campaign).filter { $0.severity == .error }.isEmpty)
    }

    @Test func reimportingMergesAndKeepsTheUsersEdits() throws {
        let (root, dir) = try newCampaign()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("\"\(Self.army)\": government\n\"\(Self.isis)\": isil\n", dir + "/import-actors.yaml")
        let export = root + "/acled.csv"
        try write(Self.acledHeader + "\n" + Self.rows[0...1].joined(separator: "\n") + "\n", export)
        #expect(runKMap(["import", export, "--campaign", dir]) == 0)
        // The user corrects the imported quote and deletes nothing; a newer export has one more row.
        let edited = try read(dir + "/events.yaml").replacingOccurrences(
            of: "Regime forces retook Jazal", with: "Syrian army units retook Jazal")
        try write(edited, dir + "/events.yaml")
        try write(Self.acledHeader + "\n" + Self.rows[0...3].joined(separator: "\n") + "\n", export)
        let again = try merge(export, into: dir)
        #expect(
            again.outcomes.first { $0.line == 2 }?.outcome
                == .merged("imported before (acled:SYR1001); your edits to it are kept"))
        #expect(runKMap(["import", export, "--campaign", dir]) == 0)
        let events = try read(dir + "/events.yaml")
        #expect(events.hasPrefix(edited), "what the user wrote is kept byte for byte")
        #expect(events.components(separatedBy: "places: [jazal]").count == 2, "no duplicate")
        #expect(events.contains("Syrian army units retook Jazal") && !events.contains("Regime forces retook Jazal"))
        #expect(events.contains("places: [palmyra]") && events.contains("places: [al-bayarat]"))
        // A third run changes nothing.
        let before = try read(dir + "/events.yaml")
        let gazetteer = try read(dir + "/gazetteer.geojson")
        #expect(runKMap(["import", export, "--campaign", dir]) == 0)
        #expect(try read(dir + "/events.yaml") == before && (try read(dir + "/gazetteer.geojson")) == gazetteer)
    }

    @Test func olderExportsPutTheTransferInTheEventType() throws {
        let header =
            "event_id_cnty,event_date,time_precision,event_type,actor1,assoc_actor_1,actor2,location,latitude,longitude,geo_precision,source,notes"
        let row =
            "SYR7,15 March 2016,1,Battle-Government regains territory,\(Self.army),,\(Self.isis),Jazal,34.6,37.9,1,SANA,Retaken."
        let (records, skips) = try ACLEDReader.read(try DelimitedTable(header + "\n" + row + "\n", separator: ","))
        #expect(skips.isEmpty)
        #expect(
            records.first?.day == Day("2016-03-15") && records.first?.controller == Self.army
                && records.first?.ref == "acled:SYR7")
    }

    @Test func aPlainTableWithRenamedColumnsMatchesPlacesByName() throws {
        let dir = try testlandCopy(editing: "campaign.yaml") { $0 }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let table = """
            Date\tVillage\tlat\tlon\tHolder\tstatus\tquote\tsource\turl\tconfidence
            2020-01-09\tBRAVO\t\t\tisil\t\tBlack takes Bravo again.\tscript\t\tstated
            2020-01-09\tEcho Farm\t50.45\t10.55\tgovernment\t\tBlue holds Echo Farm.\tnews\thttps://example.org/echo\treported
            2020-01-10\tDelta\t\t\tisil\tcontested\tBlack attacks Delta.\tscript\t\tstated
            2020-01-10\tFoxtrot\t\t\tgovernment\t\tBlue takes Foxtrot.\tscript\t\tstated
            2020-01-10\tAlpha\t\t\tisis\t\tBlack takes Alpha.\tscript\t\tstated

            """
        let file = dir + "/../changes.tsv"
        try write(table, file)
        let (records, skips) = try TableReader.read(
            try DelimitedTable(table, separator: "\t"), rename: ["place": "Village", "controller": "Holder"])
        let result = try CampaignImporter.merge(records, skips: skips, into: dir)
        let outcomes = result.outcomes.map(\.outcome)
        #expect(outcomes.count == 5)
        #expect(outcomes[0] == .imported(place: "bravo", newPlace: false), "matched by name, case aside")
        #expect(outcomes[1] == .imported(place: "echo-farm", newPlace: true))
        #expect(outcomes[2] == .imported(place: "delta", newPlace: false))
        #expect(
            outcomes[3]
                == .skipped(
                    "'Foxtrot' is not in the gazetteer, the row has no lat/lon and GeoNames has no place of that name in the area; add lat and lon (kmap lookup helps)"
                ))
        #expect(
            outcomes[4]
                == .skipped(
                    "'isis' is not a faction of the campaign (government, isil, jund-al-aqsa); did you mean 'isil'?"))
        #expect(
            runKMap(["import", file, "--campaign", dir, "--column", "place=Village", "--column", "controller=Holder"])
                == 0)
        let campaign = try CampaignLoader.load(folder: dir)
        #expect(campaign.info.source("news")?.url == "https://example.org/echo")
        let delta = try #require(campaign.timeline.events.last { $0.places == ["delta"] })
        #expect(delta.status == .contested && delta.by == ["isil"] && delta.controller == nil)
    }

    @Test func aRowWithoutCoordinatesIsPlacedFromGeoNames() throws {
        let (root, dir) = try newCampaign()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let table = "date,place,controller,quote,source\n2016-03-27,Tadmor,government,\"The army took Tadmor.\",notes\n"
        let (records, skips) = try TableReader.read(try DelimitedTable(table, separator: ","))
        let result = try CampaignImporter.merge(records, skips: skips, into: dir)
        #expect(result.outcomes.map(\.outcome) == [.imported(place: "tadmor", newPlace: true)])
        let file = root + "/t.csv"
        try write(table, file)
        #expect(runKMap(["import", file, "--campaign", dir]) == 0)
        let campaign = try CampaignLoader.load(folder: dir)
        let place = try #require(campaign.gazetteer.place("tadmor"))
        #expect(place.coordinate == Coordinate(lon: 38.28402, lat: 34.5624))
        #expect(place.info.source == "geonames" && place.info.sourceRef?.hasPrefix("GeoNames 163808") == true)
        #expect(place.info.confidence == .approximate, "found by name: a candidate until checked")
        #expect(campaign.info.source("geonames")?.licence == "CC BY 4.0")
    }

    @Test func aBrokenTableNamesItsLine() throws {
        #expect(throws: ImportError.self) { try DelimitedTable("a,b\n1,\"open\n2,3\n", separator: ",") }
        do { _ = try DelimitedTable("a,b\n1,2\n3\n", separator: ",") } catch {
            #expect(error.line == 3 && error.message.contains("has 1 fields but the header has 2"))
        }
        do { _ = try TableReader.read(try DelimitedTable("date,place\n", separator: ",")) } catch {
            #expect(
                error.message.contains("lacks the columns controller, quote, source")
                    && error.message.contains("--column controller=YOURNAME"))
        }
    }
}
