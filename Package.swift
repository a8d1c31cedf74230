// swift-tools-version: 6.1
// Earshot: Boolean social-listening rules compiled into one fast matcher, plus the `earshot` CLI.
//
// Layers (an arrow means "is imported by"; nothing imports upward):
//   Text → Syntax → Plan → Engine → Tagging → Stream → Report → Earshot (facade) → EarshotCLI
//   CPCRE2 → Regex → {Plan, Engine};  CUTF8Proc → Text
// Each layer lives in Sources/Earshot/<Layer> so the folder names show the data flow.
import PackageDescription

let package = Package(
    name: "Earshot",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Earshot", targets: ["Earshot"]),
        .executable(name: "earshot", targets: ["EarshotCLI"]),
        // Deterministic rule sets and corpora for benchmarks and tests; not needed to use Earshot.
        .library(name: "EarshotWorkloads", targets: ["EarshotWorkloads"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries from the system (Debian: libpcre2-dev, libutf8proc-dev).
        .systemLibrary(
            name: "CPCRE2", path: "Sources/CPCRE2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]),
        .systemLibrary(
            name: "CUTF8Proc", path: "Sources/CUTF8Proc", pkgConfig: "libutf8proc",
            providers: [.apt(["libutf8proc-dev"]), .brew(["utf8proc"])]),

        // Library layers.
        .target(name: "EarshotText", dependencies: ["CUTF8Proc"], path: "Sources/Earshot/Text"),
        .target(
            name: "EarshotSyntax",
            dependencies: ["EarshotText", .product(name: "Yams", package: "Yams")],
            path: "Sources/Earshot/Syntax"),
        .target(name: "EarshotRegex", dependencies: ["CPCRE2"], path: "Sources/Earshot/Regex"),
        .target(
            name: "EarshotPlan", dependencies: ["EarshotText", "EarshotSyntax", "EarshotRegex"],
            path: "Sources/Earshot/Plan"),
        .target(
            name: "EarshotEngine", dependencies: ["EarshotText", "EarshotPlan", "EarshotRegex"],
            path: "Sources/Earshot/Engine"),
        .target(
            name: "EarshotTagging",
            dependencies: ["EarshotText", "EarshotSyntax", "EarshotPlan", "EarshotEngine"],
            path: "Sources/Earshot/Tagging",
            exclude: ["Resources"]),
        .target(
            name: "EarshotStream", dependencies: ["EarshotText", "EarshotEngine", "EarshotTagging"],
            path: "Sources/Earshot/Stream"),
        .target(
            name: "EarshotReport", dependencies: ["EarshotText", "EarshotStream"],
            path: "Sources/Earshot/Report"),
        .target(
            name: "Earshot",
            dependencies: [
                "EarshotText", "EarshotSyntax", "EarshotRegex", "EarshotPlan", "EarshotEngine",
                "EarshotTagging", "EarshotStream", "EarshotReport",
            ],
            path: "Sources/Earshot/API",
            exclude: ["Resources"]),

        // The command-line tool: flags and terminal manners only, no matching logic.
        .executableTarget(
            name: "EarshotCLI",
            dependencies: ["Earshot", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/EarshotCLI"),

        .target(name: "EarshotWorkloads", path: "Sources/EarshotWorkloads"),

        // Tests: one target per layer, plus fixture-driven conformance and CLI process tests.
        .target(
            name: "EarshotTestSupport", path: "Tests/EarshotTestSupport"),
        .testTarget(
            name: "EarshotTextTests", dependencies: ["EarshotText", "EarshotTestSupport", "EarshotWorkloads"]),
        .testTarget(
            name: "EarshotSyntaxTests", dependencies: ["EarshotSyntax", "EarshotTestSupport", "EarshotWorkloads"]),
        .testTarget(name: "EarshotRegexTests", dependencies: ["EarshotRegex"]),
        .testTarget(
            name: "EarshotPlanTests", dependencies: ["EarshotPlan", "EarshotSyntax", "EarshotText", "EarshotTestSupport"]),
        .testTarget(
            name: "EarshotEngineTests",
            dependencies: ["EarshotEngine", "EarshotPlan", "EarshotSyntax", "EarshotTestSupport", "EarshotWorkloads"]),
        .testTarget(
            name: "EarshotTaggingTests", dependencies: ["EarshotTagging", "EarshotText", "EarshotTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "EarshotReportTests", dependencies: ["EarshotReport", "EarshotStream", "EarshotTestSupport"]),
        .testTarget(
            name: "EarshotStreamTests", dependencies: ["EarshotStream", "EarshotTestSupport"]),
        .testTarget(
            name: "ConformanceTests", dependencies: ["Earshot", "EarshotTestSupport"]),
        .testTarget(
            name: "CLITests", dependencies: ["EarshotTestSupport"]),
    ]
)
