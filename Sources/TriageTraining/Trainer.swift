import TriageEngine
import TriageExecution
import TriageModel
import TriageSecrets
import TriageTerminal

/// Walks a trainee through one scenario: at each step it shows the command and what it printed,
/// asks where the runbook should go next (a choice among the node's branches), then shows where
/// it went, the line that decided it, and the step's explanation. Ends with the score, the time
/// taken and a debrief.
public final class Trainer {
    /// Words the trainee may type at a choice besides the options.
    static let commands = ["hint", "show", "options", "explain", "quit"]

    private let scenario: Scenario
    private let runbook: Runbook
    private var reader: any LineReader
    private let write: (String) -> Void
    private let styler: Styler
    private let clock: any TrainingClock
    private let seed: UInt64
    private let rules: ScoringRules
    private let parsers: ParserCatalog

    /// - Parameters:
    ///   - reader: where the trainee's replies come from (libedit on a terminal, plain lines otherwise).
    ///   - write: where everything the trainee reads goes.
    ///   - seed: shuffles each step's options; the same seed gives the same order.
    public init(
        scenario: Scenario, runbook: Runbook, reader: any LineReader, write: @escaping (String) -> Void,
        styler: Styler, clock: any TrainingClock, seed: UInt64, rules: ScoringRules = .standard,
        parsers: ParserCatalog = .standard
    ) {
        self.scenario = scenario
        self.runbook = runbook
        self.reader = reader
        self.write = write
        self.styler = styler
        self.clock = clock
        self.seed = seed
        self.rules = rules
        self.parsers = parsers
    }

    /// Plays the scenario. Returns nil when the trainee quits before the diagnosis.
    public func run() async throws(TrainingError) -> TrainingResult? {
        var session: Session
        do {
            session = try Session(runbook: runbook, inputs: scenario.inputs, settings: .replay(of: scenario))
        } catch {
            throw .brokenScenario(scenario: scenario.id, node: runbook.start, reason: error.description)
        }
        let runner = ReplayRunner(recordings: scenario.recordings)
        write(TrainingText.introduction(scenario, inputs: session.inputs, styler: styler))
        let started = clock.now()
        var steps: [TrainingStep] = []
        while true {
            let node = session.current
            let pending: Session.Pending
            do {
                pending = try session.pending()
            } catch {
                throw .brokenScenario(scenario: scenario.id, node: node.id, reason: error.description)
            }
            switch pending {
            case .conclusion(let diagnosis):
                let finished = clock.now()
                let result = TrainingResult(
                    scenario: scenario.id, cause: diagnosis.cause, difficulty: scenario.difficulty.rawValue,
                    path: session.path, ending: session.currentID, steps: steps, score: rules.score(steps),
                    maximum: rules.maximum, seconds: finished.timeIntervalSince(started), finishedAt: finished
                )
                write(TrainingText.conclusion(diagnosis, session: session, styler: styler))
                write(Debrief(result: result, runbook: runbook, scenario: scenario, rules: rules, styler: styler).text)
                return result
            case .decision:
                session.decide()
            case .question(let question):
                guard let reply = scenario.answers[node.id] else {
                    throw .brokenScenario(scenario: scenario.id, node: node.id, reason: "the scenario has no answer to '\(question.prompt)'")
                }
                write("\(question.prompt) The on-call engineer answers: \(reply)\n")
                do {
                    try session.answer(reply)
                } catch {
                    throw .brokenScenario(scenario: scenario.id, node: node.id, reason: error.description)
                }
            case .command(let invocation):
                let result: CommandResult
                do {
                    result = try await runner.run(invocation)
                } catch {
                    throw .brokenScenario(scenario: scenario.id, node: node.id, reason: "\(error)")
                }
                let output = SecretMasker.standard.shown(result)
                write(TrainingText.step(node, invocation: invocation, output: output, styler: styler))
                var next = session
                let transition = next.record(result, for: invocation, parsers: parsers)
                let choices = StepChoices(node: node, runbook: runbook, seed: seed, facts: session.facts)
                if choices.isChoice {
                    guard let step = ask(choices, at: node, transition: transition, output: output) else { return nil }
                    steps.append(step)
                    write(TrainingText.verdict(step, transition: transition, runbook: runbook, styler: styler))
                }
                write(TrainingText.explanation(of: node, styler: styler))
                session = next
            }
        }
    }

    /// Asks until the trainee names an option; nil when they quit or input ends.
    private func ask(_ choices: StepChoices, at node: Node, transition: Transition, output: CommandResult) -> TrainingStep? {
        write(TrainingText.options(choices, styler: styler))
        var usedHint = false
        let words = choices.options.map(\.target) + Self.commands
        let prompt = styler.apply(.prompt, to: "[\(scenario.id) \(node.id)] where next? ")
        while let line = reader.readLine(prompt: prompt, completion: { _ in words }) {
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "quit", "q":
                return nil
            case "hint":
                if !usedHint { write(styler.apply(.dim, to: "(a hint costs \(rules.hint) points)") + "\n") }
                usedHint = true
                write(TrainingText.hint(transition, styler: styler))
            case "show":
                write(TrainingText.output(output, styler: styler))
            case "options", "":
                write(TrainingText.options(choices, styler: styler))
            case "explain":
                write(TrainingText.explanation(of: node, styler: styler))
            default:
                guard let option = choices.option(for: line) else {
                    write(styler.apply(.error, to: "'\(line)' is not one of the options") + "; answer 1-\(choices.options.count) or a name (Tab completes), or hint, show, options, explain, quit\n")
                    continue
                }
                return TrainingStep(node: node.id, expected: transition.to, chosen: option.target, usedHint: usedHint)
            }
        }
        return nil
    }
}
