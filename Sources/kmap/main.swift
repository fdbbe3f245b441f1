import Foundation
import KMapCommands

// ArgumentParser prints help and usage with `print`, which the C library buffers and flushes at exit, where a
// failed write is dropped: `kmap --help > /dev/full` said nothing and exited 0. kmap's own output fails with 74
// (`Console`); at exit, buffered output is flushed and a failure ends kmap the same way.
atexit {
    guard fflush(nil) != 0 else { return }
    let message = "kmap: error: writing to standard output failed: \(String(cString: strerror(errno)))\n"
    _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    _exit(74)
}

ProcessSetup.prepare()
KMap.main()
