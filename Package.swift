// swift-tools-version: 6.0
import PackageDescription

// kmap: data → state → scene → bytes. See docs/ARCHITECTURE.md for the stages.
let package = Package(
    name: "kmap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kmap", targets: ["kmap"]),
        .library(name: "KMapRender", targets: ["KMapRender"]),
        .library(name: "KMapCampaign", targets: ["KMapCampaign"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Cairo, as Debian's libcairo2-dev ships it. Imported only by KMapRender.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // Pango on Cairo for shaped text (Debian's libpango1.0-dev). Imported only by KMapRender.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]
        ),
        // libdeflate (Debian's libdeflate-dev) for kmap's fast PNG writer. Imported only by KMapRender.
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        // Places, areas and roads: what is where, and how sure we are.
        .target(name: "KMapGazetteer"),
        // Days, events and the state machine that replays them.
        .target(name: "KMapTimeline", dependencies: ["KMapGazetteer"]),
        // Reading a campaign folder (or the built-in one) into validated values.
        .target(
            name: "KMapCampaign",
            dependencies: ["KMapGazetteer", "KMapTimeline", .product(name: "Yams", package: "Yams")],
            plugins: ["KMapEmbedPlugin"]
        ),
        // Scene composition (backend-neutral) and the Cairo backend.
        .target(name: "KMapRender", dependencies: ["KMapCampaign", "CCairo", "CPangoCairo", "CDeflate"]),
        // Frame sequences: planning, transitions, the manifest, parallel and resumable rendering, ffmpeg.
        .target(name: "KMapSequence", dependencies: ["KMapCampaign", "KMapRender", "KMapTimeline"]),
        // Reports: HTML, Markdown and multi-page PDF of a campaign's days.
        .target(name: "KMapReport", dependencies: ["KMapCampaign", "KMapRender"]),
        // The command line, as a library so tests can run commands in-process.
        .target(
            name: "KMapCommands",
            dependencies: ["KMapCampaign", "KMapRender", "KMapSequence", .product(name: "ArgumentParser", package: "swift-argument-parser"), "KMapReport"]
        ),
        .executableTarget(name: "kmap", dependencies: ["KMapCommands"]),

        // Build-time embedding of Geo/ into the binary.
        .executableTarget(name: "KMapEmbedTool"),
        .plugin(
            name: "KMapEmbedPlugin", capability: .buildTool(), dependencies: ["KMapEmbedTool"],
            path: "Sources/KMapEmbedPlugin"),

        .testTarget(name: "KMapTimelineTests", dependencies: ["KMapTimeline", "KMapCampaign", "KMapTestSupport"]),
        .testTarget(name: "KMapCampaignTests", dependencies: ["KMapCampaign", "KMapTestSupport"]),
        .testTarget(name: "KMapReportTests", dependencies: ["KMapReport", "KMapCampaign", "KMapRender"]),
        // CDeflate: the deflate-joining tests compress and inflate with libdeflate directly.
        .testTarget(name: "KMapRenderTests", dependencies: ["KMapRender", "KMapCampaign", "KMapTestSupport", "CDeflate"]),
        // Depends on the kmap executable: the bad-input table runs it as a child process.
        .testTarget(name: "KMapCommandsTests", dependencies: ["KMapCommands", "KMapCampaign", "KMapRender", "KMapTimeline", "KMapTestSupport", "kmap"]),
        // Depends on the kmap executable so that interruption tests can run it as a child process.
        .testTarget(name: "KMapSequenceTests", dependencies: ["KMapSequence", "KMapCommands", "KMapCampaign", "KMapTestSupport", "kmap"]),
        // What several test targets share: running kmap as a child process, a seeded random generator.
        .target(name: "KMapTestSupport", path: "Tests/KMapTestSupport"),
    ]
)
