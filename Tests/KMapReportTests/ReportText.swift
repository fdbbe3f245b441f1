import Foundation
import KMapCompose
import KMapRender

/// A report's text as a reader gets it from each format, for tests on content rather than pixels.
enum ReportText {
    /// Runs of white space made one space, so text wrapped over lines compares with the sentence it came from.
    static func normalized(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// How many times `needle` occurs in `text` (not overlapping), both normalized.
    static func count(_ needle: String, in text: String) -> Int {
        let n = normalized(needle)
        guard !n.isEmpty else { return 0 }
        return normalized(text).components(separatedBy: n).count - 1
    }

    /// Whether `s` holds right-to-left script, which `pdftotext` gives back reordered, so only the scene's text
    /// can be compared with it.
    static func hasRightToLeft(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x0590...0x08FF).contains($0.value) || (0xFB1D...0xFEFC).contains($0.value) }
    }

    /// The text of a PDF report's pages as drawn: every text item, in drawing order.
    static func scenes(_ pages: [Scene]) -> String {
        pages.flatMap(\.items).compactMap { item -> String? in
            if case .text(let t) = item.symbol { t.text } else { nil }
        }.joined(separator: " ")
    }

    /// The text of a PDF file as `pdftotext -raw` extracts it, or nil when poppler-utils is not installed.
    static func pdftotext(_ pdf: [UInt8]) throws -> String? {
        let tool = "/usr/bin/pdftotext"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kmap-report-text-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("r.pdf")
        try Data(pdf).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-raw", "-enc", "UTF-8", input.path, dir.appendingPathComponent("r.txt").path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try String(contentsOf: dir.appendingPathComponent("r.txt"), encoding: .utf8)
    }

    /// What an HTML page shows: its markup without scripts and styles, tags dropped, entities resolved.
    static func visible(html: String) -> String {
        var s = html
        for element in ["script", "style"] {
            while let open = s.range(of: "<\(element)"),
                let close = s.range(of: "</\(element)>", range: open.upperBound..<s.endIndex)
            {
                s.replaceSubrange(open.lowerBound..<close.upperBound, with: " ")
            }
        }
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" {
                inTag = true
            } else if c == ">" {
                inTag = false
                out.append(" ")
            } else if !inTag {
                out.append(c)
            }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
