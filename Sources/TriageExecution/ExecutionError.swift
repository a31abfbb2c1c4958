import Foundation
import TriageModel

/// Why a runner could not produce a result for a command.
public enum ExecutionError: LocalizedError, Equatable, Sendable {
    /// The program is neither an executable path nor found on `PATH`.
    case programNotFound(String)
    /// The program exists but the operating system would not start it.
    case launchFailed(program: String, reason: String)
    /// A replayed scenario has no recorded result for this command.
    case notRecorded(CommandInvocation)
    /// The command changes the cluster and the user did not confirm it.
    case refused(CommandInvocation)
    /// The command changes the cluster and Triage is in read-only mode.
    case readOnly(CommandInvocation)
    /// The command changes the cluster and nobody is there to say yes (`--no-input`).
    case unattended(CommandInvocation)
    /// A `--context`, `--kubeconfig` or `--namespace` value that kubectl would misread.
    case invalidClusterOption(flag: String, value: String, reason: String)

    /// A message that says what went wrong and what the user can do about it.
    public var errorDescription: String? {
        switch self {
        case .programNotFound(let program):
            "`\(program)` was not found on PATH. Install it or add its directory to PATH, or use "
                + "--propose mode to run the commands yourself and paste their output."
        case .launchFailed(let program, let reason):
            "Could not start `\(program)`: \(reason) Check that it is an executable you may run, "
                + "or use --propose mode to run the commands yourself and paste their output."
        case .notRecorded(let invocation):
            "The scenario has no recording for `\(invocation.description)`. Record this command in "
                + "the scenario, or replay a scenario that ran it."
        case .refused(let invocation):
            "Did not run `\(invocation.description)`: \(Self.change(invocation)), and it was not confirmed."
        case .readOnly(let invocation):
            "Did not run `\(invocation.description)`: \(Self.change(invocation)), and read-only mode is on. "
                + "Run it yourself if you mean to."
        case .unattended(let invocation):
            "Did not run `\(invocation.description)`: \(Self.change(invocation)), and with --no-input nobody can say yes. "
                + "Run it yourself, or run Triage without --no-input."
        case .invalidClusterOption(let flag, let value, let reason):
            "Invalid \(flag) value \(ShellQuoting.quote(value)): \(reason)."
        }
    }

    /// Whether the guard refused the command (it changes things and may not run), rather than a
    /// runner failing to run it.
    public var isRefusal: Bool {
        switch self {
        case .refused, .readOnly, .unattended: true
        default: false
        }
    }

    /// What the command changes, in words.
    private static func change(_ invocation: CommandInvocation) -> String {
        CommandSafety(invocation.arguments).change ?? "the runbook says it changes the cluster"
    }
}
