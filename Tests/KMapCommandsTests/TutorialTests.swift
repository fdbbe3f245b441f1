import Foundation
import KMapTestSupport
import Testing

/// docs/TUTORIAL.md works as written (issue 16): its table is saved, and every `kmap` line of its `sh` blocks runs,
/// in order, in a fresh folder, through a shell as a reader would type it.
@Suite struct TutorialTests {
    static let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("docs/TUTORIAL.md")

    /// The text of every fenced block of `language`, in order.
    static func blocks(_ text: String, _ language: String) -> [String] {
        var out: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```\(language)" {
                current = []
            } else if current != nil, line == "```" {
                out.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return out
    }

    @Test func everyCommandOfTheTutorialWorks() throws {
        let text = try String(contentsOf: Self.doc, encoding: .utf8)
        let table = try #require(Self.blocks(text, "csv").first)
        let rows = table.split(separator: "\n").dropFirst()
        #expect(rows.count == 20, "20 changes")
        #expect(Set(rows.map { $0.split(separator: ",")[1] }).count == 15, "of 15 places")
        let commands = Self.blocks(text, "sh").flatMap { $0.split(separator: "\n").map(String.init) }.filter {
            $0.hasPrefix("kmap ")
        }
        #expect(commands.count >= 7)

        let dir = try scratchFolder("tutorial")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try (table + "\n").write(toFile: dir + "/changes.csv", atomically: true, encoding: .utf8)
        let bin = URL(fileURLWithPath: try ProcessRunner.kmap()).deletingLastPathComponent().path
        var outputs: [String] = []
        for command in commands {
            let result = try ProcessRunner.run("/bin/sh", ["-c", "cd '\(dir)' && PATH='\(bin)':\"$PATH\" \(command)"])
            #expect(result.status == 0, "\(command): exit \(result.status)\n\(result.stderr)")
            outputs.append(result.stdout)
        }
        #expect(outputs.contains { $0.contains("20 rows: 20 imported (15 new places), 0 merged, 0 skipped") })
        #expect(outputs.filter { $0.hasPrefix("clean:") }.count == 2, "check passes before and after the import")
        #expect(outputs.contains { $0.contains("clean: 15 places, 0 roads, 20 events, 2 sources") })
        for file in ["riverland-10-may.png", "riverland.gif"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + file), "\(file) written")
        }
        // Importing again merges every row.
        let again = try ProcessRunner.run(
            "/bin/sh", ["-c", "cd '\(dir)' && '\(bin)/kmap' import changes.csv --campaign riverland"])
        #expect(again.stdout.contains("20 rows: 0 imported (0 new places), 20 merged, 0 skipped"))
    }
}
