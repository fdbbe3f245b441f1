import ArgumentParser
import Foundation
import KMapCommands
import KMapLoader
import KMapModel
import KMapRender
import KMapTestSupport
import Testing

@testable import KMapCompose

/// Mutation fuzzing of the campaign loaders, the theme loader and the command line.
///
/// Each case takes a real input (testland or the built-in Khanasir data, a built-in theme, a valid command
/// line), mutates it with a seeded generator (byte flips, deletions, duplications, splices of hostile tokens:
/// huge numbers, NaN, wrong dates, YAML anchors and tags, NUL and invalid UTF-8 bytes), and feeds it through the
/// public entry points. A case passes when the input either loads (and then replays and composes a frame
/// without trapping) or is refused with a located error: a crash or a trap fails the whole run.
///
/// The bounded run here is part of `Scripts/test`; `Scripts/fuzz` runs many more cases (`KMAP_FUZZ_CASES`,
/// `KMAP_FUZZ_SEED`) and, with `KMAP_FUZZ_LAST`, keeps the case in progress on disk so a crash can be replayed.
@Suite(.serialized) struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let cases = Int(environment["KMAP_FUZZ_CASES"] ?? "") ?? 400
    static let seed = UInt64(environment["KMAP_FUZZ_SEED"] ?? "") ?? 20_160_221

    @Test func campaignLoadersRefuseOrAcceptEveryMutation() throws {
        var rng = SplitMix64(seed: Self.seed)
        let corpus = try Corpus()
        defer { corpus.remove() }
        var accepted = 0
        var refused = 0
        for n in 0..<Self.cases {
            let base = rng.pick(corpus.campaigns)
            let file = rng.pick(base.files.keys.sorted())
            let mutated = Mutator.mutate(base.files[file]!, rng: &rng)
            let folder = try corpus.stage(base, replacing: file, with: mutated)
            Self.keepLast("campaign case \(n), seed \(Self.seed): \(file) of \(base.name)", mutated)
            do {
                let campaign = try CampaignLoader.load(folder: folder)
                accepted += 1
                exercise(campaign, rng: &rng)
            } catch {
                refused += 1
                check(error, folder: folder, case: n)
            }
        }
        print(
            "fuzz: \(Self.cases) campaign cases (seed \(Self.seed)): \(accepted) loaded, \(refused) refused with located errors, no crash"
        )
        #expect(accepted + refused == Self.cases)
        #expect(refused > Self.cases / 4, "mutations must mostly break the input, or the fuzzer is not fuzzing")
    }

    /// A loaded campaign must replay, check and compose on any day.
    func exercise(_ campaign: Campaign, rng: inout SplitMix64) {
        _ = CampaignChecker.check(campaign)
        // What loading lets through may name files and reach terminals.
        #expect(
            campaign.info.slug.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            }, "slug \(campaign.info.slug.debugDescription)")
        for text in [campaign.info.title] + campaign.gazetteer.places.map(\.name) {
            #expect(
                !text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" },
                "control character in \(text.debugDescription)")
        }
        let span = max(0, campaign.info.end.days(since: campaign.info.start))
        let day = campaign.info.start.adding(days: Int(rng.next() % UInt64(span + 1)))
        let state = campaign.timeline.state(at: .endOf(day))
        let composer = SceneComposer(campaign: campaign, options: FrameOptions(width: 400, height: 300))
        let scene = composer.scene(for: state, previous: campaign.stateBefore(day))
        #expect(scene.width == 400 && scene.height == 300)
        _ = SVGWriter.write(scene)
    }

    /// A refusal is a `CampaignError` naming a file of the folder, every finding with a message (and a line
    /// when it is about a line).
    func check(_ error: any Error, folder: String, case n: Int) {
        guard let error = error as? CampaignError else {
            Issue.record("case \(n): not a CampaignError: \(error)")
            return
        }
        #expect(error.description.contains(folder) || error.description.contains("campaign"), "case \(n): \(error)")
        if case .invalid(let findings) = error {
            #expect(!findings.isEmpty, "case \(n)")
            for f in findings {
                #expect(f.file.hasPrefix(folder), "case \(n): \(f)")
                #expect(!f.message.isEmpty && (f.line ?? 1) >= 1, "case \(n): \(f)")
            }
        }
    }

    @Test func themeLoaderRefusesOrAcceptsEveryMutation() throws {
        var rng = SplitMix64(seed: Self.seed ^ 0x7468_656d_65)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kmap-fuzz-theme-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let seeds = try ["wikipedia", "isw"].map { Array(try ThemeLoader.builtinYAML($0).utf8) }
        let path = folder + "/theme.yaml"
        for n in 0..<Self.cases {
            let mutated = Mutator.mutate(rng.pick(seeds), rng: &rng)
            try Data(mutated).write(to: URL(fileURLWithPath: path))
            Self.keepLast("theme case \(n), seed \(Self.seed)", mutated)
            do {
                _ = try ThemeLoader.resolve(path)
            } catch {
                #expect(error.description.contains(path), "case \(n): \(error)")
            }
        }
    }

    @Test func argumentParsingNeverTraps() {
        var rng = SplitMix64(seed: Self.seed ^ 0x6172_6773)
        var parsed = 0
        for n in 0..<Self.cases {
            let arguments = ArgumentGrammar.arguments(rng: &rng)
            Self.keepLast("arguments case \(n), seed \(Self.seed)", Array(arguments.joined(separator: "\u{1F}").utf8))
            do {
                _ = try KMap.parseAsRoot(arguments)
                parsed += 1
            } catch {
                // Refusals are ArgumentParser's own errors; what matters is that a message exists and no trap.
                #expect(!KMap.message(for: error).isEmpty || KMap.exitCode(for: error) == .success, "\(arguments)")
            }
        }
        #expect(parsed > 0, "some generated command lines are valid")
    }

    /// With `KMAP_FUZZ_LAST=path`, the input about to run, so that a crash leaves it behind.
    static func keepLast(_ label: String, _ bytes: [UInt8]) {
        guard let path = environment["KMAP_FUZZ_LAST"] else { return }
        try? Data(Array((label + "\n").utf8) + bytes).write(to: URL(fileURLWithPath: path))
    }
}

