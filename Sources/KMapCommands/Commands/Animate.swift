import ArgumentParser
import Foundation
import KMapCompose
import KMapLoader
import KMapModel
import KMapRender
import KMapSequence

/// `kmap animate`: a frame sequence encoded by ffmpeg into MP4, WebM or GIF.
struct Animate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "animate",
        abstract: "Animate the campaign into MP4, WebM or GIF (needs ffmpeg, Debian package 'ffmpeg').",
        discussion: """
            Draws the frames as `kmap frames` does (same options) into a folder next to the output, then pipes \
            them in order into ffmpeg: H.264 for .mp4, VP9 for .webm, and for .gif a palette made from the whole \
            sequence. The video is written to a temporary name and renamed when ffmpeg succeeds. An interrupted \
            run keeps the finished frames; running it again only renders the rest, then encodes.

            Pacing: each state (a day at --step 1d) stays on screen for --hold seconds, 1 by default, long enough \
            to read the date; transition frames (--tween) are shown once each, at --fps, so they stay smooth; \
            the last frame stays --hold-last seconds more. A day with --tween N lasts --hold + N/--fps seconds.

            Examples:
              kmap animate -o khanasir.mp4
              kmap animate -o feb.gif --from 2016-02-21 --to 2016-02-29 \\
                --step 6h --tween 2 --size 800x600 --fps 8
              kmap animate -o khanasir.webm --fps 6 --hold-last 4
              kmap animate -o quick.gif --hold 0.5
            """)

    @Option(
        name: [.short, .long], help: ArgumentHelp("The animation to write: .mp4, .webm or .gif.", valueName: "path"))
    var output: String

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Frames per second (1–60); transition frames show one frame each.", valueName: "n"))
    var fps: Int = Playback.defaultFPS

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seconds each state (each day at --step 1d) stays on screen (0–60; 0 for one frame).", valueName: "seconds")
    )
    var hold: Double = Playback.defaultHold

    @Option(
        name: .customLong("hold-last"), parsing: .unconditional,
        help: ArgumentHelp("Seconds more the last frame stays (0–60).", valueName: "seconds"))
    var holdLast: Double = Playback.defaultHoldLast

    @Option(
        help: ArgumentHelp(
            "The folder for the frames, kept to resume and re-encode. Default: beside the output, named after it (khanasir.mp4: khanasir-frames).",
            valueName: "dir"))
    var frames: String?

    @OptionGroup var campaignOptions: CampaignOptions
    @OptionGroup var sequence: SequenceOptions
    @OptionGroup var style: StyleOptions

    func run() throws {
        try reportingErrors {
            let format = try videoFormat()
            guard (1...60).contains(fps) else { throw CLIError.usage("--fps \(fps) is out of range; give 1–60") }
            guard hold >= 0, hold <= 60 else {
                throw CLIError.usage(
                    "--hold \(hold) is out of range; give 0–60 seconds (1 shows each day for a second)")
            }
            guard holdLast >= 0, holdLast <= 60 else {
                throw CLIError.usage("--hold-last \(holdLast) is out of range; give 0–60 seconds")
            }
            let outputURL = URL(fileURLWithPath: output)
            let outputFolder = outputURL.deletingLastPathComponent().path
            try checkOutput(folder: outputFolder)
            let ffmpeg: FFmpeg
            do throws(EncodingError) {
                ffmpeg = try FFmpeg.locate(searchPath: ProcessInfo.processInfo.environment["PATH"])
            } catch {
                throw CLIError(message: error.description, code: 69)
            }
            let jobs = try sequence.workerCount()
            _ = try SequenceOptions.evenFrameOptions(style)
            let campaign = try campaignOptions.load()
            let plan = try sequence.plan(for: campaign, format: .png)
            let folder = FrameFolder(
                path: frames ?? outputURL.deletingPathExtension().path + "-frames", option: "--frames")
            let trap = SequenceJob.trap()
            try withExtendedLifetime(trap) {
                try SequenceJob(
                    plan: plan, composer: try style.composer(for: campaign, hoverText: false), style: style,
                    folder: folder,
                    jobs: jobs,
                    force: sequence.force,
                    quiet: sequence.quiet
                ).run(trap: trap) { manifest in
                    try encode(
                        manifest, folder: folder, format: format, ffmpeg: ffmpeg, interruption: trap.interruption)
                }
            }
        }
    }

    func videoFormat() throws -> VideoFormat {
        guard let f = VideoFormat(path: output) else {
            throw CLIError.usage("cannot tell the animation format of \(output); end it in .mp4, .webm or .gif")
        }
        return f
    }

    func checkOutput(folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError.cannotCreate("\(output) is a folder; give a file name such as \(output)/khanasir.mp4")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.cannotCreate(
                "\(output): the folder \(folder) does not exist; create it first or choose another path")
        }
        try OutputFile.checkReplaceable(output, force: sequence.force)
    }

    /// Writes the GIF ffmpeg made, with kmap's comment put in (MP4 and WebM get theirs from ffmpeg's `-metadata`).
    func writeMarkedGIF(from path: String) throws {
        guard let gif = FileManager.default.contents(atPath: path),
            let marked = GIFComment.insert(VideoFormat.mark, into: Array(gif))
        else {
            throw CLIError(message: "ffmpeg wrote no GIF89a file for \(output); nothing was written", code: 70)
        }
        try OutputFile.write(marked, to: output, createFolder: false, force: true)
    }

    /// Pipes the manifest's frames, each repeated for as long as it stays (`Playback`), into ffmpeg, into a
    /// temporary file renamed on success.
    func encode(
        _ manifest: FrameManifest, folder: FrameFolder, format: VideoFormat, ffmpeg: FFmpeg, interruption: Interruption
    ) throws {
        let playback = Playback(fps: fps, hold: hold, holdLast: holdLast)
        let paths = playback.sequence(manifest).map { folder.url(manifest.frames[$0].file) }
        // Temporaries of runs killed outright go first; ffmpeg then writes into files kmap made (exclusively, not
        // through a link), so it never follows a planted link.
        let name = URL(fileURLWithPath: output).lastPathComponent
        TemporaryFile.removeStale(
            in: URL(fileURLWithPath: output).deletingLastPathComponent().path, legacyBases: [name, name + ".palette"])
        let (tempFD, temp) = try TemporaryFile.create(besides: output)
        close(tempFD)
        let palette: String
        do {
            let (paletteFD, path) = try TemporaryFile.create(besides: output, role: ".palette")
            close(paletteFD)
            palette = path
        } catch {
            unlink(temp)
            throw error
        }
        defer {
            try? FileManager.default.removeItem(atPath: temp)
            try? FileManager.default.removeItem(atPath: palette)
        }
        let passes = FFmpeg.passes(format: format, fps: fps, output: temp, palette: palette)
        let line = ProgressLine(quiet: sequence.quiet, noun: "frames encoded")
        let started = Date().timeIntervalSinceReferenceDate
        do throws(EncodingError) {
            for (n, arguments) in passes.enumerated() {
                var meter = ProgressMeter(total: paths.count * passes.count, start: started)
                for _ in 0..<(n * paths.count) { meter.record(kept: false) }
                try ffmpeg.run(arguments, frames: paths, interruption: interruption) { _ in
                    meter.record(kept: false)
                    line.update(meter)
                }
            }
        } catch {
            line.finish()
            if case .interrupted(let signal) = error {
                Console.error(
                    "kmap: interrupted while encoding; no \(output) was written. The frames are kept in \(folder.path); run the same command again to encode"
                )
                throw ExitCode(Interruption.exitCode(for: signal))
            }
            if case .noSpace = error {
                throw CLIError.io("writing \(output) failed: \(error.description); nothing was written")
            }
            throw CLIError(message: "\(error.description) (while encoding \(output))", code: 70)
        }
        line.finish()
        if format == .gif {
            try writeMarkedGIF(from: temp)
        } else if rename(temp, output) != 0 {
            throw CLIError.io("cannot move the finished animation to \(output): \(String(cString: strerror(errno)))")
        }
        if !sequence.quiet {
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? NSNumber)?.intValue ?? 0
            let seconds = Double(paths.count) / Double(fps)
            Console.error(
                "wrote \(output) (\(paths.count) frames at \(fps) fps, \(String(format: "%.1f", seconds)) s, \(size) bytes)"
            )
        }
    }
}
