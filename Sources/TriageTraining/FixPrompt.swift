import TriageEngine
import TriageModel
import TriageRunbooks
import TriageTerminal

/// The question after the cause: which fix removes it. Either the command that makes the
/// ending's own change (chosen or typed), or, where the fix is no such command, the ending's
/// remedy among the remedies of endings it could be taken for.
protocol FixPrompt {
    /// The right answer, as kept in the attempt's steps.
    var expected: String { get }
    /// The question and its options.
    func menu(styler: Styler) -> String
    /// The one hint, which never names the right answer.
    var hint: String { get }
    /// What a wrong answer's reasons follow: "Not that command:".
    var wrongLead: String { get }
    /// What `reply` answers.
    func judge(_ reply: String) -> FixJudgement
    /// Whether the fix was got right, and the fix itself, once it is earned.
    func verdict(_ step: TrainingStep, styler: Styler) -> String
}

/// What a reply to a fix question comes to.
enum FixJudgement: Equatable {
    /// An answer: what is kept of it, and why it is wrong (nothing when it is right).
    case answer(kept: String, problems: [String])
    /// No answer at all: what was wrong with it, and what to answer instead.
    case unreadable(problem: String, advice: String)
}

/// Which fix question an ending asks.
enum FixQuestions {
    /// The question for the ending a session reached: the command question where the ending
    /// makes a change of its own with every value known, else "Which fix?". Nil where there is
    /// nothing to fix: when Triage could not look (nothing is known of a cause yet, and what
    /// comes next is looking again) or found nothing wrong.
    static func question(for diagnosis: Diagnosis, at ending: String, session: Session, runbook: Runbook, seed: UInt64) -> (any FixPrompt)? {
        guard diagnosis.outcome == .causeFound else { return nil }
        return FixQuestion(diagnosis: diagnosis, at: ending, session: session, runbook: runbook, seed: seed)
            ?? RemedyQuestion(diagnosis: diagnosis, at: ending, session: session, runbook: runbook, seed: seed)
    }
}

extension FixQuestion: FixPrompt {
    var expected: String { right.description }

    func menu(styler: Styler) -> String { TrainingText.fixOptions(self, styler: styler) }

    var hint: String { "What the fix must do: \(text)." }

    var wrongLead: String { "Not that command:" }

    func judge(_ reply: String) -> FixJudgement {
        if let option = option(for: reply) { return .answer(kept: option.whyWrong == nil ? expected : reply, problems: option.whyWrong.map { [$0] } ?? []) }
        do {
            let problems = problems(with: try CommandWords.split(reply))
            return .answer(kept: problems.isEmpty ? expected : reply, problems: problems)
        } catch {
            return .unreadable(problem: "That cannot be read as a command: \(error.reason).", advice: "Answer 1-\(options.count), or type the command.")
        }
    }

    func verdict(_ step: TrainingStep, styler: Styler) -> String { TrainingText.fixVerdict(step, fix: self, styler: styler) }
}

extension RemedyQuestion: FixPrompt {
    var expected: String { right.text }

    func menu(styler: Styler) -> String { TrainingText.remedyOptions(self) }

    var wrongLead: String { "Not that fix:" }

    var hint: String {
        guard let (number, option) = ruledOut else { return "" }
        return "Not \(number): \(option.whyWrong ?? "")."
    }

    func judge(_ reply: String) -> FixJudgement {
        guard let option = option(for: reply) else {
            return .unreadable(problem: "'\(reply)' is not one of the fixes.", advice: "Answer 1-\(options.count).")
        }
        return .answer(kept: option.text, problems: option.whyWrong.map { [$0] } ?? [])
    }

    func verdict(_ step: TrainingStep, styler: Styler) -> String { TrainingText.remedyVerdict(step, fix: self, styler: styler) }
}

/// What training needs of an ending a scenario reaches, checked by `triage lint`.
public enum FixReadiness {
    /// The problem with each ending the replays reach that finds a cause, has no command of its
    /// own to ask for, and has no `remedy:` for "Which fix?" either, so the drill would end
    /// without the fix: once per ending, naming the first scenario that reaches it.
    public static func problems(_ replays: [ScenarioReplay.Report]) -> [RunbookDiagnostic] {
        var reported: Set<String> = []
        var problems: [RunbookDiagnostic] = []
        for replay in replays {
            guard case .concluded(let diagnosis)? = replay.outcome, diagnosis.outcome == .causeFound, diagnosis.remedy == nil,
                let session = replay.session, let location = session.current.location ?? replay.scenario.location,
                FixQuestion(diagnosis: diagnosis, at: session.currentID, session: session, runbook: session.runbook, seed: 0) == nil,
                reported.insert("\(location.file)#\(session.currentID)").inserted
            else { continue }
            problems.append(
                RunbookDiagnostic(
                    location: location,
                    message:
                        "the diagnosis of node '\(session.currentID)', where scenario '\(replay.scenario.id)' ends, has no 'remedy' and no change of its own to run: training asks which fix removes its cause '\(diagnosis.cause)', so give the fix in one line"
                ))
        }
        return problems
    }
}
