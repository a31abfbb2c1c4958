import Foundation

/// Why trainee mode cannot go on.
public enum TrainingError: Error, LocalizedError, Equatable {
    /// The scenario's inputs or recordings do not fit its runbook.
    case brokenScenario(scenario: String, node: String, reason: String)
    /// The progress file exists but cannot be read or written.
    case progressFile(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .brokenScenario(let scenario, let node, let reason):
            "scenario '\(scenario)' cannot be played at step '\(node)': \(reason) (check it with 'triage replay \(scenario) --no-input')"
        case .progressFile(let path, let reason):
            "the progress file \(path) \(reason)"
        }
    }
}
