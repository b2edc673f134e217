// swift-tools-version: 5.4
// Tools version 5.4 on purpose: from 5.5 SwiftPM renames an executable's entry point to
// `<target>_main` and links `main` to it, which clashes with the `main` libFuzzer supplies.
import PackageDescription

/// libFuzzer targets for turfwatch's parsers, kept out of the main package so `swift test` never builds them.
/// Build with scripts/fuzz/run.sh (it passes `-sanitize=fuzzer,address -parse-as-library`).
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
