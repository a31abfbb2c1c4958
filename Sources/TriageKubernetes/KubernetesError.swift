import Foundation
import TriageJSON

/// Why kubectl's output could not be read as the Kubernetes object asked for.
public enum KubernetesError: LocalizedError, Equatable, Sendable {
    /// The output is not JSON.
    case notJSON(JSONReadError)
    /// The output is JSON, but not an object of the expected kind (nor a list of them).
    case wrongKind(expected: String, found: String?)

    /// What was wrong, and where.
    public var errorDescription: String? {
        switch self {
        case .notJSON(let error):
            "kubectl's output is not JSON (\(error)); was it run with -o json?"
        case .wrongKind(let expected, let found):
            "expected a \(expected) (or a list of them) in kubectl's output, found \(found.map { "a \($0)" } ?? "an object with no kind")"
        }
    }
}
