import Synchronization
import TriageModel

/// Passes commands to another runner and keeps every command that produced a result, in order, as
/// ``Scenario/Recording``s, so a live or proposed session can be saved as a scenario and replayed
/// with ``ReplayRunner``.
///
/// Commands that throw (refused, missing program, cancelled) are not kept: they have no result. The
/// invocation is recorded as this runner receives it, so put it outside a ``ClusterScopedRunner`` to
/// keep `--context` and friends out of the scenario.
public final class RecordingRunner: CommandRunner {
    /// The runner that does the work.
    public let base: any CommandRunner
    private let log = Mutex<[Scenario.Recording]>([])

    /// Records what `base` runs.
    public init(base: any CommandRunner) {
        self.base = base
    }

    /// Every command run so far with its result, oldest first.
    public var recordings: [Scenario.Recording] {
        log.withLock { $0 }
    }

    /// Runs `invocation` on ``base`` and records the result.
    public func run(_ invocation: CommandInvocation) async throws -> CommandResult {
        let result = try await base.run(invocation)
        log.withLock { $0.append(Scenario.Recording(arguments: invocation.arguments, result: result)) }
        return result
    }
}
