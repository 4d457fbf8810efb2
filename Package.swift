// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "disclose",
    // No `platforms:`: it builds on Linux only (glibc's stat fields, renameat2, the
    // system libraries from Debian), and Linux takes no platform entry.
    products: [
        .executable(name: "disclose", targets: ["disclose"]),
        .library(name: "DisclosureKit", targets: ["DisclosureKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Only the preview server (DisclosePreview) depends on it; the library stays server-free.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        // Already in Hummingbird's graph; named so that the preview can stop on Ctrl-C.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // System-library shims: module maps and headers only, no logic.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The executable's allocator (see the README's Performance section): only the
        // binary links it; the library leaves the choice to whoever embeds it.
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(
            name: "DisclosureKit",
            dependencies: [
                "CCmarkGFM",
                "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The sources of generated Swift (scripts/embed-type-declarations.py,
            // scripts/embed-holidays.py): the library reads the embedded copies.
            exclude: ["Types/BuiltIn", "Validation/Holidays"]
        ),
        // `disclose serve`: the preview server, its file serving and its rebuild loop.
        .target(
            name: "DisclosePreview",
            dependencies: [
                "DisclosureKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "disclose",
            dependencies: [
                "CMimalloc",
                "DisclosureKit",
                "DisclosePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz target (scripts/fuzz.sh); a plain build replays inputs through it.
        .executableTarget(
            name: "disclose-fuzz",
            dependencies: ["DisclosureKit"]
        ),
        // The stage benchmark (Benchmarks/README in the main README's Performance section).
        .executableTarget(
            name: "disclose-stages",
            dependencies: ["DisclosureKit"],
            path: "Benchmarks/Stages"
        ),
        // Helpers shared by the test targets (not a product).
        .target(
            name: "DiscloseTestSupport",
            dependencies: ["CLibXML2"],
            path: "Tests/Support"
        ),
        .testTarget(
            name: "DisclosureKitTests",
            // Yams: the front-matter composer is compared with Yams' own.
            dependencies: ["DisclosureKit", "DisclosePreview", "DiscloseTestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["disclose", "disclose-fuzz", "DisclosureKit", "DiscloseTestSupport"],
            exclude: ["Fixtures"]
        ),
    ]
)
