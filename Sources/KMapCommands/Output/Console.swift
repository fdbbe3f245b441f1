import Foundation
import KMapLoader

/// Standard output and error, unbuffered.
///
/// Output that cannot be written (a full disk behind `> file`) ends kmap with 74 and a message instead of a
/// crash; an error message that cannot be written is dropped.
/// Control characters (ESC, BEL, a carriage return…) are printed as `\u{1B}`: text that came from a campaign
/// or a file name cannot retitle the terminal, write its clipboard or overwrite what it shows.
enum Console {
    static func error(_ line: String) {
        _ = OutputFile.writeAll(STDERR_FILENO, Array((visible(line) + "\n").utf8))
    }

    static func out(_ text: String) {
        let failure = OutputFile.writeAll(STDOUT_FILENO, Array(visible(text).utf8))
        if failure != 0 {
            error("kmap: error: writing to standard output failed: \(String(cString: strerror(failure)))")
            exit(74)
        }
    }

    /// `text` with every C0 and C1 control but newline and tab written out as `\u{…}`.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            if isControl(u) {
                out += "\\u{\(String(u.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\n" && u != "\t") || (0x7F...0x9F).contains(u.value)
    }
}
