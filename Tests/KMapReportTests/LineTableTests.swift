import KMapReport
import Testing

/// The viewer's line table gives back every document as added, and stores shared lines once.
@Suite struct LineTableTests {
    @Test func documentsRoundTripAndShareLines() {
        var table = LineTable()
        let a = "<svg>\n<g>\n<title>1 March</title>\n</g>\n</svg>"
        let b = "<svg>\n<g>\n<title>2 March</title>\n</g>\n</svg>"
        let c = "\n\n<svg>\n"
        for d in [a, b, a, c] { table.add(d) }
        #expect(table.document(0) == a && table.document(1) == b && table.document(2) == a && table.document(3) == c)
        #expect(table.lines.count == 7, "5 lines, 1 new title, 1 empty line")
        #expect(table.documents[2] == [0, 5], "a repeated document is one run")
        #expect(table.documents[1] == [0, 2, 5, 1, 3, 2])
    }
}
