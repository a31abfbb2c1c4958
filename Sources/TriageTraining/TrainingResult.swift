import Foundation

/// A finished attempt at a scenario.
public struct TrainingResult: Sendable, Equatable {
    public var scenario: String
    /// The cause the scenario teaches (its expected diagnosis cause).
    public var cause: String
    /// The scenario's difficulty, by name.
    public var difficulty: String
    /// Every node visited, the ending last.
    public var path: [String]
    /// The ending reached.
    public var ending: String
    /// The decisions, in order.
    public var steps: [TrainingStep]
    public var score: Int
    public var maximum: Int
    /// Seconds from the first output to the diagnosis.
    public var seconds: Double
    /// When the attempt finished.
    public var finishedAt: Date

    public init(
        scenario: String, cause: String, difficulty: String, path: [String], ending: String, steps: [TrainingStep],
        score: Int, maximum: Int, seconds: Double, finishedAt: Date
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
    }

    /// Wrong choices made.
    public var wrongChoices: Int { steps.filter { !$0.isCorrect }.count }
    /// Hints taken.
    public var hints: Int { steps.filter(\.usedHint).count }
}
