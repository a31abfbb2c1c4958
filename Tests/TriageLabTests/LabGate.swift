import Foundation
import Testing
import TriageTestSupport

/// Whether this machine has the lab's real parts. Without them the lab's suites are skipped
/// with a loud message locally, and fail under CI (`CI` set), so a missing part never passes
/// silently.
enum LabGate {
    /// The programs the lab runs.
    static let programs = ["containerd", "ctr", "docker-registry", "skopeo", "openssl", "htpasswd", "kubectl"]

    /// What is missing, in words; empty when the lab can run.
    static let missing: [String] = {
        var missing = programs.filter { !ExternalTool.exists($0) }
        if !CRIImageClient.isAvailable { missing.append("\(CRIImageClient.python) with grpc (python3-grpcio)") }
        if getuid() != 0 { missing.append("root (containerd needs it)") }
        return missing
    }()

    /// Whether CI is running the tests.
    static let isCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

    /// Whether the lab's suites run: always under CI (where missing parts then fail), and
    /// locally only when nothing is missing.
    static let runs: Bool = {
        if !missing.isEmpty {
            let verdict = isCI ? "FAILS under CI" : "is SKIPPED (set CI=1 to make this a failure)"
            print("⚠️  TriageLabTests: the real-runtime lab \(verdict): missing \(missing.joined(separator: ", ")). Run `bash .ci/install`.")
        }
        return missing.isEmpty || isCI
    }()

    /// Fails the current test when a part is missing (only reached under CI, or when complete).
    static func requireParts() throws {
        try #require(missing.isEmpty, "the real-runtime lab lacks: \(missing.joined(separator: ", ")); run `bash .ci/install`")
    }
}

/// The lab's faults, made once per test run (on a thread of their own, so no test blocks the
/// concurrency pool while they are made) and shared by the suites that read them.
enum SharedLab {
    private static let results = Task<Result<FaultLab.Results, any Error>, Never> {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: Result { try FaultLab.run() }) }.start()
        }
    }

    /// The results; fails the test when parts are missing or the lab could not run.
    static func get() async throws -> FaultLab.Results {
        try LabGate.requireParts()
        return try await results.value.get()
    }
}
