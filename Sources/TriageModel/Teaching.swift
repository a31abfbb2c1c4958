/// What a node teaches a trainee besides its explanation: a nudge for when they are stuck, and
/// the concept checks asked at this step.
public struct Teaching: Hashable, Codable, Sendable {
    /// The first, gentle hint: where to look, without saying what it shows.
    public var hint: String?
    /// Words for the `otherwise` branch: what the output shows when none of the other branches holds.
    public var otherwiseHint: String?
    /// Questions about the concepts this step rests on, asked after its choice.
    public var checks: [ConceptCheck]

    /// Creates a `Teaching` from its fields.
    public init(hint: String? = nil, otherwiseHint: String? = nil, checks: [ConceptCheck] = []) {
        self.hint = hint
        self.otherwiseHint = otherwiseHint
        self.checks = checks
    }

    /// Nothing to teach beyond the explanation.
    public static let none = Teaching()
}

/// A multiple-choice question about a concept the runbook teaches (the back-off schedule, why
/// `kubectl logs` is empty), written in the runbook beside the step where it matters.
public struct ConceptCheck: Hashable, Codable, Sendable {
    /// The question put to the trainee.
    public var question: String
    /// The answers offered, in the order written.
    public var choices: [String]
    /// The right one, one of `choices`.
    public var answer: String
    /// Why that answer is right, shown after the trainee answers.
    public var explanation: String
    /// Where it is written, for messages.
    public var location: SourceLocation?

    /// Creates a `ConceptCheck` from its fields.
    public init(question: String, choices: [String], answer: String, explanation: String, location: SourceLocation? = nil) {
        self.question = question
        self.choices = choices
        self.answer = answer
        self.explanation = explanation
        self.location = location
    }
}
