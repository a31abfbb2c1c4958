import TriageModel

/// One command and the result it produced, as a scenario stores it.
public struct RecordedCommand: Codable, Hashable, Sendable {
    /// The command as the runbook asked for it, before any cluster scoping.
    public var invocation: CommandInvocation
    /// What it produced.
    public var result: CommandResult

    /// Pairs `invocation` with its `result`.
    public init(invocation: CommandInvocation, result: CommandResult) {
        self.invocation = invocation
        self.result = result
    }
}
