import Testing

@testable import KMapCommands

/// Summaries count in the right number: `kmap check` said "1 roads" (issue 16).
@Suite struct CountTests {
    @Test(arguments: [(0, "0 roads"), (1, "1 road"), (2, "2 roads")])
    func nounsAgreeWithTheirCount(_ n: Int, _ expected: String) {
        #expect(Count.of(n, "road") == expected)
    }

    @Test func irregularPlurals() {
        #expect(Count.of(1, "entry", plural: "entries") == "1 entry")
        #expect(Count.of(3, "entry", plural: "entries") == "3 entries")
    }
}