/// Mutations of a text file's bytes.
enum Mutator {
    /// Tokens that have broken parsers before: numbers out of range, non-numbers, dates that do not exist,
    /// YAML's anchors, aliases, tags and flow syntax, JSON's structure, control and non-UTF-8 bytes.
    static let tokens: [[UInt8]] =
        [
            "-1", "0", "1e309", "-1e309", "NaN", "nan", ".inf", "-.inf", "99999999999999999999999",
            "1.7976931348623157e308",
            "4.9e-324", "2016-02-30", "2016-13-01", "0000-00-00", "9999-12-31", "24:00", "25:61", "\"\"", "''", "null",
            "~",
            "[]", "{}", "[", "]", "{", "}", ":", ": ", "- ", "-", ",", "\t", "\n", "\r\n", "&a", "*a", "!!binary",
            "!!str",
            "<<: *a", "? ", "|", ">", "#", "\\u0000", "\\ud800", "\"\\", "true", "yes", "no",
            String(repeating: "A", count: 5000), String(repeating: "[", count: 300),
            String(repeating: "- ", count: 200),
            "Za\u{E2}\u{20AC}\u{2122}rour", "\u{202E}", "\u{FEFF}",
            // Issue 19: slugs that climb out, URLs that run script, control characters and noncharacters (raw and as
            // JSON and YAML escapes), stacked combining marks.
            "../../../escaped", "a/b", "/abs", "\"..\"", "javascript:alert(1)",
            "\"data:text/html,<script>alert(1)</script>\"",
            "https://example.org/a>b<img src=x>", "<img src=x onerror=alert(1)>", "\"Khan\\u001b]0;PWN\\u0007asir\"",
            "\"\\e[2J\"",
            "\"\\x07\"", "\"\\uFFFE\"", "\"\\uFDD0\"", "\u{FFFF}", "\u{1B}]0;PWN\u{07}", "\u{0B}", "\u{85}",
            "e" + String(repeating: "\u{301}", count: 300),
        ].map { Array($0.utf8) } + [
            [0x00], [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x1B], [0x07],
        ]

    /// Keys whose values name files or become links: appended with a hostile value.
    static let keys = ["slug", "url", "title", "name"].map { Array("\n\($0): ".utf8) }

    static func mutate(_ input: [UInt8], rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + rng.below(4)) {
            let at = rng.below(bytes.count + 1)
            switch rng.below(10) {
            case 8:  // a key that names files or links, with a hostile value, at the end
                bytes += rng.pick(keys) + rng.pick(tokens) + [0x0A]
            case 0 where !bytes.isEmpty:  // flip bits of one byte
                bytes[min(at, bytes.count - 1)] ^= UInt8(1 << rng.below(8))
            case 1:  // a random byte
                bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
            case 2:  // delete a run
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.below(40)))
            case 3:  // duplicate a run
                let run = Array(bytes[at..<min(bytes.count, at + 1 + rng.below(200))])
                bytes.insert(contentsOf: run, at: rng.below(bytes.count + 1))
            case 4:  // cut the file short
                bytes.removeSubrange(at...)
            case 5:  // replace the value after a ':' with a hostile token
                if let colon = bytes[at...].firstIndex(of: UInt8(ascii: ":")) {
                    let end = bytes[colon...].firstIndex { $0 == UInt8(ascii: ",") || $0 == 0x0A } ?? bytes.count
                    bytes.replaceSubrange((colon + 1)..<end, with: [0x20] + rng.pick(tokens))
                }
            case 6:  // swap two lines
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
                if lines.count > 1 {
                    lines.swapAt(rng.below(lines.count), rng.below(lines.count))
                    bytes = Array(lines.joined(separator: [0x0A]))
                }
            case 7:  // replace a number with another
                if let digit = bytes[at...].firstIndex(where: { (0x30...0x39).contains($0) }) {
                    let end =
                        bytes[digit...].firstIndex { !(0x30...0x39).contains($0) && $0 != UInt8(ascii: ".") }
                        ?? bytes.count
                    bytes.replaceSubrange(digit..<end, with: rng.pick(tokens.prefix(16).map { $0 }))
                }
            default:  // splice in a token
                bytes.insert(contentsOf: rng.pick(tokens), at: at)
            }
        }
        return bytes
    }
}

