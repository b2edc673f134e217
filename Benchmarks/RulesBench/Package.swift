// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which differs between checkouts.
let turfwatch = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

/// The rule-overlay benchmark, a package of its own so `swift test` on turfwatch never builds it.
let package = Package(
    name: "turfwatch-rules-bench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "rules-bench",
            dependencies: [
                .product(name: "TurfRules", package: turfwatch),
                .product(name: "TurfCore", package: turfwatch),
            ]
        ),
    ]
)
