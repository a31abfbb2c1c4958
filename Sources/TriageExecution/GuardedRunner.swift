import TriageModel

/// Lets a command that changes the cluster through only with the user's explicit yes, and never in
/// read-only mode. Commands that only read pass straight through.
///
/// The runner asks; it does not decide: `confirm` is the REPL's prompt (or a test's answer).
public struct GuardedRunner: CommandRunner {
    /// The runner that does the work.
    public let base: any CommandRunner
    /// Whether every mutating command is refused without asking.
    public let readOnly: Bool
    /// Asks the user whether to run a mutating command; `true` means yes.
    public let confirm: @Sendable (CommandInvocation) async -> Bool

    /// Guards `base`, asking `confirm` before each mutating command unless `readOnly`.
    public init(base: any CommandRunner, readOnly: Bool, confirm: @escaping @Sendable (CommandInvocation) async -> Bool) {
        self.base = base
        self.readOnly = readOnly
        self.confirm = confirm
    }

    /// Runs `invocation` on ``base`` if it only reads, or if it mutates and the user confirmed.
    /// - Throws: ``ExecutionError/readOnly(_:)`` or ``ExecutionError/refused(_:)`` for a mutating
    ///   command that may not run.
    public func run(_ invocation: CommandInvocation) async throws -> CommandResult {
        if invocation.mutates {
            if readOnly { throw ExecutionError.readOnly(invocation) }
            guard await confirm(invocation) else { throw ExecutionError.refused(invocation) }
        }
        return try await base.run(invocation)
    }
}
