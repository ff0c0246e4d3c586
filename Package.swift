// swift-tools-version:6.1
import PackageDescription

/// One settings array for every target, so the whole package compiles under the same rules.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The modules whose loops every corpus-sized test runs (parsers, featurizer, BLAS glue, ridge, hubness,
/// evaluation) are optimized in debug builds too. The suite runs the debug `arxrec` binary over real corpus
/// slices, and at -Onone those loops cost most of its CPU (`Scripts/test`, README "Development"). The rest —
/// commands, the web app, dependencies — stays unoptimized, so the debug build is as quick as before.
let optimizedSettings: [SwiftSetting] = swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "arxrec",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "arxrec", targets: ["arxrec"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "TextEmbedding", targets: ["TextEmbedding"]),
        .library(name: "ArxivFormats", targets: ["ArxivFormats"]),
        .library(name: "ArxivClient", targets: ["ArxivClient"]),
        .library(name: "Library", targets: ["Library"]),
        .library(name: "Recommender", targets: ["Recommender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["CBLAS", "CKernels"], swiftSettings: optimizedSettings),
        .target(name: "ArxivFormats", swiftSettings: optimizedSettings),
        .target(
            name: "CKernels",
            // -O2 in debug too (the suite embeds corpus slices); never -ffast-math: the sums must stay exact.
            cSettings: [.unsafeFlags(["-O2", "-ffp-contract=off"])]
        ),
        .target(name: "TextEmbedding", dependencies: ["LinearAlgebra", "CKernels"], swiftSettings: optimizedSettings),
        .target(
            name: "Library",
            dependencies: ["ArxivFormats", "LinearAlgebra", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: optimizedSettings
        ),
        .target(
            name: "ArxivClient",
            dependencies: ["ArxivFormats", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Recommender",
            dependencies: ["Library", "TextEmbedding", "LinearAlgebra", "ArxivFormats"],
            swiftSettings: optimizedSettings
        ),
        // `arxrec evaluate`: simulated users and held-out days; it sees the recommender only as users run it
        // (public and `package` declarations), so an evaluation cannot measure code `shortlist` does not run.
        .target(
            name: "Evaluation",
            dependencies: ["Recommender", "Library", "TextEmbedding", "LinearAlgebra", "ArxivFormats"],
            swiftSettings: optimizedSettings
        ),
        // `arxrec serve`: the library as a local web page (one process, loopback by default).
        .target(
            name: "WebApp",
            dependencies: [
                "Recommender", "Library", "TextEmbedding", "ArxivFormats",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "arxrec",
            dependencies: [
                "Recommender", "Evaluation", "Library", "TextEmbedding", "LinearAlgebra", "ArxivFormats", "ArxivClient", "WebApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test helpers: locating ../shared/data, temporary directories, a loopback HTTP server.
        .target(name: "TestSupport", dependencies: ["ArxivFormats", "LinearAlgebra"], path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ArxivFormatsTests", dependencies: ["ArxivFormats", "LinearAlgebra", "TestSupport"],
            exclude: ["Fixtures"], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TextEmbeddingTests", dependencies: ["TextEmbedding", "ArxivFormats", "TestSupport"],
            exclude: ["Fixtures"], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LibraryTests",
            dependencies: ["Library", "ArxivFormats", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ArxivClientTests", dependencies: ["ArxivClient", "ArxivFormats", "TestSupport"],
            exclude: ["Fixtures"], swiftSettings: swiftSettings
        ),
        .testTarget(name: "RecommenderTests", dependencies: ["Recommender", "Evaluation", "Library", "TextEmbedding", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "WebApp", "Library", "Recommender", "ArxivFormats", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "arxrecTests",
            dependencies: [
                "arxrec", "ArxivFormats", "Library", "Recommender", "TextEmbedding", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
