import Foundation
import TriageModel

/// How a kubectl command ended.
public struct KubectlOutput: Sendable {
    /// What it printed on standard output.
    public var stdout: String
    /// What it printed on standard error.
    public var stderr: String
    /// Its exit status.
    public var exitStatus: Int32
    /// Whether it was stopped for running too long.
    public var timedOut: Bool

    /// Creates an output.
    public init(stdout: String, stderr: String = "", exitStatus: Int32 = 0, timedOut: Bool = false) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitStatus = exitStatus
        self.timedOut = timedOut
    }

    /// Whether it exited 0 in time.
    public var succeeded: Bool { exitStatus == 0 && !timedOut }

    /// Standard error cut to what says why, for messages (see `FailureMessage`).
    public var stderrSummary: String {
        (timedOut ? "timed out. " : "") + FailureMessage.summary(ofStandardError: stderr)
    }
}

/// Runs `kubectl` with the given arguments (everything after the program name), as an argument
/// vector, against the cluster the user chose. The CLI supplies one backed by Triage's live runner.
public protocol KubectlRunning: Sendable {
    /// Runs `kubectl arguments…`; throws only when kubectl could not be run at all.
    func kubectl(_ arguments: [String]) async throws(ScanError) -> KubectlOutput
}
