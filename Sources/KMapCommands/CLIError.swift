import ArgumentParser
import KMapCompose
import KMapExport
import KMapLoader
import KMapModel
import KMapProjection
import KMapRender

/// An error the user can act on, with the sysexits code it exits with.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: Int32
    /// The message is a list of `file:line:column: error: …` findings, printed as they are so that editors and
    /// CI logs link each line (no `kmap: error:` in front).
    var located = false

    init(message: String, code: Int32) {
        self.message = message
        self.code = code
    }

    /// 64: the command was used wrongly.
    static func usage(_ m: String) -> CLIError { CLIError(message: m, code: 64) }
    /// 73: an output file cannot be created.
    static func cannotCreate(_ m: String) -> CLIError { CLIError(message: m, code: 73) }
    /// 74: reading or writing failed.
    static func io(_ m: String) -> CLIError { CLIError(message: m, code: 74) }

    var description: String { message }

    /// Maps any error from the pipeline to a message and exit code (sysexits).
    init(_ error: any Error) {
        switch error {
        case let e as CLIError: self = e
        case let e as CampaignError:
            let code: Int32 =
                switch e {
                case .missing, .unreadable: 66
                case .invalid: 65
                case .dayOutOfRange, .noBuiltin: 64
                }
            self.init(message: e.description, code: code)
            if case .invalid = e { located = true }
        case let e as ThemeError:
            let code: Int32 =
                switch e {
                case .unknown: 64
                case .unreadable: 66
                case .invalid: 65
                }
            self.init(message: e.description, code: code)
            if case .invalid = e { located = true }
        case let e as RenderError:
            let code: Int32 = if case .badSize = e { 64 } else { 70 }
            self.init(message: e.description, code: code)
        case let e as ProjectionError: self.init(message: e.description, code: 70)
        case let e as ZoneExportError:
            let code: Int32 = if case .tooMuchWork = e { 64 } else { 70 }
            self.init(message: e.description, code: code)
        default: self.init(message: "\(error)", code: 1)
        }
    }
}

/// Runs a command body, printing errors as `kmap: error: …` and exiting with their code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        let e = CLIError(error)
        Console.error(e.located ? e.message : "kmap: error: \(e.message)")
        throw ExitCode(e.code)
    }
}
