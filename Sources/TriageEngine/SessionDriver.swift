import TriageExecution
import TriageModel

/// Supplies answers to a runbook's questions without a person: a scenario's recorded answers.
public protocol AnswerSource: Sendable {
    /// The reply to `question` at node `node`, or nil when there is none.
    func answer(to question: Question, at node: String) async -> String?
}

/// Recorded answers by node id, as a scenario keeps them.
public struct RecordedAnswers: AnswerSource {
    /// The answer to each question, by node id.
    public var answers: [String: String]

    /// Creates a `RecordedAnswers` from its fields.
    public init(_ answers: [String: String]) {
        self.answers = answers
    }

    /// The recorded answer for `node`, whatever the question.
    public func answer(to question: Question, at node: String) async -> String? {
        answers[node]
    }
}

/// Which steps a driver may take on its own. Whether a command that changes things may run is
/// the runner's to decide (a ``GuardedRunner`` with its unattended policy for `--no-input`); the
/// driver stops where the guard refuses.
public struct DrivePolicy: Sendable, Equatable {
    /// Run commands that must run on the node (live mode proposes them instead).
    public var runsNodeCommands: Bool

    /// Creates a `DrivePolicy` from its fields.
    public init(runsNodeCommands: Bool) {
        self.runsNodeCommands = runsNodeCommands
    }

    /// Replay: everything comes from the scenario, so every step may be taken.
    public static let replay = DrivePolicy(runsNodeCommands: true)
    /// `triage run --no-input`: cluster commands only.
    public static let unattended = DrivePolicy(runsNodeCommands: false)
}

/// How an unattended drive ended.
public enum DriveOutcome: Sendable, Equatable {
    /// A terminal node was reached.
    case concluded(Diagnosis)
    /// The driver stopped at a step it may not take alone, and says why.
    case stopped(node: String, reason: String)
}

/// Something that happened while driving, for transcripts and progress output.
public enum DriveEvent: Sendable {
    case ran(node: String, CommandInvocation, CommandResult)
    case answered(node: String, Question, String)
    case moved(Transition)
}

/// Takes a session as far as it can without a person: runs each step's command through a runner,
/// answers questions from an answer source, and follows the branches.
public struct SessionDriver: Sendable {
    /// Runs each step's command.
    public var runner: any CommandRunner
    /// The parsers that read the outputs.
    public var parsers: ParserCatalog
    /// Answers questions; without one, the driver stops at the first question.
    public var answers: (any AnswerSource)?
    /// Which steps the driver may take on its own.
    public var policy: DrivePolicy

    /// Creates a `SessionDriver` from its fields.
    public init(runner: any CommandRunner, parsers: ParserCatalog, answers: (any AnswerSource)?, policy: DrivePolicy) {
        self.runner = runner
        self.parsers = parsers
        self.answers = answers
        self.policy = policy
    }

    /// Drives `session` until it concludes or reaches a step it may not take (a node command, a
    /// question nobody answers, a command the runner's guard refuses). Infrastructure failures of
    /// the runner (a missing program, a scenario without a recording) are thrown.
    public func drive(_ session: inout Session, onEvent: @Sendable (DriveEvent) -> Void = { _ in }) async throws -> DriveOutcome {
        while true {
            let node = session.current
            let pending: Session.Pending
            do {
                pending = try session.pending()
            } catch {
                return .stopped(node: node.id, reason: error.description)
            }
            switch pending {
            case .conclusion(let diagnosis):
                return .concluded(diagnosis)
            case .decision:
                onEvent(.moved(session.decide()))
            case .question(let question):
                guard let reply = await answers?.answer(to: question, at: node.id) else {
                    return .stopped(node: node.id, reason: "step '\(node.id)' asks a question: \(question.prompt)")
                }
                do {
                    let transition = try session.answer(reply)
                    onEvent(.answered(node: node.id, question, reply))
                    onEvent(.moved(transition))
                } catch {
                    return .stopped(node: node.id, reason: "the answer '\(reply)' to step '\(node.id)' is not acceptable: \(error.description)")
                }
            case .command(let invocation):
                if invocation.location == .node && !policy.runsNodeCommands {
                    return .stopped(node: node.id, reason: "step '\(node.id)' must run on the node: \(invocation)")
                }
                let result: CommandResult
                do {
                    result = try await runner.run(invocation)
                } catch let error as ExecutionError {
                    switch error {
                    case .readOnly, .unattended, .refused:
                        return .stopped(node: node.id, reason: "step '\(node.id)': \(error.localizedDescription)")
                    default: throw error
                    }
                }
                onEvent(.ran(node: node.id, invocation, result))
                onEvent(.moved(session.record(result, for: invocation, parsers: parsers)))
            }
        }
    }
}
