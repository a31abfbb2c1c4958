/// The rules an attempt is played under: practice or an exam.
public struct TrainingSettings: Sendable, Equatable {
    /// Whether `hint` answers.
    public var hints: Bool
    /// How many more tries a wrong answer gets.
    public var retries: Int
    /// Whether the attempt is an exam (kept as such in the progress file).
    public var exam: Bool

    public init(hints: Bool, retries: Int, exam: Bool) {
        self.hints = hints
        self.retries = retries
        self.exam = exam
    }

    /// Practice: hints and explanations on request, one retry after a wrong answer.
    public static let practice = TrainingSettings(hints: true, retries: 1, exam: false)

    /// An exam: no hints or explanations before answering, no retries (its time limit is the
    /// trainer's deadline).
    public static let exam = TrainingSettings(hints: false, retries: 0, exam: true)
}
