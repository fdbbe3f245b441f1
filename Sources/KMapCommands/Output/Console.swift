import KMapLoader
import Foundation

/// Standard output and error, unbuffered.
///
/// Output that cannot be written (a full disk behind `> file`) ends kmap with 74 and a message instead of a
/// crash; an error message that cannot be written is dropped.
enum Console {
    static func error(_ line: String) {
        _ = OutputFile.writeAll(STDERR_FILENO, Array((line + "\n").utf8))
    }

    static func out(_ text: String) {
        let failure = OutputFile.writeAll(STDOUT_FILENO, Array(text.utf8))
        if failure != 0 {
            error("kmap: error: writing to standard output failed: \(String(cString: strerror(failure)))")
            exit(74)
        }
    }
}
