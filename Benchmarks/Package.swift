// swift-tools-version:6.1
import PackageDescription

/// The arxrec benchmarks: a package of its own, so the root package (and CI) never builds the benchmark
/// framework. Run from this folder: `swift package benchmark` (see README.md).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// One executable target per suite in `Benchmarks/<Suite>/`, where `BenchmarkPlugin` looks for them.
func suite(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "package-benchmark"), "BenchmarkData"] + dependencies,
        path: "Benchmarks/\(name)",
        swiftSettings: swiftSettings,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
    )
}

let package = Package(
    name: "arxrec-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "arxrec", path: "../"),
        // Only the MallocInterposer trait: the default traits also pull a runtime interposer that does not resolve here.
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Locating ../shared/data, loading the model and the corpus, building volume from real records.
        .target(
            name: "BenchmarkData",
            dependencies: [
                .product(name: "TextEmbedding", package: "arxrec"),
                .product(name: "ArxivFormats", package: "arxrec"),
            ],
            swiftSettings: swiftSettings
        ),
        // Writes the volume files the scripts use (real records repeated with new ids).
        .executableTarget(name: "bench-data", dependencies: ["BenchmarkData"], swiftSettings: swiftSettings),
        // The two-stage scan (8-bit first pass) against one bare sgemv, with recall: Scripts/scan.sh.
        .executableTarget(
            name: "scan-bench",
            dependencies: [
                "BenchmarkData", .product(name: "LinearAlgebra", package: "arxrec"),
                .product(name: "TextEmbedding", package: "arxrec"), .product(name: "ArxivFormats", package: "arxrec"),
            ],
            swiftSettings: swiftSettings
        ),
        // Featurizes N corpus texts once, for callgrind's instruction counts (see its main.swift).
        .executableTarget(
            name: "embed-profile",
            dependencies: [
                "BenchmarkData", .product(name: "TextEmbedding", package: "arxrec"),
                .product(name: "LinearAlgebra", package: "arxrec"),
            ],
            swiftSettings: swiftSettings
        ),
        suite("Embedding", [.product(name: "TextEmbedding", package: "arxrec"), .product(name: "LinearAlgebra", package: "arxrec")]),
        suite("Fit", [.product(name: "TextEmbedding", package: "arxrec")]),
        suite("Similarity", [.product(name: "LinearAlgebra", package: "arxrec"), .product(name: "TextEmbedding", package: "arxrec")]),
        suite("Ingest", [
            .product(name: "Library", package: "arxrec"), .product(name: "Recommender", package: "arxrec"),
            .product(name: "ArxivFormats", package: "arxrec"), .product(name: "TextEmbedding", package: "arxrec"),
        ]),
    ]
)
