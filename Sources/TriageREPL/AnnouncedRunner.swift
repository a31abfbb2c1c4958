import TriageExecution
import TriageModel
import TriageTerminal

/// How the REPL runs a command the guard let through: it says what runs (a proposed command's
/// instructions say it themselves), and Ctrl-C cancels the command, not the session.
struct AnnouncedRunner: CommandRunner {
    let base: any CommandRunner
    /// Says that `invocation` runs now; nil when the runner says it itself.
    let announce: (@Sendable (CommandInvocation) -> Void)?
    let interrupts: InterruptMonitor?

    func run(_ invocation: CommandInvocation) async throws -> CommandResult {
        announce?(invocation)
        guard let interrupts else { return try await base.run(invocation) }
        let base = self.base
        return try await interrupts.runCancellable { try await base.run(invocation) }
    }
}
