import KMapCompose
import KMapRender

/// Text laid out in columns over as many pages as it takes: a day's events, the appendix, the sources.
///
/// Nothing is ever cut short: a block that does not fit goes to the next column, then to a new page whose
/// heading says it continues. A block is kept whole in a column when it fits in one; a longer one is broken
/// between lines.
struct PageFlow {
    /// A paragraph: wrapped text in one font, optionally led by a numbered badge like the map's.
    struct Paragraph {
        var text: String
        var font: Font
        var color: Color = PDFReport.ink
        var gap: Double = 3
        var badge: Int? = nil
    }

    let measurer: CairoTextMeasurer
    let size: (width: Double, height: Double)
    let columns: Int
    let margin = 32.0
    let gutter = 26.0
    let bottomMargin = 22.0
    let badgeColor: Color
    /// A new page's heading (given the page's index in this flow, from 1); returns its items and where text starts.
    let heading: (Int) -> (items: [SceneItem], top: Double)

    private(set) var pages: [[SceneItem]] = []
    private var column = 0
    private var top = 0.0
    private var y = 0.0
    private var id = 0

    init(
        columns: Int, size: (width: Double, height: Double), badgeColor: Color, measurer: CairoTextMeasurer,
        heading: @escaping (Int) -> (items: [SceneItem], top: Double)
    ) {
        self.columns = columns
        self.size = size
        self.badgeColor = badgeColor
        self.measurer = measurer
        self.heading = heading
        newPage()
    }

    var columnWidth: Double { (size.width - 2 * margin - Double(columns - 1) * gutter) / Double(columns) }
    var bottom: Double { size.height - bottomMargin }
    var x: Double { margin + Double(column) * (columnWidth + gutter) }

    private mutating func newPage() {
        let head = heading(pages.count + 1)
        pages.append(head.items)
        top = head.top
        y = top
        column = 0
    }

    private mutating func nextColumn() {
        if column + 1 < columns {
            column += 1
            y = top
        } else {
            newPage()
        }
    }

    static let badgeIndent = 22.0

    /// Adds a block of paragraphs, kept in one column when it fits in one, and a gap after it.
    mutating func add(_ block: [Paragraph], gap: Double = 10) {
        let laid = block.map { p in
            (p, wrap(p.text, font: p.font, width: columnWidth - (p.badge == nil ? 0 : Self.badgeIndent)))
        }
        let height = laid.reduce(0.0) { $0 + Double($1.1.count) * lineHeight($1.0.font) + $1.0.gap }
        if y + height > bottom, y > top, height <= bottom - top { nextColumn() }
        for (p, lines) in laid {
            let rightToLeft = Self.isRightToLeft(p.text)
            for (k, line) in lines.enumerated() {
                if y + lineHeight(p.font) > bottom { nextColumn() }
                let indent = p.badge == nil ? 0 : Self.badgeIndent
                let m = measurer.measure(line, font: p.font)
                // Right-to-left text (an Arabic quote) is set flush right, where its lines begin.
                let origin = Point(x: rightToLeft ? x + columnWidth - m.width : x + indent, y: y + m.ascent)
                if k == 0, let n = p.badge { pages[pages.count - 1] += badge(n, center: Point(x: x + 8, y: y + 8)) }
                id += 1
                pages[pages.count - 1].append(
                    SceneItem(
                        id: "flow:\(id)", layer: .furniture,
                        symbol: .text(
                            TextItem(
                                text: line, origin: origin, font: p.font, color: p.color,
                                bounds: measurer.bounds(line, font: p.font, origin: origin)))))
                y += lineHeight(p.font)
            }
            y += p.gap
        }
        y += gap
    }

    func lineHeight(_ font: Font) -> Double { (font.size * 1.32).rounded() }

    /// Whether a text's first strong letter is Arabic or Hebrew (quotation marks and digits are neutral).
    static func isRightToLeft(_ text: String) -> Bool {
        for u in text.unicodeScalars where u.properties.isAlphabetic {
            return (0x0590...0x08FF).contains(u.value) || (0xFB1D...0xFEFC).contains(u.value)
        }
        return false
    }

    /// Word wrap, with a word wider than the column (a long address) broken between characters.
    func wrap(_ text: String, font: Font, width: Double) -> [String] {
        measurer.wrap(text, font: font, width: width).flatMap { line -> [String] in
            guard measurer.measure(line, font: font).width > width else { return [line] }
            var pieces: [String] = []
            var current = ""
            for c in line {
                if !current.isEmpty, measurer.measure(current + String(c), font: font).width > width {
                    pieces.append(current)
                    current = ""
                }
                current.append(c)
            }
            return pieces + (current.isEmpty ? [] : [current])
        }
    }

    /// The map's numbered badge, at text size.
    func badge(_ n: Int, center: Point) -> [SceneItem] {
        let font = Font(family: Theme.standard.fontFamily, size: 10.5, bold: true)
        let m = measurer.measure(String(n), font: font)
        let origin = Point(x: center.x - m.width / 2, y: center.y + (m.ascent - m.descent) / 2)
        return [
            SceneItem(
                id: "flow:badge:\(id)", layer: .furniture,
                symbol: .marker(
                    Marker(
                        shape: .circle, center: center, radius: 8, fill: badgeColor,
                        stroke: Stroke(color: .white, width: 1)))),
            SceneItem(
                id: "flow:badge:\(id):number", layer: .furniture,
                symbol: .text(
                    TextItem(
                        text: String(n), origin: origin, font: font, color: .white,
                        bounds: measurer.bounds(String(n), font: font, origin: origin)))),
        ]
    }
}
