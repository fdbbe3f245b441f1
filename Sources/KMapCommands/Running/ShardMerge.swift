import Foundation
import KMapSequence

/// `kmap frames --merge`: the shards' manifests in a folder joined into the `frames.json` of one run.
///
/// Shards run apart (other processes, other machines), so nothing but their manifests says they belong
/// together: `FrameManifest.merge` checks that they are every shard of one plan, and this checks that every
/// frame they list is in the folder with its recorded size. Only then is `frames.json` written (whole, or not
/// at all); the shards' manifests stay, so a shard can still be re-run and merged again.
struct ShardMerge {
    let folder: FrameFolder
    let force: Bool
    let quiet: Bool

    @discardableResult
    func run() throws -> FrameManifest {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw CLIError(
                message:
                    "\(folder.path) is not a folder; --merge joins the shards drawn with kmap frames --shard I/N --out \(folder.path)",
                code: 66)
        }
        // Alone in the folder: shards still drawing into it would change what is merged.
        let lock = try FolderLock(folder.path, option: folder.option)
        defer { withExtendedLifetime(lock) {} }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter(
            Self.isShardManifest
        ).sorted()
        var shards: [(name: String, manifest: FrameManifest)] = []
        for name in names {
            guard let manifest = (try? folder.manifest(name, force: false)) ?? nil else {
                throw CLIError(
                    message:
                        "\(folder.url(name)) is not a readable kmap shard manifest; render that shard again, or remove the file",
                    code: 65)
            }
            shards.append((name, manifest))
        }
        let merged: FrameManifest
        do {
            merged = try FrameManifest.merge(shards)
        } catch {
            let code: Int32 = if case .mismatch = error { 65 } else { 66 }
            throw CLIError(message: "\(folder.path): \(error.description)", code: code)
        }
        for entry in merged.frames where folder.size(of: entry.file) != entry.bytes {
            let shard = FrameShard(index: (entry.frame - 1) % shards.count + 1, count: shards.count)
            throw CLIError(
                message:
                    "\(folder.url(entry.file)) is missing or changed since shard \(shard.description) drew it; run kmap frames --shard \(shard.description) with the same options again, then merge",
                code: 66)
        }
        // A frames.json that is not kmap's is refused (73) unless --force.
        _ = try folder.manifest(force: force)
        try folder.write(merged.encoded(), to: FrameManifest.fileName)
        if !quiet {
            Console.error(
                "frames: merged \(shards.count) shards, \(merged.total) frames, into \(folder.url(FrameManifest.fileName))"
            )
        }
        return merged
    }

    /// `frames.shard-2-of-4.json`, or any name of that form.
    static func isShardManifest(_ name: String) -> Bool {
        name.hasPrefix("frames.shard-") && name.hasSuffix(".json")
    }
}
