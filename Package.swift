// swift-tools-version: 6.2
import PackageDescription

/// Dependencies point one way: executable → CLI → REPL → engine / runbooks / diagnosis /
/// execution → model. Only `TriageTerminal` sees C; only `TriageExecution` sees Subprocess;
/// only `TriageRunbooks` sees Yams; only `TriageRegistry` sees FoundationNetworking, and only the
/// `triage-registry-check` executable links it.
let package = Package(
    name: "Triage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "triage", targets: ["triage"]),
        .executable(name: "triage-registry-check", targets: ["triage-registry-check"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "TriageJSON"),
        .target(name: "TriageArchive"),
        .target(name: "TriageModel", dependencies: ["TriageJSON"]),
        .target(name: "TriageLayout"),
        // The engine's parsers' names and facts as data, so that the plugin tool that validates
        // the shipped runbooks at build time links the validator without the engine.
        .target(name: "TriageParserSignatures", dependencies: ["TriageModel"]),
        .target(name: "TriageKubernetes", dependencies: ["TriageJSON"]),
        .target(name: "TriageSecrets", dependencies: ["TriageModel", "TriageJSON"]),
        .target(name: "TriageDiagnosis", dependencies: ["TriageJSON", "TriageKubernetes", "TriageModel"]),
        .target(name: "TriageRegistry", dependencies: ["TriageDiagnosis", "TriageModel"]),
        .target(
            name: "TriageScan",
            dependencies: ["TriageModel", "TriageDiagnosis", "TriageEngine", "TriageJSON", "TriageKubernetes", "TriageLayout", "TriageSecrets"]
        ),
        .target(
            name: "TriageRunbooks",
            dependencies: ["TriageModel", "TriageJSON", "TriageArchive", .product(name: "Yams", package: "Yams")]
        ),
        // The shipped Runbooks/ and Scenarios/, loaded and validated at build time by the same
        // decoder and validator as at run time, and compiled in as archives of their models by the
        // EmbedLibrary plugin.
        .executableTarget(name: "triage-embed", dependencies: ["TriageRunbooks", "TriageParserSignatures"]),
        .plugin(name: "EmbedLibrary", capability: .buildTool(), dependencies: ["triage-embed"]),
        .target(name: "TriageBuiltIns", dependencies: ["TriageRunbooks"], plugins: ["EmbedLibrary"]),
        .target(
            name: "TriageExecution",
            dependencies: ["TriageModel", .product(name: "Subprocess", package: "swift-subprocess")]
        ),
        .target(
            name: "TriageEngine",
            dependencies: ["TriageModel", "TriageDiagnosis", "TriageExecution", "TriageJSON", "TriageKubernetes", "TriageSecrets", "TriageParserSignatures"]
        ),
        .target(name: "TriageTerminal", dependencies: ["CLibEdit", "TriageLayout", "TriageModel"]),
        .target(
            name: "TriageTraining",
            dependencies: [
                "TriageModel", "TriageEngine", "TriageExecution", "TriageJSON", "TriageRunbooks", "TriageTerminal", "TriageLayout", "TriageSecrets",
            ]
        ),
        .target(
            name: "TriageREPL",
            dependencies: [
                "TriageModel", "TriageEngine", "TriageKubernetes", "TriageExecution", "TriageRunbooks", "TriageTerminal", "TriageLayout", "TriageSecrets",
            ]
        ),
        .target(
            name: "TriageCommandSupport",
            dependencies: ["TriageJSON", "TriageModel", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(
            name: "TriageCLI",
            dependencies: [
                "TriageModel", "TriageDiagnosis", "TriageKubernetes", "TriageRunbooks", "TriageExecution", "TriageEngine", "TriageTerminal",
                "TriageREPL", "TriageScan", "TriageTraining", "TriageCommandSupport", "TriageBuiltIns", "TriageLayout", "TriageSecrets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "triage", dependencies: ["TriageCLI", "TriageCommandSupport"]),
        // Only the registry check links FoundationNetworking (libcurl and its TLS stack): `triage`
        // runs it as a separate executable so that every other command starts without loading it.
        .target(
            name: "TriageRegistryCommand",
            dependencies: [
                "TriageModel", "TriageDiagnosis", "TriageRegistry", "TriageCommandSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "triage-registry-check", dependencies: ["TriageRegistryCommand", "TriageCommandSupport"]),
        .executableTarget(
            name: "triage-bench",
            dependencies: ["TriageDiagnosis", "TriageScan", "TriageSecrets"],
            path: "Benchmarks/triage-bench"
        ),
        .target(
            name: "TriageTestSupport",
            dependencies: ["TriageModel", "TriageExecution"],
            path: "Tests/TriageTestSupport"
        ),
        .testTarget(name: "TriageArchiveTests", dependencies: ["TriageArchive"]),
        .testTarget(name: "TriageKubernetesTests", dependencies: ["TriageKubernetes", "TriageJSON"], exclude: ["Fixtures"]),
        .testTarget(name: "TriageSecretsTests", dependencies: ["TriageSecrets", "TriageTestSupport"]),
        .testTarget(name: "TriageDiagnosisTests", dependencies: ["TriageDiagnosis", "TriageTestSupport"]),
        .testTarget(name: "TriageRegistryTests", dependencies: ["TriageRegistry", "TriageTestSupport"]),
        .testTarget(name: "TriageScanTests", dependencies: ["TriageScan", "TriageKubernetes", "TriageLayout", "TriageTestSupport"]),
        .testTarget(name: "TriageLabTests", dependencies: ["TriageDiagnosis", "TriageRegistry", "TriageTestSupport"]),
        .testTarget(name: "TriageTrainingTests", dependencies: ["TriageTraining", "TriageEngine", "TriageRunbooks", "TriageTestSupport"]),
        .testTarget(
            name: "TriageRunbooksTests",
            dependencies: [
                "TriageRunbooks", "TriageModel", "TriageJSON", "TriageArchive", "TriageBuiltIns", "TriageEngine", "TriageParserSignatures", "TriageTestSupport",
            ]),
        .testTarget(name: "TriageExecutionTests", dependencies: ["TriageExecution", "TriageModel", "TriageTestSupport"]),
        .testTarget(
            name: "TriageEngineTests",
            dependencies: ["TriageEngine", "TriageRunbooks", "TriageModel", "TriageJSON", "TriageKubernetes", "TriageDiagnosis", "TriageTestSupport"]),
        .testTarget(name: "TriageTerminalTests", dependencies: ["TriageTerminal", "TriageTestSupport"]),
        .testTarget(name: "TriageLayoutTests", dependencies: ["TriageLayout"]),
        .testTarget(
            name: "TriageREPLTests",
            dependencies: ["TriageREPL", "TriageEngine", "TriageKubernetes", "TriageRunbooks", "TriageTerminal", "TriageLayout", "TriageTestSupport"]),
        .testTarget(
            name: "TriageCLITests",
            dependencies: ["TriageCLI", "triage", "triage-registry-check", "TriageRegistryCommand", "TriageTestSupport"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Fuzz/README.md), declared only when `Fuzz/run` builds them with the fuzzer's
// instrumentation into `.build-fuzz`: `swift build` and `swift test` never see them.
if Context.environment["TRIAGE_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("fuzz-diagnosis", ["TriageDiagnosis"]),
        ("fuzz-json", ["TriageJSON", "TriageKubernetes"]),
        ("fuzz-runbooks", ["TriageRunbooks", "TriageEngine", "TriageModel"]),
        ("fuzz-image-reference", ["TriageDiagnosis", "TriageModel"]),
        ("fuzz-masker", ["TriageSecrets"]),
    ]
    package.targets.append(
        .target(
            name: "FuzzDriver",
            path: "Fuzz/Targets/FuzzDriver",
            swiftSettings: [.enableExperimentalFeature("Extern")]
        ))
    for target in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: target.name,
                dependencies: target.dependencies + ["FuzzDriver"],
                path: "Fuzz/Targets/\(target.name)"
            ))
    }
}
