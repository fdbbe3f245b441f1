import ArgumentParser
import KMapRender

/// The `kmap` root command: it only routes to subcommands.
public struct KMap: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kmap",
        abstract: "Territorial-control maps of a campaign, day by day, every mark traceable to its source.",
        discussion: """
            kmap replays a campaign's sourced events to the state on any day and draws it as PNG, SVG or PDF. \
            The built-in campaign is the 2016 Khanasir offensive (Syria); --campaign DIR reads another data folder \
            (see docs/DATA.md).

            Examples:
              kmap render --day 2016-02-23       # Renders/khanasir-2016-02-23.png
              kmap render --day 2016-02-23 -o day.svg
              kmap state --day 2016-02-25 --format json
              kmap explain khanasir --day 2016-02-24
              kmap diff --from 2016-02-22 --to 2016-02-26
              kmap check --campaign my-campaign
              kmap frames --from 2016-02-21 --to 2016-02-29 --out feb
              kmap animate -o khanasir.mp4
              kmap report --from 2016-02-21 --to 2016-02-29 -o khanasir-report
            """,
        subcommands: [Render.self, State.self, Explain.self, Diff.self, TimelineCommand.self, Places.self, Check.self, Themes.self, Chart.self, ReportCommand.self, BenchRender.self, Frames.self, Animate.self]
    )

    public init() {}

    /// The commands that draw, and so start loading fonts (`FontWarmUp`) when they run.
    static let drawingCommands: [any ParsableCommand.Type] = [Render.self, Frames.self, Animate.self, ReportCommand.self, Chart.self, BenchRender.self]

    /// Called by `kmap` before it parses its arguments: when they name a command that draws, fonts start
    /// loading on the second core at once, not after argument parsing (about 2 ms later). The command's own
    /// `FontWarmUp.start` then only asks for what it needs besides.
    public static func startEarlyWork(_ arguments: [String]) {
        guard let name = arguments.dropFirst().first, drawingCommands.contains(where: { $0.configuration.commandName == name }) else { return }
        FontWarmUp.start()
    }
}
