import Foundation
import TriageModel

/// Why trainee mode cannot go on.
public enum TrainingError: Error, LocalizedError, Equatable {
    /// The scenario's inputs or recordings do not fit its runbook.
    case brokenScenario(scenario: String, node: String, reason: String)
    /// The progress file exists but cannot be read or written.
    case progressFile(path: String, reason: String)
    /// The progress file is not what Triage writes there, at `line`:`column`.
    case progressContent(path: String, line: Int, column: Int, problem: String)

    public var errorDescription: String? {
        switch self {
        case .brokenScenario(let scenario, let node, let reason):
            "scenario '\(scenario)' cannot be played at step '\(node)': \(reason) (check it with 'triage replay \(scenario) --no-input')"
        case .progressFile(let path, let reason):
            "the progress file \(path) \(reason)"
        case .progressContent(let path, let line, let column, let problem):
            "\(VisibleText.escapingControls(path)):\(line):\(column): \(problem); this is not a progress file Triage can read (move it aside to start afresh)"
        }
    }
}
