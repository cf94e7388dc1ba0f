// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// Debian's gdlib.pc passes on libavif's -DAVIF_DLL, which SwiftPM drops with a warning on every
// build; gd.h is in /usr/include there anyway. Homebrew's prefix does need pkg-config.
#if os(Linux)
    let gdPkgConfig: String? = nil
#else
    let gdPkgConfig: String? = "gdlib"
#endif

let package = Package(
    name: "fengchao",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "fengchao", targets: ["BotServer"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // `GET /metrics`: swift-metrics is the API Hummingbird and our workers record through;
        // swift-prometheus turns it into the text format an operator's Prometheus scrapes.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Photo downloads connect to the address that was checked (dnsOverride), keeping Host and TLS name.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // Where something is, as one value: what the parser finds and the board stores.
        .target(
            name: "Places",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "IntentParser",
            dependencies: ["Places"],
            swiftSettings: swiftSettings
        ),
        // The labelled corpus: its splits, the scorer's metrics and model fitting (`fengchao train`, corpus tests).
        .target(
            name: "ParserCorpus",
            dependencies: ["IntentParser", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // Hostile chat messages for the fuzz tests and `fengchao fuzz`: kept out of the parser target.
        .target(
            name: "MessageFuzz",
            dependencies: ["IntentParser", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // libgd makes photo thumbnails (Debian: libgd-dev, installed by `make setup`).
        .systemLibrary(
            name: "CGD",
            pkgConfig: gdPkgConfig,
            providers: [.apt(["libgd-dev"]), .brew(["gd"])]
        ),
        .target(
            name: "TaskBoard",
            dependencies: [
                "Places",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Deterministic bulk data for `fengchao bench board`, written through the board's commands.
        .target(
            name: "BoardBench",
            dependencies: ["TaskBoard", "IntentParser"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "BotServer",
            dependencies: [
                "IntentParser",
                "ParserCorpus",
                "TaskBoard",
                "BoardBench",
                "MessageFuzz",
                "CGD",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The baseline of `fengchao bench ingest`: the least a durable webhook can do (Hummingbird 2,
        // GRDB, one insert per request, synchronous = FULL), measured beside fengchao in the same run.
        .executableTarget(
            name: "IngestBaseline",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntentParserTests",
            dependencies: ["IntentParser", "ParserCorpus", "MessageFuzz", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskBoardTests",
            dependencies: ["TaskBoard", "BoardBench", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BotServerTests",
            dependencies: [
                "BotServer",
                "MessageFuzz",
                "CGD",
                "IntentParser",
                "TaskBoard",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
