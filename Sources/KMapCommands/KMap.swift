import ArgumentParser
import KMapCompose
import KMapLoader
import KMapRender

/// The `kmap` root command: it only routes to subcommands.
public struct KMap: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kmap",
        abstract: "Territorial-control maps of a campaign, day by day, every mark traceable to its source.",
        discussion: """
            kmap replays a campaign's sourced events to the state on any day and draws it as PNG, SVG or PDF. \
            Two campaigns are built in: the 2016 Khanasir offensive (Syria, the default) and the 2022 Kharkiv \
            counteroffensive (Ukraine; --campaign kharkiv-2022); kmap campaigns lists them, and --campaign DIR \
            reads another data folder (see docs/DATA.md).

            Examples:
              kmap render --day 2016-02-23       # Renders/khanasir-2016-02-23.png
              kmap render --day 2016-02-23 -o day.svg
              kmap state --day 2016-02-25 --format json
              kmap explain khanasir --day 2016-02-24
              kmap diff --from 2016-02-22 --to 2016-02-26
              kmap campaigns
              kmap render --campaign kharkiv-2022 --day 2022-09-10 --labels uk
              kmap check --campaign my-campaign
              kmap init my-campaign --start 2016-03-07 --end 2016-03-27 --faction "government:Government:#e3242b" --country SY
              kmap import changes.csv --campaign my-campaign
              kmap lookup Tadmor
              kmap frames --from 2016-02-21 --to 2016-02-29 --out feb
              kmap animate -o khanasir.mp4
              kmap report --from 2016-02-21 --to 2016-02-29 -o khanasir-report
              kmap export -o khanasir.geojson
              kmap viewer -o khanasir.html
            """,
        subcommands: [
            Render.self, State.self, Explain.self, Diff.self, TimelineCommand.self, Places.self, Check.self, Init.self,
            Import.self, Lookup.self, Campaigns.self, Themes.self, Chart.self, ReportCommand.self, Export.self,
            Viewer.self,
            Frames.self, Animate.self,
        ]
    )

    public init() {}

}
