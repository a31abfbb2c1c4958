import TriageModel

/// The one guard every command passes on its way to a runner: a command that changes things runs
/// only after the user's explicit yes, and never in read-only or unattended mode. Commands that
/// only read pass straight through.
///
/// Whether a command changes things is decided here, from its argument vector
/// (``CommandSafety``), as well as from the runbook's `mutates:`: a runbook that understates what it
/// runs does not get past the guard.
public struct GuardedRunner: CommandRunner {
    /// What happens to a command that changes things.
    public enum Policy: Sendable {
        /// `--read-only`: refused without asking.
        case readOnly
        /// `--no-input`: refused, as nobody is there to say yes.
        case unattended
        /// Runs when `confirm` (the REPL's prompt, or a test's answer) says yes.
        case ask(confirm: @Sendable (CommandInvocation) async -> Bool)
        /// A replay without a person (`replay --no-input`, lint, training): the base runner gives
        /// back what a scenario recorded and runs nothing, so a change passes; it ran, after a
        /// yes, when it was recorded.
        case replayed
    }

    /// The runner that does the work.
    public let base: any CommandRunner
    /// What happens to a command that changes things.
    public let policy: Policy

    /// Guards `base` with `policy`.
    public init(base: any CommandRunner, policy: Policy) {
        self.base = base
        self.policy = policy
    }

    /// Whether `invocation` changes things: the runbook says so, or its argument vector does.
    public static func changesThings(_ invocation: CommandInvocation) -> Bool {
        invocation.mutates || CommandSafety(invocation.arguments).changes
    }

    /// Returns when `invocation` may run: it only reads, or it changes things and the policy lets it
    /// (asking first under ``Policy/ask(confirm:)``).
    /// - Throws: ``ExecutionError/readOnly(_:)``, ``ExecutionError/unattended(_:)`` or
    ///   ``ExecutionError/refused(_:)`` for a command that changes things and may not run.
    public func authorize(_ invocation: CommandInvocation) async throws(ExecutionError) {
        guard Self.changesThings(invocation) else { return }
        switch policy {
        case .readOnly: throw .readOnly(invocation)
        case .unattended: throw .unattended(invocation)
        case .ask(let confirm):
            guard await confirm(invocation) else { throw .refused(invocation) }
        case .replayed: return
        }
    }

    /// Runs `invocation` on ``base`` once ``authorize(_:)`` lets it.
    public func run(_ invocation: CommandInvocation) async throws -> CommandResult {
        try await authorize(invocation)
        return try await base.run(invocation)
    }
}
