import Foundation
import KMapLoader
import KMapSequence

/// Progress of a report's maps on standard error (a line redrawn in place on a terminal).
final class ReportProgress {
    private var meter: ProgressMeter
    private let line: ProgressLine

    init(total: Int, quiet: Bool) {
        meter = ProgressMeter(total: total, start: Date().timeIntervalSinceReferenceDate)
        line = ProgressLine(quiet: quiet, noun: "maps")
    }

    /// Counts one image; the chart is not a map.
    func tick(_ name: String) {
        guard name.hasSuffix(".png") else { return }
        meter.record(kept: false)
        line.update(meter)
    }

    func say(_ text: String) {
        line.finish()
        if line.isEnabled { Console.error("kmap: \(text)") }
    }

    func finish() { line.finish() }
}
