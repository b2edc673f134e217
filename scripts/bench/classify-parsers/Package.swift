// swift-tools-version: 6.1
// Parser benchmarks for `turfwatch classify`, kept out of the main package so `swift test`
// never builds them (run through ../classify-parsers.sh, which links the parent package in).
import PackageDescription

let package = Package(
    name: "classify-parsers",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "turfwatch", path: "../../.."),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "classify-parsers",
            dependencies: [
                .product(name: "TurfIO", package: "turfwatch"),
                .product(name: "TurfCore", package: "turfwatch"),
                .product(name: "TurfModel", package: "turfwatch"),
                .product(name: "TurfText", package: "turfwatch"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
    ]
)
