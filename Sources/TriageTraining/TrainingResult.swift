import Foundation

/// A finished attempt at a scenario.
public struct TrainingResult: Sendable, Equatable {
    /// The scenario's id.
    public var scenario: String
    /// The cause the scenario teaches (its expected diagnosis cause).
    public var cause: String
    /// The scenario's difficulty, by name.
    public var difficulty: String
    /// Every node visited, the ending last (or where time ran out).
    public var path: [String]
    /// The ending reached, or the node where time ran out.
    public var ending: String
    /// The answers, in order.
    public var steps: [TrainingStep]
    /// Points kept, never below zero (zero when time ran out).
    public var score: Int
    /// Points of a perfect attempt.
    public var maximum: Int
    /// Seconds from the first output to the end.
    public var seconds: Double
    /// When the attempt finished.
    public var finishedAt: Date
    /// Whether the attempt counts as passed: every required step decided right, the pass mark
    /// reached, and time left.
    public var passed: Bool
    /// Whether it was played under exam rules.
    public var exam: Bool
    /// Whether the time limit ran out before the ending.
    public var timedOut: Bool

    public init(
        scenario: String, cause: String, difficulty: String, path: [String], ending: String, steps: [TrainingStep],
        score: Int, maximum: Int, seconds: Double, finishedAt: Date, passed: Bool = true, exam: Bool = false, timedOut: Bool = false
    ) {
        self.scenario = scenario
        self.cause = cause
        self.difficulty = difficulty
        self.path = path
        self.ending = ending
        self.steps = steps
        self.score = score
        self.maximum = maximum
        self.seconds = seconds
        self.finishedAt = finishedAt
        self.passed = passed
        self.exam = exam
        self.timedOut = timedOut
    }

    /// Choices and fixes never got right.
    public var wrongChoices: Int { steps.filter { $0.kind != .check && !$0.isCorrect }.count }
    /// Every wrong answer given: wrong tries at choices and fixes, and checks answered wrong.
    public var mistakes: Int { steps.map(\.wrongTries).reduce(0, +) }
    /// Hints taken.
    public var hints: Int { steps.map(\.hints).reduce(0, +) }
}
