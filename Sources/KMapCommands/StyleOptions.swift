import ArgumentParser
import KMapCampaign
import KMapRender

/// How frames look: size and (as they arrive) theme, labels and scale. Shared by every drawing command, so a
/// sequence and a single frame of the same options look alike.
struct StyleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Frame size in pixels, WxH (default 1600x1200).", valueName: "WxH"))
    var size: String = "1600x1200"

    /// The frame options these flags describe.
    func frameOptions() throws -> FrameOptions {
        try FrameSize.parse(size)
    }

    /// A composer for `campaign` with these options; build one per sequence, not per frame.
    func composer(for campaign: Campaign) throws -> SceneComposer {
        SceneComposer(campaign: campaign, options: try frameOptions())
    }
}
