import TriageModel

/// The one effect Triage has on the world: running (or proposing, or replaying) a command.
///
/// How the command ended — its exit status, whether it timed out, how long it took and what it
/// printed — is data in the returned ``CommandResult``. A runner throws only when it could not
/// produce a result at all: an ``ExecutionError`` (the program is missing, a replayed scenario has no
/// recording, the user refused a mutating command) or `CancellationError` when the calling task was
/// cancelled.
public protocol CommandRunner: Sendable {
    /// Runs `invocation` and reports how it ended.
    func run(_ invocation: CommandInvocation) async throws -> CommandResult
}
