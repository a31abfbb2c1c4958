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
    /// The time limit, in seconds, that stopped it for running too long; nil when it ended by itself.
    public var stoppedAfter: Double?

    /// Creates an output.
    public init(stdout: String, stderr: String = "", exitStatus: Int32 = 0, stoppedAfter: Double? = nil) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitStatus = exitStatus
        self.stoppedAfter = stoppedAfter
    }

    /// Whether it exited 0 in time.
    public var succeeded: Bool { exitStatus == 0 && stoppedAfter == nil }

    /// Why it failed, for messages: that it was stopped, after how long and how to wait longer,
    /// then standard error cut to what says why (see `FailureMessage`).
    public var failureSummary: String {
        let said = FailureMessage.summary(ofStandardError: stderr)
        guard let stoppedAfter else { return said }
        return "\(ScanError.stopped(after: stoppedAfter))" + (said.isEmpty ? "" : ": " + said)
    }
}

/// Runs `kubectl` with the given arguments (everything after the program name), as an argument
/// vector, against the cluster the user chose. The CLI supplies one backed by Triage's live runner.
public protocol KubectlRunning: Sendable {
    /// Runs `kubectl arguments…`; throws only when kubectl could not be run at all.
    func kubectl(_ arguments: [String]) async throws(ScanError) -> KubectlOutput
}