/// The seed inputs: campaign folders copied to a scratch folder, with one file replaced per case.
struct Corpus {
    struct Seed {
        var name: String
        var folder: String
        var files: [String: [UInt8]]
    }

    let root: String
    let campaigns: [Seed]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kmap-fuzz-\(UUID().uuidString)").path
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var seeds: [Seed] = []
        for (name, source) in [
            ("testland", testlandPath), ("khanasir-2016", repository.appendingPathComponent("Geo/khanasir-2016").path),
        ] {
            let folder = root + "/" + name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var files: [String: [UInt8]] = [:]
            for file in try FileManager.default.contentsOfDirectory(atPath: source)
            where file.hasSuffix(".yaml") || file.hasSuffix(".geojson") {
                files[file] = Array(try Data(contentsOf: URL(fileURLWithPath: source + "/" + file)))
                try Data(files[file]!).write(to: URL(fileURLWithPath: folder + "/" + file))
            }
            seeds.append(Seed(name: name, folder: folder, files: files))
        }
        campaigns = seeds
    }

    /// The seed's folder with `file` replaced (the other files restored to the seed's).
    func stage(_ seed: Seed, replacing file: String, with bytes: [UInt8]) throws -> String {
        for (name, original) in seed.files {
            try Data(name == file ? bytes : original).write(to: URL(fileURLWithPath: seed.folder + "/" + name))
        }
        return seed.folder
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// Command lines from kmap's own vocabulary, valid and not.
enum ArgumentGrammar {
    static let commands = [
        "render", "state", "explain", "diff", "timeline", "places", "check", "themes", "chart", "report", "frames",
        "animate", "export", "viewer", "help", "nope", "",
    ]
    static let options = [
        "--day", "--at", "--time", "--from", "--to", "--campaign", "-o", "--output", "--format", "--size", "--scale",
        "--dpi",
        "--theme", "--labels", "--zones", "--svg-engine", "--step", "--tween", "--jobs", "--fps", "--hold-last",
        "--frames", "--out", "--place", "--force", "--quiet", "--transparent", "--help", "-h", "--version", "--", "-",
        "--=",
        "--evidence",
    ]
    static let values = [
        "2016-02-23", "2016-02-30", "2016-13-01", "1999-01-01", "2017-02-25", "22:00", "25:00", "morning", "png", "svg",
        "pdf",
        "gif", "1600x1200", "0x0", "-5x10", "100000x100000", "x", "2", "0", "-1", "nan", "inf", "1e309", "en", "ar",
        "both",
        "wikipedia", "isw", "/nonexistent/theme.yaml", "6h", "1d", "0h", "13x", "khanasir", "rasm-al-nafal", "", " ",
        "\u{0}",
        "/tmp/kmap-fuzz-never-written/x.png", "fast", "cairo", "kmap", "stated", "reported", "inferred", "all",
        "unknown",
        "geojson", "kml", "csv", "events-csv", "json", "/tmp/kmap-fuzz-never-written/x.geojson",
        // Steps that overflowed day arithmetic, and names at the edge of what a file system takes.
        "9223372036854775807d", "9223372036854775807h", "3660d", "3661d", "-1d", "24h", "5h", "1e9d", "0d",
        "/tmp/kmap-fuzz-never-written/" + String(repeating: "n", count: 250) + ".png", "../x.png",
        "\u{1B}]0;PWN\u{07}.png",
    ]

    static func arguments(rng: inout SplitMix64) -> [String] {
        var out: [String] = []
        let first = rng.pick(commands)
        if !first.isEmpty { out.append(first) }
        for _ in 0..<rng.below(7) {
            switch rng.below(4) {
            case 0: out.append(rng.pick(values))
            case 1: out.append(rng.pick(options) + "=" + rng.pick(values))
            default: out += [rng.pick(options), rng.pick(values)]
            }
        }
        return out
    }
}
