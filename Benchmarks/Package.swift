// swift-tools-version: 6.1
// The micro-benchmarks of the event core, with package-benchmark (ordo-one/benchmark). A
// package of its own, depending on the root package by path, so that the root package's
// `swift build` / `swift test` (and CI) neither fetch nor compile the benchmark framework.
//
//   cd Benchmarks
//   swift package benchmark                                  # run, print a table
//   swift package benchmark thresholds check                 # fails (exit 2) on a regression
//   swift package --allow-writing-to-package-directory benchmark thresholds update   # new baseline
import PackageDescription

let package = Package(
    name: "PeatBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "PeatConsole", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PeatCore",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PeatEvents", package: "PeatConsole"),
                .product(name: "Console", package: "PeatConsole"),
                .product(name: "LocalNode", package: "PeatConsole"),
            ],
            path: "Benchmarks/PeatCore",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
