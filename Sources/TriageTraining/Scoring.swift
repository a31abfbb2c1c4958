/// What an attempt starts with and what mistakes cost.
public struct ScoringRules: Sendable, Equatable {
    /// The score of a perfect attempt.
    public var maximum: Int
    /// Lost for each wrong choice.
    public var wrongChoice: Int
    /// Lost for each hint (at most one per step).
    public var hint: Int

    public init(maximum: Int, wrongChoice: Int, hint: Int) {
        self.maximum = maximum
        self.wrongChoice = wrongChoice
        self.hint = hint
    }

    /// 100 points; a wrong choice costs 15 and a hint 5.
    public static let standard = ScoringRules(maximum: 100, wrongChoice: 15, hint: 5)

    /// The score for `steps`, never below zero.
    public func score(_ steps: [TrainingStep]) -> Int {
        let wrong = steps.filter { !$0.isCorrect }.count
        let hints = steps.filter(\.usedHint).count
        return max(0, maximum - wrong * wrongChoice - hints * hint)
    }
}

/// One decision the trainee made.
public struct TrainingStep: Sendable, Equatable, Codable {
    /// The node where the choice was made.
    public var node: String
    /// Where the runbook went.
    public var expected: String
    /// Where the trainee said it should go.
    public var chosen: String
    /// Whether the trainee asked for the evidence first.
    public var usedHint: Bool

    public init(node: String, expected: String, chosen: String, usedHint: Bool) {
        self.node = node
        self.expected = expected
        self.chosen = chosen
        self.usedHint = usedHint
    }

    /// Whether the choice was the runbook's.
    public var isCorrect: Bool { expected == chosen }
}
