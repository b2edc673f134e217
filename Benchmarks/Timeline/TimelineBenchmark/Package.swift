// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its directory, which differs between clones and worktrees.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let rootPackage = root.lastPathComponent.lowercased()

/// The timeline benchmark lives in its own package so `swift test` on turfwatch never builds it.
let package = Package(
    name: "TimelineBenchmark",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../../..")],
    targets: [
        .executableTarget(
            name: "TimelineBenchmark",
            dependencies: [
                .product(name: "TurfTimeline", package: rootPackage),
                .product(name: "TurfCore", package: rootPackage),
                .product(name: "TurfIO", package: rootPackage),
            ]
        ),
    ]
)
