// swift-tools-version: 6.1
// Earshot benchmarks: a separate package so library users never inherit package-benchmark.
// Run: cd Benchmarks && swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let package = Package(
    name: "EarshotBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Earshot", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "earshot-workload",
            dependencies: [.product(name: "EarshotWorkloads", package: "Earshot")],
            path: "Tools/EarshotWorkloadTool"),
        .target(name: "SentimentFixture", path: "Tools/SentimentFixture"),
        .executableTarget(
            name: "sentiment-driver",
            dependencies: [.product(name: "Earshot", package: "Earshot"), "SentimentFixture"],
            path: "Tools/SentimentDriver"),
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Earshot", package: "Earshot"),
                .product(name: "EarshotWorkloads", package: "Earshot"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]),
        .executableTarget(
            name: "StreamBenchmarks",
            dependencies: [
                .product(name: "Earshot", package: "Earshot"),
                .product(name: "EarshotWorkloads", package: "Earshot"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/StreamBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]),
        .executableTarget(
            name: "SentimentBenchmarks",
            dependencies: [
                .product(name: "Earshot", package: "Earshot"),
                .product(name: "Benchmark", package: "package-benchmark"),
                "SentimentFixture",
            ],
            path: "Benchmarks/SentimentBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]),
    ]
)
