// swift-tools-version: 6.1
import PackageDescription

/// Settings every turfwatch target shares: Swift 6 language mode and explicit `any`.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "turfwatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "turfwatch", targets: ["turfwatch"]),
        .library(name: "TurfCore", targets: ["TurfCore"]),
        .library(name: "TurfText", targets: ["TurfText"]),
        .library(name: "TurfModel", targets: ["TurfModel"]),
        .library(name: "TurfRules", targets: ["TurfRules"]),
        .library(name: "TurfIO", targets: ["TurfIO"]),
        .library(name: "TurfTimeline", targets: ["TurfTimeline"]),
        .library(name: "TurfCoordination", targets: ["TurfCoordination"]),
        .library(name: "TurfSimulate", targets: ["TurfSimulate"]),
        .library(name: "TurfReport", targets: ["TurfReport"]),
        .library(name: "TurfPipeline", targets: ["TurfPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "TurfCore", swiftSettings: strictSettings),
        .target(name: "TurfText", swiftSettings: strictSettings),
        .target(
            name: "TurfModel",
            dependencies: ["TurfText", "TurfCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TurfRules",
            dependencies: ["CPCRE2", "TurfCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(name: "TurfIO", dependencies: ["TurfCore", "CZlib"], swiftSettings: strictSettings),
        .target(name: "TurfTimeline", dependencies: ["TurfCore", "TurfIO"], swiftSettings: strictSettings),
        .target(
            name: "TurfCoordination",
            dependencies: ["TurfCore", "TurfTimeline", "TurfIO"],
            swiftSettings: strictSettings
        ),
        .target(name: "TurfSimulate", dependencies: ["TurfCore", "TurfIO"], swiftSettings: strictSettings),
        .target(
            name: "TurfReport",
            dependencies: ["TurfCore", "TurfTimeline", "TurfCoordination"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TurfPipeline",
            dependencies: [
                "TurfCore", "TurfText", "TurfModel", "TurfRules", "TurfIO",
                "TurfTimeline", "TurfCoordination", "TurfReport",
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "turfwatch",
            dependencies: [
                "TurfPipeline", "TurfCore", "TurfText", "TurfModel", "TurfRules", "TurfIO",
                "TurfTimeline", "TurfCoordination", "TurfSimulate", "TurfReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "TurfwatchTestSupport", path: "Tests/TurfwatchTestSupport"),
        .testTarget(name: "TurfCoreTests", dependencies: ["TurfCore"]),
        .testTarget(name: "TurfIOTests", dependencies: ["TurfIO", "TurfCore"]),
        .testTarget(name: "TurfReportTests", dependencies: ["TurfReport", "TurfCore"]),
        .testTarget(name: "TurfPipelineTests", dependencies: ["TurfPipeline", "TurfIO", "TurfCore", "TurfModel", "TurfText", "TurfRules", "TurfSimulate", "TurfTimeline", "TurfCoordination", "TurfwatchTestSupport"]),
        .testTarget(name: "TurfModelTests", dependencies: ["TurfModel", "TurfText", "TurfCore", "TurfwatchTestSupport"]),
        .testTarget(name: "TurfTextTests", dependencies: ["TurfText", "TurfwatchTestSupport"]),
        .testTarget(name: "TurfRulesTests", dependencies: ["TurfRules", "TurfCore", "TurfwatchTestSupport"]),
        .testTarget(name: "TurfCoordinationTests", dependencies: ["TurfCoordination", "TurfCore", "TurfIO", "TurfTimeline", "TurfSimulate"]),
        .testTarget(name: "TurfSimulateTests", dependencies: ["TurfSimulate", "TurfCore", "TurfIO"]),
        .testTarget(name: "TrainingDataTests", dependencies: ["TurfCore"]),
        .testTarget(name: "TurfTimelineTests", dependencies: ["TurfTimeline", "TurfCore", "TurfIO"]),
        .testTarget(
            name: "BadInputTests",
            dependencies: ["TurfIO", "TurfCore", "TurfModel", "TurfText", "TurfRules", "TurfCoordination", "TurfwatchTestSupport"],
            exclude: ["Corpus"]
        ),
    ]
)
