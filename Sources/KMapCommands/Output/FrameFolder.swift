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

    /// The manifest a previous run left, if readable.
    func manifest() -> FrameManifest? {
        FileManager.default.contents(atPath: url(FrameManifest.fileName)).flatMap(FrameManifest.decode)
    }

    /// Removes kmap's own leftovers and refuses to overwrite files kmap did not write.
    ///
    /// A manifest is only a claim (anyone can edit it), so a frame it lists is removed only when its name is a
    /// plain file name in this folder (no `/`, not hidden) and the file carries kmap's mark; any other file is
    /// left where it is. A planned frame whose file exists but is not kmap's stops the run unless `--force`.
    func tidy(for plan: FramePlan, previous: FrameManifest?, force: Bool) throws {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".kmap-") {
            try? fm.removeItem(atPath: url(name))
        }
        let ours = Set((previous?.frames.map(\.file) ?? []).filter(Self.isPlainName))
        let planned = Set(plan.frames.map(\.file))
        for file in ours.subtracting(planned) where size(of: file) != nil && KMapFileMark.isKMapFile(atPath: url(file)) {
            try? fm.removeItem(atPath: url(file))
        }
        guard !force else { return }
        if previous == nil, fm.fileExists(atPath: url(FrameManifest.fileName)) {
            throw CLIError.cannotCreate(
                "\(url(FrameManifest.fileName)) exists but is not a kmap frame manifest; move it away, choose another \(option), or pass --force to replace it")
        }
        for frame in plan.frames where fm.fileExists(atPath: url(frame.file)) {
            if !ours.contains(frame.file) {
                throw CLIError.cannotCreate(
                    "\(url(frame.file)) exists but kmap did not write it (it is not in \(FrameManifest.fileName)); move it away, choose another \(option), or pass --force to replace it")
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
