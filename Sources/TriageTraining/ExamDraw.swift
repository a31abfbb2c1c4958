import TriageModel

/// The scenarios of an exam: `count` of the entries (all of them when there are fewer), drawn
/// by a seed so that a trainer can give two trainees the same exam.
public struct ExamDraw: Sendable {
    /// The scenarios drawn, in the order they are played.
    public let scenarios: [TriageModel.Scenario]

    public init(entries: [TrainingEntry], count: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed, salt: "exam")
        scenarios = Array(entries.shuffled(using: &generator).prefix(max(0, count)).map(\.scenario))
    }
}
