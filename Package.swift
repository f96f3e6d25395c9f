// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Guidepost",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Templates: swift-mustache 2.1.1 with a patch that takes the dynamic casts out of variable
        // lookup (Vendor/swift-mustache/README.md).
        .package(path: "Vendor/swift-mustache"),
        // `sitegen serve`: a small HTTP server on Swift concurrency, with no dependencies of its own.
        // FlyingFox 0.27.1 with a patch that bounds what a request may cost (Vendor/FlyingFox/README.md).
        .package(path: "Vendor/FlyingFox"),
    ],
    targets: [
        // The CommonMark reference parser, from the system (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Google's HTML5 parser, from the system (Debian: libgumbo-dev).
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: "gumbo",
            providers: [.apt(["libgumbo-dev"])]
        ),
        // What several modules share, written once: the FNV-1a hash and HTML escaping. Pure Swift.
        .target(name: "GuidepostSupport"),
        // Microsoft's allocator, from the system (Debian: libmimalloc-dev). Linked into the
        // command only: Debian's build replaces malloc and free process-wide, and the build's
        // millions of small allocations cost about 10% less CPU with it (BENCHMARKS.md).
        .systemLibrary(
            name: "CMimalloc",
            path: "Sources/CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        // Parses raw HTML with gumbo and writes back what an allowlist keeps, reporting the rest.
        .target(name: "HTMLSanitizer", dependencies: ["CGumbo", "GuidepostSupport"]),
        // Parses Markdown with cmark into plain Swift values and renders them to HTML.
        .target(name: "GuidepostMarkdown", dependencies: ["CCmark", "HTMLSanitizer", "GuidepostSupport"]),
        // The flow checker's domain: model, validation, evaluation, spec. Pure Swift.
        .target(name: "FlowKit", dependencies: ["GuidepostSupport"]),
        // The help center's decision trees, one flow a file.
        .target(name: "HelpFlows", dependencies: ["FlowKit"]),
        // The site generator: load, render, assemble, write.
        .target(
            name: "Guidepost",
            dependencies: [
                "GuidepostMarkdown", "FlowKit", "HelpFlows", "GuidepostSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `sitegen serve`: serves the site from memory, watches the sources, reloads open tabs.
        .target(
            name: "GuidepostServe",
            dependencies: [
                "Guidepost",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "Guidepost", "GuidepostServe", "FlowKit", "HelpFlows", "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GuidepostSupportTests", dependencies: ["GuidepostSupport"]),
        .testTarget(name: "GuidepostMarkdownTests", dependencies: ["GuidepostMarkdown", "HTMLSanitizer"]),
        // A small JSON Schema checker, so the spec's schema is tested against what Swift emits.
        .target(name: "JSONSchemaCheck", path: "Tests/Support/JSONSchemaCheck"),
        .testTarget(name: "FlowKitTests", dependencies: ["FlowKit", "HelpFlows", "JSONSchemaCheck", "GuidepostSupport"]),
        .testTarget(
            name: "GuidepostTests",
            dependencies: [
                "Guidepost", "JSONSchemaCheck", "GuidepostSupport",
                // To compare Guidepost's HTML escaping with the library's own.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "GuidepostServeTests", dependencies: ["GuidepostServe", "Guidepost"]),
    ]
)
