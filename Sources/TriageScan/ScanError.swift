import Foundation
import TriageModel

/// Why a scan could not read its pods.
public enum ScanError: LocalizedError, Equatable, Sendable {
    /// The input is not JSON at `offset` (bytes from the start).
    case malformedJSON(offset: Int, problem: String)
    /// The input ends at `offset` in the middle of the document.
    case truncatedJSON(offset: Int)
    /// The input is JSON but not a list of pods.
    case notAPodList(String)
    /// The input could not be read.
    case unreadable(name: String, reason: String)
    /// kubectl could not be started.
    case kubectlUnavailable(String)
    /// kubectl is not on `PATH`.
    case kubectlNotFound
    /// The scan was cancelled (Ctrl-C).
    case cancelled
    /// kubectl ran and failed.
    case kubectlFailed(command: String, status: Int32, stderr: String)
    /// kubectl gave no answer within `seconds` and was stopped; `stderr` is what it said until then.
    case kubectlStopped(command: String, seconds: Double, stderr: String)

    /// What went wrong and what to do about it.
    public var errorDescription: String? {
        switch self {
        case .malformedJSON(let offset, let problem):
            "malformed JSON at byte \(offset): \(problem); give the output of `kubectl get pods -o json`"
        case .truncatedJSON(let offset):
            "the JSON ends abruptly at byte \(offset) (truncated?); save the whole output of `kubectl get pods -o json`"
        case .notAPodList(let detail):
            "not a list of pods: \(detail); give the output of `kubectl get pods -A -o json`"
        case .unreadable(let name, let reason):
            "cannot read \(name): \(reason)"
        case .kubectlUnavailable(let reason):
            reason
        case .kubectlNotFound:
            "`kubectl` was not found on PATH. Install it or add its directory to PATH, or scan a saved `kubectl get pods -A -o json` with --from FILE"
        case .cancelled:
            "cancelled"
        case .kubectlFailed(let command, let status, let stderr):
            "`\(command)` failed with exit status \(status)" + (stderr.isEmpty ? "" : ": \(stderr)")
        case .kubectlStopped(let command, let seconds, let stderr):
            "`\(command)` \(Self.stopped(after: seconds))" + (stderr.isEmpty ? "" : "; it said: \(stderr)")
        }
    }

    /// That a kubectl command was stopped after `seconds`, and the option that waits longer.
    static func stopped(after seconds: Double) -> String {
        "timed out after \(Seconds.spoken(seconds)) with no answer (--timeout SECONDS waits longer)"
    }
}
