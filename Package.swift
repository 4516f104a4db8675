// swift-tools-version: 6.1
import PackageDescription

/// Strict settings shared by every target, stated once (as swift-log does).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Causeway",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "causeway", targets: ["causeway"]),
        .library(name: "CausewayAnalysis", targets: ["CausewayAnalysis"]),
        .library(name: "CausewayReport", targets: ["CausewayReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Value types every stage shares. Foundation only, no I/O.
        .target(name: "CausewayCore"),

        // zlib, for gzip inputs (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),

        // SIMD byte scans and a prefetch hint for ingest's hot path, as static inline C.
        .target(name: "CCausewayBytes"),

        // Format detection, parsing, normalisation, templates, signal rules, topology files.
        .target(
            name: "CausewayIngest",
            dependencies: ["CausewayCore", "CZlib", "CCausewayBytes", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/signals.json")]
        ),

        // A generic weighted digraph over dense indices and the algorithms on it.
        .target(name: "CausewayGraph"),

        // Incident reasoning: the causal graph, hypotheses, paths, blast radius, whys, the Report value.
        .target(
            name: "CausewayAnalysis",
            dependencies: ["CausewayCore", "CausewayIngest", "CausewayGraph"],
            resources: [.copy("Resources/recommendations.json")]
        ),

        // libgvc through pkg-config (Debian: libgraphviz-dev).
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),

        // DOT writer (pure Swift) and in-process rendering through libgvc.
        .target(name: "CausewayRender", dependencies: ["CausewayCore", "CausewayAnalysis", "CGraphviz"]),

        // Markdown, HTML and JSON writers, all read off one Report value.
        .target(name: "CausewayReport", dependencies: ["CausewayCore", "CausewayAnalysis", "CausewayRender"]),

        // The bundled sample incidents, shipped as resources.
        .target(name: "CausewaySamples", resources: [.copy("Resources/incidents")]),

        // Incident cases for drills and tests: topologies, faults, log styles, ground truth. Foundation only.
        .target(name: "CausewaySimulator"),

        // Scoring analyses against ground truth: AC@k, path match, blast-radius F1, baselines.
        .target(name: "CausewayEvaluation"),

        // The local incident history: signatures and reports in SQLite (GRDB), similarity search.
        .target(
            name: "CausewayHistory",
            dependencies: ["CausewayAnalysis", "CausewayCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),

        // The command line: parses flags, wires the stages, maps errors to exit codes.
        .executableTarget(
            name: "causeway",
            dependencies: [
                "CausewayCore", "CausewayIngest", "CausewayAnalysis", "CausewayRender", "CausewayReport",
                "CausewaySamples", "CausewaySimulator", "CausewayEvaluation", "CausewayHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // The benchmark: speed and memory against baselines measured in the same run.
        .executableTarget(
            name: "causeway-bench",
            dependencies: ["CausewayCore", "CausewayIngest", "CausewayAnalysis", "CausewayReport", "CausewaySimulator"],
            path: "Sources/causeway-bench"),

        .testTarget(name: "CausewayCoreTests", dependencies: ["CausewayCore"]),
        .testTarget(name: "CausewayIngestTests", dependencies: ["CausewayIngest", "CausewayCore", "CCausewayBytes"], exclude: ["Fixtures"]),
        .testTarget(name: "CausewayGraphTests", dependencies: ["CausewayGraph"]),
        .testTarget(
            name: "CausewayAnalysisTests",
            dependencies: ["CausewayAnalysis", "CausewayIngest", "CausewayCore", "CausewaySamples"]
        ),
        .testTarget(name: "CausewayRenderTests", dependencies: ["CausewayRender", "CausewayAnalysis", "CausewayIngest", "CausewaySamples"]),
        .testTarget(
            name: "CausewayReportTests",
            dependencies: ["CausewayReport", "CausewayRender", "CausewayAnalysis", "CausewayIngest", "CausewaySamples", "CausewaySimulator"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "CausewayCLITests", dependencies: ["CausewaySamples"]),
        .testTarget(name: "CausewaySimulatorTests", dependencies: ["CausewaySimulator"]),
        .testTarget(name: "CausewayEvaluationTests", dependencies: ["CausewayEvaluation"]),
        .testTarget(
            name: "CausewayHistoryTests",
            dependencies: [
                "CausewayHistory", "CausewayAnalysis", "CausewayCore", "CausewayReport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system && target.name != "CCausewayBytes" {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}

/// The data path (parsing, mining, the causal graph, the simulator) is optimised in debug builds too: the tests
/// and `scripts/eval-floors` analyse a hundred incidents, which unoptimised code reads seven times slower
/// (blind h05: 24 s → 3.6 s), and a release build of the whole package costs CI more than the time it saves.
/// The command line, reports and tests stay unoptimised for debugging.
let optimisedInDebug: Set<String> = ["CausewayCore", "CausewayIngest", "CausewayGraph", "CausewayAnalysis", "CausewaySimulator"]
for target in package.targets where optimisedInDebug.contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-O"], .when(configuration: .debug))]
}
