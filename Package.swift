// swift-tools-version: 6.0
import PackageDescription

// kmap: data → state → scene → bytes. docs/ARCHITECTURE.md maps the stages to these modules.
let package = Package(
    name: "kmap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kmap", targets: ["kmap"]),
        .library(name: "KMapModel", targets: ["KMapModel"]),
        .library(name: "KMapLoader", targets: ["KMapLoader"]),
        .library(name: "KMapCompose", targets: ["KMapCompose"]),
        .library(name: "KMapRender", targets: ["KMapRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The campaign as values: places, roads, events, replay to the state at an instant. No I/O.
        .target(name: "KMapModel"),
        // Campaign folders (or the built-in ones) and theme files into validated values, with located errors.
        .target(
            name: "KMapLoader",
            dependencies: ["KMapModel", "KMapCompose", "KMapRaster", .product(name: "Yams", package: "Yams")],
            plugins: ["KMapEmbedPlugin"]
        ),
        // Terrain rasters through GDAL: a campaign's GeoTIFF (a DEM, shaded here, or a hillshade) into a `Terrain`.
        .target(name: "KMapRaster", dependencies: ["KMapModel", "CGDAL"]),
        // Plane geometry through GEOS (Voronoi, buffers, unions): derived zones of control. Draws nothing.
        .target(name: "KMapGeometry", dependencies: ["CGEOS"]),
        // Map projections through PROJ (conformal, chosen from the area), injected into the composer. Draws nothing.
        .target(name: "KMapProjection", dependencies: ["KMapModel", "KMapCompose", "CPROJ"]),
        // State + theme + frame → a backend-neutral `Scene`: projection, symbols, labels, legend, furniture.
        .target(name: "KMapCompose", dependencies: ["KMapModel", "KMapGeometry"]),
        // Scenes into bytes: Cairo (PNG, PDF, Cairo's SVG), kmap's SVG writer, the PNG encoder.
        .target(name: "KMapRender", dependencies: ["KMapModel", "KMapCompose", "CCairo", "CPangoCairo", "CDeflate"]),
        // Frame sequences: planning, transitions, the manifest, parallel and resumable rendering, ffmpeg.
        .target(name: "KMapSequence", dependencies: ["KMapModel", "KMapCompose", "KMapRender"]),
        // Exports for other tools: the history as time-aware GeoJSON, KML and CSV; campaign text escaped per format;
        // derived zones per stretch (GEOS, on the plane the command injects).
        .target(name: "KMapExport", dependencies: ["KMapModel", "KMapCompose", "KMapGeometry"]),
        // Reports: HTML, Markdown and multi-page PDF of a campaign's days.
        .target(name: "KMapReport", dependencies: ["KMapModel", "KMapCompose", "KMapRender", "KMapExport"]),
        // The command line, as a library so tests can run commands in-process.
        .target(
            name: "KMapCommands",
            dependencies: [
                "KMapModel", "KMapLoader", "KMapCompose", "KMapRender", "KMapSequence", "KMapReport", "KMapExport",
                "KMapProjection", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "kmap", dependencies: ["KMapCommands"]),

        // Cairo, as Debian's libcairo2-dev ships it. Imported only by KMapRender.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        // Pango on Cairo for shaped text (Debian's libpango1.0-dev). Imported only by KMapRender.
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
        // GEOS's C API (Debian's libgeos-dev). Imported only by KMapGeometry.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        // GDAL (Debian's libgdal-dev): GeoTIFF, spatial references, hillshading. Imported only by KMapRaster. No
        // pkgConfig: its `-lgdal` would load libgdal into every kmap process; the shim opens it when a campaign
        // has terrain, and finds the headers as <gdal/gdal.h> on the default include path.
        .systemLibrary(name: "CGDAL", providers: [.apt(["libgdal-dev"])]),
        // PROJ's C API (Debian's libproj-dev). Imported only by KMapProjection.
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        // libdeflate (Debian's libdeflate-dev) for the PNG encoder. Imported only by KMapRender.
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),

        // Build-time embedding of Geo/ into the binary.
        .executableTarget(name: "KMapEmbedTool"),
        .plugin(
            name: "KMapEmbedPlugin", capability: .buildTool(), dependencies: ["KMapEmbedTool"],
            path: "Sources/KMapEmbedPlugin"),

        // What the test targets share: running kmap as a child process, a seeded generator, a PNG decoder.
        .target(
            name: "KMapTestSupport",
            dependencies: [
                "KMapCompose", "KMapCommands", "CCairo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/KMapTestSupport"),
        .testTarget(name: "KMapModelTests", dependencies: ["KMapModel", "KMapLoader", "KMapTestSupport"]),
        .testTarget(
            name: "KMapLoaderTests", dependencies: ["KMapLoader", "KMapModel", "KMapCompose", "KMapTestSupport"]),
        .testTarget(
            name: "KMapRenderTests",
            dependencies: [
                "KMapRender", "KMapCompose", "KMapGeometry", "KMapModel", "KMapLoader", "KMapTestSupport", "CCairo",
            ]),
        .testTarget(
            name: "KMapProjectionTests",
            dependencies: [
                "KMapProjection", "KMapCompose", "KMapGeometry", "KMapModel", "KMapLoader", "KMapRender",
                "KMapTestSupport",
            ]),
        .testTarget(
            name: "KMapExportTests",
            dependencies: ["KMapExport", "KMapCompose", "KMapModel", "KMapLoader", "KMapTestSupport"]),
        .testTarget(
            name: "KMapReportTests",
            dependencies: ["KMapReport", "KMapRender", "KMapCompose", "KMapModel", "KMapLoader", "KMapTestSupport"]),
        // Depends on the kmap executable: the bad-input table runs it as a child process.
        .testTarget(
            name: "KMapCommandsTests",
            dependencies: [
                "KMapCommands", "KMapModel", "KMapLoader", "KMapCompose", "KMapRender", "KMapTestSupport", "kmap",
            ]),
        // Depends on the kmap executable so that interruption tests can run it as a child process.
        .testTarget(
            name: "KMapSequenceTests",
            dependencies: [
                "KMapSequence", "KMapCommands", "KMapModel", "KMapLoader", "KMapCompose", "KMapRender",
                "KMapTestSupport", "kmap",
            ]),
    ]
)
