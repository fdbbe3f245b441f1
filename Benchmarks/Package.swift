// swift-tools-version: 6.0
import PackageDescription

// kmap's benchmark tool, kept out of the product (as swift-collections keeps its benchmarks): the reference
// scene of ../shared/bench and a command that renders N frames in one process. Scripts/bench/run builds it.
let package = Package(
    name: "kmap-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "kmap", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "kmap-bench",
            dependencies: [
                .product(name: "KMapRender", package: "kmap"),
                .product(name: "KMapCompose", package: "kmap"),
                .product(name: "KMapLoader", package: "kmap"),
                .product(name: "KMapModel", package: "kmap"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        )
    ]
)
