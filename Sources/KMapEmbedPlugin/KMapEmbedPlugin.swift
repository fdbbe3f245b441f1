import Foundation
import PackagePlugin

/// Embeds every campaign folder under `Geo/` into the module that applies this plugin.
///
/// kmap must work from any directory and as a copied binary, so SwiftPM resources (a bundle beside the
/// executable) will not do: the data becomes a generated Swift source file instead.
@main
struct KMapEmbedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let geo = context.package.directoryURL.appending(path: "Geo")
        let inputs = try campaignFiles(under: geo)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCampaigns.swift")
        var arguments = [output.path(percentEncoded: false), geo.path(percentEncoded: false)]
        arguments += inputs.map { $0.path(percentEncoded: false) }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) campaign files from Geo/",
                executable: try context.tool(named: "KMapEmbedTool").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// The data files of every folder under Geo/: `Geo/<campaign>/*.{yaml,geojson,md}` and the place-name extract
    /// `Geo/geonames/*.tsv` (for `kmap lookup`), sorted.
    private func campaignFiles(under geo: URL) throws -> [URL] {
        let fm = FileManager.default
        let folders = (try? fm.contentsOfDirectory(at: geo, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        var files: [URL] = []
        for folder in folders where (try? folder.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
            let contents = try fm.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            files += contents.filter { ["yaml", "geojson", "md", "tsv"].contains($0.pathExtension) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
