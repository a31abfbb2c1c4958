import TriageDiagnosis
import TriageKubernetes
import TriageSecrets

/// What the diagnoser made of one failure message.
public struct Classification: Sendable, Equatable {
    /// The cause.
    public var cause: PullFailureCause
    /// The diagnoser's fix steps, most useful first.
    public var fix: [String]
    /// Whether the message itself named a cause; false for bare back-off messages, whose cause is
    /// only in the pod's events.
    public var explained: Bool

    /// Creates a classification.
    public init(cause: PullFailureCause, fix: [String], explained: Bool) {
        self.cause = cause
        self.fix = fix
        self.explained = explained
    }
}

/// Classifies waiting messages with `triage diagnose`'s classifier, once per distinct message:
/// pods of one workload share their message, so a scan of thousands of failing pods diagnoses
/// a few hundred texts.
public struct FailureClassifier {
    private var known: [String: Classification] = [:]

    /// An empty classifier.
    public init() {}

    /// The classification of `failure`'s waiting message.
    public mutating func classify(_ failure: ContainerFailure) -> Classification {
        let text = failure.message.isEmpty ? failure.reason : failure.message
        if let classification = known[text] { return classification }
        let classification = Self.classify(text: text)
        known[text] = classification
        return classification
    }

    /// Classifies any pasted text (a waiting message, or a pod's events as JSON), its secrets
    /// masked first, as everything the report says comes from it.
    public static func classify(text: String) -> Classification {
        let report = PullFailureDiagnoser.diagnose(SecretMasker.standard.mask(text))
        let finding = report.findings.first { $0.cause == report.cause }
        return Classification(cause: report.cause, fix: finding?.fix ?? [], explained: report.cause != .other)
    }
}
