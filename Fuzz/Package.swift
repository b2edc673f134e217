// swift-tools-version: 5.4
import PackageDescription

/// libFuzzer targets for turfwatch's parsers, kept out of the main package so `swift test` never builds them.
/// Build with scripts/fuzz/run.sh (it passes `-sanitize=fuzzer,address -parse-as-library -enable-testing`).
let package = Package(
    name: "TurfFuzz",
    dependencies: [.package(name: "turfwatch", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "TurfIO", package: "turfwatch")]),
        .executableTarget(name: "FuzzTokenizer", dependencies: [.product(name: "TurfText", package: "turfwatch")]),
        .executableTarget(name: "FuzzTwarc2", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzTwarcCSV", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzIOArchive", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzTrollTweets", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzMappedJSONL", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzMappedCSV", dependencies: ["FuzzSupport"]),
        .executableTarget(
            name: "FuzzLabelled",
            dependencies: ["FuzzSupport", .product(name: "TurfIO", package: "turfwatch")]
        ),
        .executableTarget(
            name: "FuzzRules",
            dependencies: [.product(name: "TurfRules", package: "turfwatch"), .product(name: "TurfCore", package: "turfwatch")]
        ),
        .executableTarget(
            name: "FuzzModel",
            dependencies: ["FuzzSupport", .product(name: "TurfModel", package: "turfwatch"), .product(name: "TurfText", package: "turfwatch")]
        ),
    ]
)
