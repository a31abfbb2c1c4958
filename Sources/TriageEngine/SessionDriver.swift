import TriageExecution
import TriageModel
import TriageSecrets

/// Supplies answers to a runbook's questions: a scenario's recorded answers, or the person at the
/// REPL.
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

/// Which steps a driver may take: whether node commands run, and what happens to a command that
/// changes things (the one guard, ``GuardedRunner``, asks its policy).
public struct DrivePolicy: Sendable {
    /// Run commands that must run on the node (live mode proposes them instead).
    public var runsNodeCommands: Bool
    /// What happens to a command that changes things: asked, refused in read-only mode, or
    /// refused when nobody is there to say yes.
    public var changes: GuardedRunner.Policy

    /// Creates a `DrivePolicy` from its fields.
    public init(runsNodeCommands: Bool, changes: GuardedRunner.Policy) {
        self.runsNodeCommands = runsNodeCommands
        self.changes = changes
    }

    /// Replay and training: everything comes from the scenario and nothing runs, so every step
    /// may be taken.
    public static let replay = DrivePolicy(runsNodeCommands: true, changes: .replayed)
    /// `triage run --no-input`: cluster commands only, and no change.
    public static let unattended = DrivePolicy(runsNodeCommands: false, changes: .unattended)
}

/// How a drive to the end ended.
public enum DriveOutcome: Sendable, Equatable {
    /// A terminal node was reached.
    case concluded(Diagnosis)
    /// The driver stopped at a step it may not take alone, and says why.
    case stopped(node: String, reason: String)
}

/// One step the driver took, with what the session moved on from, or why it could not take it.
public enum DriveStep: Sendable {
    /// A decision node followed the branch that holds over the facts known.
    case decided(Transition)
    /// A question was answered with the reply given.
    case answered(Question, reply: String, Transition)
    /// The node's command ran.
    case ran(RanCommand)
    /// The session is at a diagnosis: there is no step left.
    case concluded(Diagnosis)
    /// The step could not be taken; the session is unchanged.
    case stopped(DriveStop)
}

/// A node's command that ran, and where its result led.
public struct RanCommand: Sendable {
    /// The command.
    public var invocation: CommandInvocation
    /// Its result as the session keeps it, secrets masked.
    public var result: CommandResult
    /// Where the session goes from it.
    public var transition: Transition
}

/// Why a driver could not take a step.
public enum DriveStop: Sendable, Equatable {
    /// The node cannot be stepped (a command template with an unknown value).
    case unreadable(SessionError)
    /// Nobody answered the question.
    case unanswered(Question)
    /// The answer given does not fit the question.
    case unacceptable(answer: String, SessionError)
    /// The command must run on the node, which this drive may not do.
    case onNode(CommandInvocation)
    /// The guard did not let a command that changes things run.
    case notAllowed(ExecutionError)

    /// Why the driver stopped at `node`, in a sentence.
    public func reason(at node: String) -> String {
        switch self {
        case .unreadable(let error): error.description
        case .unanswered(let question): "step '\(node)' asks a question: \(question.prompt)"
        case .unacceptable(let reply, let error): "the answer '\(reply)' to step '\(node)' is not acceptable: \(error.description)"
        case .onNode(let invocation): "step '\(node)' must run on the node: \(invocation)"
        case .notAllowed(let error): "step '\(node)': \(error.localizedDescription)"
        }
    }
}

/// Steps a session, the one way every mode does: `run --no-input`, replay, training and the REPL.
/// What differs between them is what it is given: the runner that obtains a command's output
/// (live, proposed and pasted, or replayed), who answers questions, the guard's policy for a
/// command that changes things, and, per step, a review of a command's result before the session
/// moves on (a trainee's choice before the reveal). What is shown is the caller's, from the steps
/// it returns.
public struct SessionDriver: Sendable {
    /// Runs each step's command, behind the guard.
    public let commands: GuardedRunner
    /// The parsers that read the outputs.
    public let parsers: ParserCatalog
    /// Answers questions; without one, the driver stops at the first question.
    public let answers: (any AnswerSource)?
    /// Which steps the driver may take.
    public let policy: DrivePolicy

    /// Creates a driver that runs commands through `runner`, guarded by `policy`'s changes policy.
    public init(runner: any CommandRunner, parsers: ParserCatalog, answers: (any AnswerSource)?, policy: DrivePolicy) {
        self.commands = GuardedRunner(base: runner, policy: policy.changes)
        self.parsers = parsers
        self.answers = answers
        self.policy = policy
    }

    /// A driver that replays `scenario`: every output from its recordings, every answer from its
    /// answers, nothing run.
    public static func replaying(_ scenario: Scenario, parsers: ParserCatalog) -> SessionDriver {
        SessionDriver(runner: ReplayRunner(recordings: scenario.recordings), parsers: parsers, answers: RecordedAnswers(scenario.answers), policy: .replay)
    }

    /// Drives `session` until it concludes or reaches a step it may not take (a node command, a
    /// question nobody answers, a command the guard refuses). Infrastructure failures of the
    /// runner (a missing program, a scenario without a recording) are thrown.
    public func drive(_ session: inout Session) async throws -> DriveOutcome {
        while true {
            switch try await step(&session) {
            case .concluded(let diagnosis): return .concluded(diagnosis)
            case .stopped(let stop): return .stopped(node: session.currentID, reason: stop.reason(at: session.currentID))
            case .decided, .answered, .ran: continue
            }
        }
    }

    /// Takes the step the current node waits for. After a command ran, `review` sees the session
    /// as it was and the command's result before the session moves on; whatever it throws leaves
    /// the session where it was and is thrown on, as are the runner's infrastructure failures.
    public func step(
        _ session: inout Session, review: (_ before: Session, _ ran: RanCommand) async throws -> Void = { _, _ in }
    ) async throws -> DriveStep {
        let node = session.current
        let pending: Session.Pending
        do {
            pending = try session.pending()
        } catch {
            return .stopped(.unreadable(error))
        }
        switch pending {
        case .conclusion(let diagnosis):
            return .concluded(diagnosis)
        case .decision:
            return .decided(session.decide())
        case .question(let question):
            guard let reply = await answers?.answer(to: question, at: node.id) else { return .stopped(.unanswered(question)) }
            do {
                return .answered(question, reply: reply, try session.answer(reply))
            } catch {
                return .stopped(.unacceptable(answer: reply, error))
            }
        case .command(let invocation):
            if invocation.location == .node && !policy.runsNodeCommands { return .stopped(.onNode(invocation)) }
            let raw: CommandResult
            do {
                raw = try await commands.run(invocation)
            } catch let error as ExecutionError where error.isRefusal {
                return .stopped(.notAllowed(error))
            }
            var next = session
            let ran = RanCommand(
                invocation: invocation, result: SecretMasker.standard.shown(raw, of: invocation.arguments),
                transition: next.record(raw, for: invocation, parsers: parsers))
            try await review(session, ran)
            session = next
            return .ran(ran)
        }
    }
}
