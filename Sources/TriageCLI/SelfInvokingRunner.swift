import Foundation
import TriageExecution
import TriageModel

/// Runs a runbook's `triage …` commands (the registry check) with this very executable, wherever
/// it is installed, so they never depend on `triage` being on PATH.
struct SelfInvokingRunner: CommandRunner {
    let base: any CommandRunner

    func run(_ invocation: CommandInvocation) async throws -> CommandResult {
        guard invocation.program == "triage" else { return try await base.run(invocation) }
        var own = invocation
        own.arguments[0] = Companion.ownExecutable
        return try await base.run(own)
    }
}
