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
            guard isDirectory.boolValue else { throw CLIError.cannotCreate("\(path) is a file; --out needs a folder for the frames") }
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
    func tidy(for plan: FramePlan, previous: FrameManifest?, force: Bool) throws {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".kmap-") {
            try? fm.removeItem(atPath: url(name))
        }
        let ours = Set(previous?.frames.map(\.file) ?? [])
        let planned = Set(plan.frames.map(\.file))
        for file in ours.subtracting(planned) where size(of: file) != nil {
            try? fm.removeItem(atPath: url(file))
        }
        guard !force else { return }
        if let foreign = plan.frames.first(where: { !ours.contains($0.file) && fm.fileExists(atPath: url($0.file)) }) {
            throw CLIError.cannotCreate(
                "\(url(foreign.file)) exists but kmap did not write it (it is not in \(FrameManifest.fileName)); move it away, choose another --out, or pass --force to replace it")
        }
    }
}
