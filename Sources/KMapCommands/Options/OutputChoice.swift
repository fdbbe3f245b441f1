import Foundation
import KMapCompose
import KMapLoader
import KMapRender

/// Which format to write, from `--format` and the output path's extension.
enum OutputChoice {
    /// `--format`, else the output's extension, else PNG; a conflict between the two is an error, and so is an
    /// output that is an existing folder.
    static func format(explicit format: String?, output: String?) throws -> OutputFormat {
        let names = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        var chosen: OutputFormat?
        if let format {
            guard let f = OutputFormat(rawValue: format.lowercased()) else {
                throw CLIError.usage("--format '\(format)' is not one of \(names)")
            }
            chosen = f
        }
        if let output, output != "-" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CLIError.cannotCreate("\(output) is a folder; give a file name such as \(output)/map.png")
            }
            let fromPath = OutputFormat(path: output)
            if let chosen, let fromPath, chosen != fromPath {
                throw CLIError.usage(
                    "--format \(chosen.rawValue) contradicts the output's extension (\(output)); make them agree")
            }
            if chosen == nil, fromPath == nil {
                throw CLIError.usage(
                    "cannot tell the format of \(output) from its extension; end it in .png, .svg or .pdf, or give --format"
                )
            }
            chosen = chosen ?? fromPath
        }
        return chosen ?? .png
    }
}
