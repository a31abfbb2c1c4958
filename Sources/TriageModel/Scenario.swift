/// A recorded incident: the inputs, what every command printed, the user's answers and the
/// ending the runbook must reach. Replaying one executes nothing.
public struct Scenario: Hashable, Codable, Sendable {
    /// How hard the incident is for someone new to it.
    public enum Difficulty: String, Hashable, Codable, Sendable, CaseIterable {
        case beginner, intermediate, advanced
    }

    /// What the runbook must reach.
    public struct Expectation: Hashable, Codable, Sendable {
        /// The terminal node id.
        public var ending: String
        /// The diagnosis cause at that node.
        public var cause: String?
        /// The whole path, when the scenario pins it.
        public var path: [String]?

        /// Creates an `Expectation` from its fields.
        public init(ending: String, cause: String? = nil, path: [String]? = nil) {
            self.ending = ending
            self.cause = cause
            self.path = path
        }
    }

    /// One command and what it printed.
    public struct Recording: Hashable, Codable, Sendable {
        /// The argument vector, as the runbook filled it in.
        public var arguments: [String]
        /// What it printed and how it ended.
        public var result: CommandResult

        /// Creates a `Recording` from its fields.
        public init(arguments: [String], result: CommandResult) {
            self.arguments = arguments
            self.result = result
        }
    }

    /// The scenario's id, unique in the library.
    public var id: String
    /// The id of the runbook it replays.
    public var runbook: String
    /// One line saying what happened.
    public var title: String
    /// How hard it is for a trainee.
    public var difficulty: Difficulty
    /// What the incident teaches.
    public var teaches: String
    /// The runbook's inputs, by name.
    public var inputs: [String: String]
    /// Every command the incident ran, with what it printed.
    public var recordings: [Recording]
    /// Answers to questions, by node id.
    public var answers: [String: String]
    /// Where a replay must end.
    public var expectation: Expectation
    /// Whether the incident was recorded online: its recordings include what Triage's own
    /// network checks answered, so a replay serves those instead of taking the offline branches.
    public var online: Bool
    /// What a trainee practises, in words that do not give the cause away (the menu shows it).
    public var practises: String
    /// The steps (node ids) a trainee must decide right for an attempt to count as passed.
    public var required: [String]
    /// Where it is written, for messages.
    public var location: SourceLocation?

    /// Creates a `Scenario` from its fields.
    public init(
        id: String, runbook: String, title: String, difficulty: Difficulty, teaches: String, inputs: [String: String],
        recordings: [Recording], answers: [String: String], expectation: Expectation, online: Bool = false,
        location: SourceLocation? = nil, practises: String = "", required: [String] = []
    ) {
        self.id = id
        self.runbook = runbook
        self.title = title
        self.difficulty = difficulty
        self.teaches = teaches
        self.inputs = inputs
        self.recordings = recordings
        self.answers = answers
        self.expectation = expectation
        self.online = online
        self.practises = practises
        self.required = required
        self.location = location
    }
}
