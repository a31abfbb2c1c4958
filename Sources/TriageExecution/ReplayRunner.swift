import Synchronization
import TriageModel

/// Runs nothing: answers each command with a scenario's recorded result.
///
/// Commands match on their argument vector alone; `location` and `mutates` are ignored. A command
/// recorded several times (for example `kubectl get pods` before and after a fix) gets its results in
/// recorded order, and the last one again once they are used up.
public final class ReplayRunner: CommandRunner {
    /// Results not yet replayed, per argument vector; the last one of each is never removed.
    private let pending: Mutex<[[String]: [CommandResult]]>

    /// Replays `recordings` (usually a ``Scenario``'s), in order.
    public init(recordings: [Scenario.Recording]) {
        pending = Mutex(Dictionary(grouping: recordings, by: \.arguments).mapValues { $0.map(\.result) })
    }

    /// The next recorded result for `invocation`'s arguments.
    /// - Throws: ``ExecutionError/notRecorded(_:)`` when the scenario never ran this command.
    public func run(_ invocation: CommandInvocation) async throws -> CommandResult {
        let result = pending.withLock { pending -> CommandResult? in
            guard var results = pending[invocation.arguments], let first = results.first else { return nil }
            if results.count > 1 {
                results.removeFirst()
                pending[invocation.arguments] = results
            }
            return first
        }
        guard let result else { throw ExecutionError.notRecorded(invocation) }
        return result
    }
}
