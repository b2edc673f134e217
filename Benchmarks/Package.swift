// swift-tools-version: 6.1
import PackageDescription

/// turfwatch benchmarks: a separate package so `swift test` on the main package never builds them.
let package = Package(
    name: "TurfBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "turfwatch", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "TurfBench",
            dependencies: [.product(name: "TurfText", package: "turfwatch")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "RulesBench",
            dependencies: [
                .product(name: "TurfRules", package: "turfwatch"),
                .product(name: "TurfCore", package: "turfwatch"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "TimelineBench",
            dependencies: [
                .product(name: "TurfTimeline", package: "turfwatch"),
                .product(name: "TurfCore", package: "turfwatch"),
                .product(name: "TurfIO", package: "turfwatch"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
