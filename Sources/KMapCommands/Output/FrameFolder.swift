import KMapLoader
import Foundation
import KMapSequence

/// A folder of frames on disk: the `FrameStore` of `kmap frames` and `kmap animate`.
///
/// Every write goes through `OutputFile` (temporary name, then rename). Before a run it tidies only what kmap
/// itself left: hidden temporary files of an interrupted run, and frames that the previous manifest lists
/// but the new plan no longer has. A file with a frame's name that no manifest lists is someone else's: it
/// is left alone and the run refuses to start unless `--force` is given.
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
        try OutputFile.write(bytes, to: url(file), createFolder: false, force: true)
    }

    /// Creates the folder when missing; a file in its place is an error.
    func prepare() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CLIError.cannotCreate("\(path) is a file; \(option) needs a folder for the frames") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CLIError.cannotCreate("cannot create the folder \(path): \(error.localizedDescription)")
        }
    }

    /// The manifest `name` (`frames.json` or a shard's) a previous run left, if readable.
    func manifest(_ name: String = FrameManifest.fileName) -> FrameManifest? {
        FileManager.default.contents(atPath: url(name)).flatMap(FrameManifest.decode)
    }

    /// Removes kmap's own leftovers and refuses to overwrite files kmap did not write.
    ///
    /// A manifest is only a claim (anyone can edit it), so a frame it lists is removed only when its name is a
    /// plain file name in this folder (no `/`, not hidden) and the file carries kmap's mark; any other file is
    /// left where it is. A planned frame whose file exists but is not kmap's stops the run unless `--force`.
    ///
    /// A shard touches only its own frames and manifest: other shards may be writing into the same folder.
    func tidy(for plan: FramePlan, shard: FrameShard? = nil, manifestName: String = FrameManifest.fileName, previous: FrameManifest?, force: Bool) throws {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        let frames = shard.map { s in plan.frames.filter { s.owns(frame: $0.number) } } ?? plan.frames
        let own = shard.map { _ in Set(frames.map(\.file) + [manifestName]) }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".kmap-") {
            // `.0001_2016-02-21.png.kmap-PID.tmp` is the temporary file of `0001_2016-02-21.png`.
            if let own, let end = name.range(of: ".kmap-", options: .backwards), !own.contains(String(name[name.index(after: name.startIndex)..<end.lowerBound])) {
                continue
            }
            try? fm.removeItem(atPath: url(name))
        }
        let ours = Set((previous?.frames.map(\.file) ?? []).filter(Self.isPlainName))
        let planned = Set(plan.frames.map(\.file))
        for file in ours.subtracting(planned) where size(of: file) != nil && KMapFileMark.isKMapFile(atPath: url(file)) {
            try? fm.removeItem(atPath: url(file))
        }
        guard !force else { return }
        // Frames that any manifest here lists (a shard's, another split's, a merged one) are kmap's: they may be
        // redrawn, though only the previous manifest's are ever removed.
        let listed = ours.union(names.filter { $0 == FrameManifest.fileName || $0.hasPrefix("frames.shard-") }.flatMap { manifest($0)?.frames.map(\.file) ?? [] })
        if previous == nil, fm.fileExists(atPath: url(manifestName)) {
            throw CLIError.cannotCreate(
                "\(url(manifestName)) exists but is not a kmap frame manifest; move it away, choose another \(option), or pass --force to replace it")
        }
        for frame in frames where fm.fileExists(atPath: url(frame.file)) {
            if !listed.contains(frame.file) {
                throw CLIError.cannotCreate(
                    "\(url(frame.file)) exists but kmap did not write it (it is not in \(manifestName)); move it away, choose another \(option), or pass --force to replace it")
            }
            if size(of: frame.file) == nil || !KMapFileMark.isKMapFile(atPath: url(frame.file)) {
                throw CLIError.cannotCreate(
                    "\(url(frame.file)) was changed since kmap wrote it (it no longer carries kmap's mark); move it away, choose another \(option), or pass --force to replace it")
            }
        }
    }

    /// A frame file name as kmap writes them: one name in the folder, not hidden, no path.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\u{0}")
    }
}
