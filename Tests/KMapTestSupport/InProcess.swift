import ArgumentParser
import KMapCommands

/// The exit code of running `kmap` with `arguments` in this process (0 on success), as `kmap` maps errors.
public func runKMap(_ arguments: [String]) -> Int32 {
    do {
        var command = try KMap.parseAsRoot(arguments)
        try command.run()
        return 0
    } catch let exit as ExitCode {
        return exit.rawValue
    } catch {
        return KMap.exitCode(for: error).rawValue
    }
}
