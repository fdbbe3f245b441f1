import Foundation
import KMapLoader
import KMapSequence

/// A folder of frames on disk: the `FrameStore` of `kmap frames` and `kmap animate`.
///
/// Every write goes through `OutputFile` (temporary name, then rename). Before a run it tidies only what kmap
/// itself left: its temporaries of dead processes, and frames that the previous manifest lists but the new plan
/// no longer has. A file with a frame's name that carries no kmap mark is someone else's: it is left alone and
/// the run refuses to start unless `--force` is given.
struct FrameFolder: FrameStore {
    let path: String
    /// The option that named the folder, for messages (`--out` of frames, `--frames` of animate).
    var option = "--out"

    func url(_ file: String) -> String { (path as NSString).appendingPathComponent(file) }

    func size(of file: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url(file)),
            attributes[.type] as? FileAttributeType == .typeRegular
        else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }

    func write(_ bytes: [UInt8], to file: String) throws {
        // `tidy` has already refused foreign files by the manifest (or the user said --force).
        try OutputFile.write(bytes, to: url(file), createFolder: false, force: true, tidy: false)
    }

    /// Creates the folder when missing; a file in its place is an error.
    func prepare() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw CLIError.cannotCreate("\(path) is a file; \(option) needs a folder for the frames")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CLIError.cannotCreate("cannot create the folder \(path): \(error.localizedDescription)")
        }
    }

    /// Frame manifests larger than this are refused before reading, like campaign files.
    static let maxManifestBytes = 64 << 20

    /// The manifest `name` (`frames.json` or a shard's) a previous run left, or nil when there is none (or
    /// `force` says to disregard it).
    ///
    /// A manifest is only a claim (anyone can edit it): one that is not kmap's, too large, or that lists a name
    /// no frame has, is refused with exit 73 unless `force`, and is then not used to remove anything.
    func manifest(_ name: String = FrameManifest.fileName, force: Bool) throws -> FrameManifest? {
        let file = url(name)
        var info = stat()
        guard lstat(file, &info) == 0 else { return nil }
        func refuse(_ why: String) throws -> FrameManifest? {
            if force { return nil }
            throw CLIError.cannotCreate(
                "\(file) \(why); move it away, choose another \(option), or pass --force to replace it")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return try refuse("exists but is not a regular file kmap wrote") }
        guard Int(info.st_size) <= Self.maxManifestBytes else {
            return try refuse(
                "is \(Int(info.st_size) >> 20) MiB, larger than the 64 MiB a frame manifest may have, so kmap did not write it"
            )
        }
        guard let data = FileManager.default.contents(atPath: file), let m = FrameManifest.decode(data) else {
            return try refuse("exists but is not a kmap frame manifest")
        }
        if let entry = m.frames.first(where: { !FramePlan.isFrameFileName($0.file) }) {
            return try refuse(
                "lists '\(entry.file)', which is not the name of a frame (such as 0001_2016-02-21.png); kmap did not write that"
            )
        }
        return m
    }

    /// Refuses to overwrite files kmap did not write, then removes kmap's own leftovers.
    ///
    /// A planned frame's file may be replaced when it carries kmap's mark (listed in the manifest or not: a run
    /// killed before its first manifest leaves such frames); any other file stops the run unless `--force`.
    /// Removed are only kmap's temporaries of dead processes and marked frames the previous manifest lists but
    /// the new plan no longer has. Everything is checked before anything is removed.
    func tidy(for plan: FramePlan, previous: FrameManifest?, force: Bool) throws {
        let ours = Set(previous?.frames.map(\.file) ?? [])
        let planned = Set(plan.frames.map(\.file))
        if !force {
            for frame in plan.frames where FileManager.default.fileExists(atPath: url(frame.file)) {
                guard size(of: frame.file) == nil || !KMapFileMark.isKMapFile(atPath: url(frame.file)) else { continue }
                throw CLIError.cannotCreate(
                    ours.contains(frame.file)
                        ? "\(url(frame.file)) was changed since kmap wrote it (it no longer carries kmap's mark); move it away, choose another \(option), or pass --force to replace it"
                        : "\(url(frame.file)) exists but kmap did not write it (it is not in \(FrameManifest.fileName) and carries no kmap mark); move it away, choose another \(option), or pass --force to replace it"
                )
            }
        }
        TemporaryFile.removeStale(in: path, legacyBases: planned.union(ours).union([FrameManifest.fileName]))
        for file in ours.subtracting(planned) where size(of: file) != nil && KMapFileMark.isKMapFile(atPath: url(file))
        {
            try? FileManager.default.removeItem(atPath: url(file))
        }
    }
}
