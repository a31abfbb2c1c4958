import TriageExecution
import TriageModel
import TriageTerminal

/// How the REPL runs a command the guard let through: it says what runs (a proposed command's
/// instructions say it themselves), and Ctrl-C cancels the command, not the session.
struct AnnouncedRunner: CommandRunner {
    /// The runner that obtains the output: live, proposing, or replaying.
    let base: any CommandRunner
    /// Says that `invocation` runs now; nil when the runner says it itself.
    let announce: (@Sendable (CommandInvocation) -> Void)?
    /// Turns Ctrl-C into cancelling the command; nil when nothing catches it.
    let interrupts: InterruptMonitor?

    /// Announces `invocation`, then runs it on `base` until it ends or Ctrl-C cancels it.
    func run(_ invocation: CommandInvocation) async throws -> CommandResult {
        announce?(invocation)
        guard let interrupts else { return try await base.run(invocation) }
        let base = self.base
        return try await interrupts.runCancellable { try await base.run(invocation) }
    }
}
