/// What an attempt starts with and what mistakes cost.
public struct ScoringRules: Sendable, Equatable {
    /// The score of a perfect attempt.
    public var maximum: Int
    /// Lost for a choice (or fix) never got right.
    public var wrongChoice: Int
    /// Lost for each wrong try before the right one: getting it right on a retry keeps part of the points.
    public var retry: Int
    /// Lost for each hint (a step has two: a nudge, then the line that matters).
    public var hint: Int
    /// Lost for a concept check answered wrong.
    public var wrongCheck: Int
    /// The lowest score that passes (besides every required step decided right).
    public var passMark: Int

    public init(maximum: Int, wrongChoice: Int, retry: Int, hint: Int, wrongCheck: Int, passMark: Int) {
        self.maximum = maximum
        self.wrongChoice = wrongChoice
        self.retry = retry
        self.hint = hint
        self.wrongCheck = wrongCheck
        self.passMark = passMark
    }

    /// 100 points; a choice never got right costs 15, a wrong try before the right one 7, a hint
    /// 5, a concept check answered wrong 5; 60 passes.
    public static let standard = ScoringRules(maximum: 100, wrongChoice: 15, retry: 7, hint: 5, wrongCheck: 5, passMark: 60)

    /// What `step` costs.
    public func cost(of step: TrainingStep) -> Int {
        let hints = step.hints * hint
        switch step.kind {
        case .check:
            return hints + (step.isCorrect ? 0 : wrongCheck)
        case .route, .fix:
            return hints + (step.isCorrect ? step.wrongTries * retry : wrongChoice)
        }
    }

    /// The score for `steps`, never below zero.
    public func score(_ steps: [TrainingStep]) -> Int {
        max(0, maximum - steps.map(cost(of:)).reduce(0, +))
    }
}

/// One answer the trainee gave: where the runbook goes at a step, the fix, or a concept check.
public struct TrainingStep: Sendable, Equatable, Codable {
    /// What was asked.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// Where the runbook goes next.
        case route
        /// Which command fixes the cause.
        case fix
        /// A question about a concept the step rests on.
        case check
    }

    /// What was asked.
    public var kind: Kind
    /// The node where it was asked.
    public var node: String
    /// The right answer: the node the runbook went to, the fix command, the check's answer.
    public var expected: String
    /// Every answer given, in order; the last one counts.
    public var tries: [String]
    /// Hints taken before answering.
    public var hints: Int

    public init(kind: Kind = .route, node: String, expected: String, tries: [String], hints: Int = 0) {
        self.kind = kind
        self.node = node
        self.expected = expected
        self.tries = tries
        self.hints = hints
    }

    /// The answer that counted.
    public var chosen: String { tries.last ?? "" }
    /// Whether it was finally right.
    public var isCorrect: Bool { chosen == expected }
    /// Wrong answers given, whether or not the last was right.
    public var wrongTries: Int { tries.filter { $0 != expected }.count }
    /// Whether any hint was taken.
    public var usedHint: Bool { hints > 0 }
}
