import Foundation

/// What `kmap` settles about its process before it parses arguments.
public enum ProcessSetup {
    /// Refuses arguments that are not UTF-8, and makes a closed standard output an error instead of a signal.
    ///
    /// Swift decodes arguments as UTF-8 and repairs invalid bytes (U+FFFD), so `-o $'\xff.png'` wrote a file of
    /// another name: kmap stops with 64 instead. A reader that goes away (`kmap render -o - | head`) killed kmap
    /// with SIGPIPE (141); ignored, the write fails with EPIPE and kmap exits 74 with a message, as for a full disk.
    public static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for i in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[i], String(validatingCString: raw) == nil else { continue }
            let shown = String(
                decoding: UnsafeBufferPointer(
                    start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)), as: UTF8.self
            )
            Console.error(
                "kmap: error: argument \(i) ('\(shown)') is not valid UTF-8 text; kmap names files only in UTF-8: rename the file or choose another name"
            )
            exit(64)
        }
    }
}
