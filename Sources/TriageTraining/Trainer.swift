import Foundation
import TriageEngine
import TriageModel
import TriageTerminal

/// Walks a trainee through one scenario: at each step it shows the command and what it printed,
/// asks where the runbook should go next (a choice among the node's branches; a wrong answer may
/// be tried again for part of the points), then shows where it went and the line that decided
/// it, asks the step's concept checks, and shows its explanation. After the cause it asks for
/// the fix. Ends
/// with the score, the time taken and a debrief.
public final class Trainer {
    /// Words the trainee may type at a choice besides the options.
    static let commands = ["hint", "show", "options", "explain", "quit"]

    /// What a question to the trainee ended in.
    enum Reply {
        case answered(TrainingStep)
        case quit
        case timeUp
    }

    /// Why an attempt ended before its debrief.
    enum Ending: Error {
        case quit
        case timeUp
    }

    private let scenario: Scenario
    private let runbook: Runbook
    var reader: any LineReader
    let write: (String) -> Void
    let styler: Styler
    private let clock: any TrainingClock
    private let seed: UInt64
    let rules: ScoringRules
    let settings: TrainingSettings
    private let deadline: Date?
    private let parsers: ParserCatalog

    /// - Parameters:
    ///   - reader: where the trainee's replies come from (libedit on a terminal, plain lines otherwise).
    ///   - write: where everything the trainee reads goes.
    ///   - seed: shuffles each step's options; the same seed gives the same order.
    ///   - settings: practice or exam rules.
    ///   - deadline: when time runs out (an exam's limit); an answer given later is not taken.
    public init(
        scenario: Scenario, runbook: Runbook, reader: any LineReader, write: @escaping (String) -> Void,
        styler: Styler, clock: any TrainingClock, seed: UInt64, rules: ScoringRules = .standard,
        settings: TrainingSettings = .practice, deadline: Date? = nil, parsers: ParserCatalog = .standard
    ) {
        self.scenario = scenario
        self.runbook = runbook
        self.reader = reader
        self.write = write
        self.styler = styler
        self.clock = clock
        self.seed = seed
        self.rules = rules
        self.settings = settings
        self.deadline = deadline
        self.parsers = parsers
    }

    /// Plays the scenario. Returns nil when the trainee quits before the diagnosis; a result
    /// that is not passed when time runs out.
    public func run() async throws(TrainingError) -> TrainingResult? {
        var session: Session
        do {
            session = try Session(runbook: runbook, inputs: scenario.inputs, settings: .replay(of: scenario))
        } catch {
            throw .brokenScenario(scenario: scenario.id, node: runbook.start, reason: error.description)
        }
        let driver = SessionDriver.replaying(scenario, parsers: parsers)
        write(TrainingText.introduction(scenario, runbook: runbook, inputs: session.inputs, settings: settings, rules: rules, styler: styler))
        let started = clock.now()
        var steps: [TrainingStep] = []
        func outOfTime() -> TrainingResult {
            write(styler.apply(.error, to: "Time is up.") + " The attempt ends at \(session.current.title) [\(session.currentID)].\n")
            return finish(session, steps: steps, started: started, timedOut: true)
        }
        while true {
            let step: DriveStep
            do {
                step = try await driver.step(&session) { before, ran in try self.reveal(ran, at: before, into: &steps) }
            } catch let ending as Ending {
                switch ending {
                case .quit: return nil
                case .timeUp: return outOfTime()
                }
            } catch {
                throw .brokenScenario(scenario: scenario.id, node: session.currentID, reason: "\(error)")
            }
            switch step {
            case .concluded(let diagnosis):
                let node = session.current
                write(TrainingText.conclusion(diagnosis, session: session, styler: styler))
                if let fix = FixQuestions.question(for: diagnosis, at: node.id, session: session, runbook: runbook, seed: seed) {
                    switch ask(fix, at: node) {
                    case .answered(let step): steps.append(step)
                    case .quit: return nil
                    case .timeUp: return outOfTime()
                    }
                }
                let result = finish(session, steps: steps, started: started, timedOut: false)
                write(Debrief(result: result, runbook: runbook, scenario: scenario, rules: rules, styler: styler).text)
                return result
            case .answered(let question, let reply, _):
                write("\(question.prompt) The on-call engineer answers: \(reply)\n")
            case .decided, .ran:
                continue
            case .stopped(let stop):
                throw .brokenScenario(scenario: scenario.id, node: session.currentID, reason: stop.reason(at: session.currentID))
            }
        }
    }

    /// The trainee's choice before the reveal: shows the step's command and output, asks where
    /// the runbook goes next and the step's concept checks, then explains the step. Throws when
    /// the trainee quits or time runs out, which leaves the session before the step.
    private func reveal(_ ran: RanCommand, at session: Session, into steps: inout [TrainingStep]) throws(Ending) {
        let node = session.current
        write(TrainingText.step(node, invocation: ran.invocation, output: ran.result, styler: styler))
        let choices = StepChoices(node: node, runbook: runbook, seed: seed, facts: session.facts)
        if choices.isChoice {
            let step = try Self.taken(ask(choices, at: node, transition: ran.transition, output: ran.result))
            steps.append(step)
            write(
                TrainingText.verdict(step, transition: ran.transition, node: node, runbook: runbook, output: ran.result.combinedOutput, styler: styler))
        }
        for check in node.teaching.checks {
            steps.append(try Self.taken(ask(check, at: node)))
        }
        write(TrainingText.explanation(of: node, styler: styler))
    }

    /// The step a reply answered, or the ending it stands for.
    private static func taken(_ reply: Reply) throws(Ending) -> TrainingStep {
        switch reply {
        case .answered(let step): return step
        case .quit: throw .quit
        case .timeUp: throw .timeUp
        }
    }

    var timeIsUp: Bool {
        deadline.map { clock.now() >= $0 } ?? false
    }

    private func finish(_ session: Session, steps: [TrainingStep], started: Date, timedOut: Bool) -> TrainingResult {
        let finished = clock.now()
        let cause = session.current.diagnosis?.cause ?? TrainingEntry(scenario, runbooks: [runbook]).cause
        let score = timedOut ? 0 : rules.score(steps)
        let requiredRight = scenario.required.allSatisfy { required in
            steps.filter { $0.node == required && $0.kind != .check }.allSatisfy(\.isCorrect)
        }
        return TrainingResult(
            scenario: scenario.id, cause: cause, difficulty: scenario.difficulty.rawValue, path: session.path,
            ending: session.currentID, steps: steps, score: score, maximum: rules.maximum,
            seconds: finished.timeIntervalSince(started), finishedAt: finished,
            passed: !timedOut && requiredRight && score >= rules.passMark, exam: settings.exam, timedOut: timedOut
        )
    }

    func prompt(_ node: Node, _ what: String) -> String {
        styler.apply(.prompt, to: "[\(runbook.id) \(node.id)] \(what) ")
    }

    /// Answers the words every question shares; false when `word` is not one of them.
    func refuseInExam(_ word: String) -> Bool {
        guard settings.exam, ["hint", "explain"].contains(word) else { return false }
        write("No hints or explanations in an exam: answer from the output ('show' prints it again).\n")
        return true
    }

    /// Asks where the runbook goes until the trainee names an option and either is right or has
    /// used their tries.
    private func ask(_ choices: StepChoices, at node: Node, transition: Transition, output: CommandResult) -> Reply {
        write(TrainingText.options(choices, styler: styler))
        let words = BranchWords(node: node)
        var hints = 0
        var tries: [String] = []
        let completions = choices.options.map(\.target) + Self.commands
        while let line = reader.readLine(prompt: prompt(node, "where next?"), completion: { _ in completions }) {
            let word = line.trimmingCharacters(in: .whitespaces).lowercased()
            if refuseInExam(word) { continue }
            switch word {
            case "quit", "q":
                return .quit
            case "hint":
                guard hints < 2 else {
                    write("That was the last hint.\n" + words.pointer(for: transition, output: output.combinedOutput, styler: styler))
                    continue
                }
                hints += 1
                write(styler.apply(.dim, to: "(hint \(hints) of 2: −\(rules.hint) points)") + "\n")
                write(hints == 1 ? words.nudge(for: transition) + "\n" : words.pointer(for: transition, output: output.combinedOutput, styler: styler))
            case "show":
                write(TrainingText.output(output, styler: styler))
            case "options", "":
                write(TrainingText.options(choices, styler: styler))
            case "explain":
                write(TrainingText.explanation(of: node, styler: styler))
            default:
                guard let option = choices.option(for: line) else {
                    write(
                        styler.apply(.error, to: "'\(line)' is not one of the options")
                            + "; answer 1-\(choices.options.count) or a name (Tab completes), or \(settings.hints ? "hint, " : "")show, options, quit\n")
                    continue
                }
                if timeIsUp { return .timeUp }
                tries.append(option.target)
                let step = TrainingStep(node: node.id, expected: transition.to, tries: tries, hints: hints)
                if step.isCorrect || tries.count > settings.retries { return .answered(step) }
                write(TrainingText.wrongTry(option.target, words: words, styler: styler))
                write(TrainingText.retry(left: settings.retries - tries.count + 1, worth: rules.wrongChoice - rules.retry * tries.count, of: rules.wrongChoice))
            }
        }
        return .quit
    }

    /// Asks a concept check once.
    private func ask(_ check: ConceptCheck, at node: Node) -> Reply {
        var generator = SeededGenerator(seed: seed, salt: "check:" + check.question)
        let choices = check.choices.shuffled(using: &generator)
        write(TrainingText.check(check, choices: choices, styler: styler))
        while let line = reader.readLine(prompt: prompt(node, "check?"), completion: { _ in choices + ["quit"] }) {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.lowercased() == "quit" || word.lowercased() == "q" { return .quit }
            if refuseInExam(word.lowercased()) { continue }
            let answer: String?
            if let number = Int(word), choices.indices.contains(number - 1) {
                answer = choices[number - 1]
            } else {
                let matches = choices.filter { $0.lowercased().hasPrefix(word.lowercased()) }
                answer = word.isEmpty ? nil : choices.first { $0.lowercased() == word.lowercased() } ?? (matches.count == 1 ? matches[0] : nil)
            }
            guard let answer else {
                write(styler.apply(.error, to: "'\(line)' is not one of the answers") + "; answer 1-\(choices.count), or quit\n")
                continue
            }
            if timeIsUp { return .timeUp }
            let step = TrainingStep(kind: .check, node: node.id, expected: check.answer, tries: [answer])
            write(TrainingText.checkVerdict(step, check: check, styler: styler))
            return .answered(step)
        }
        return .quit
    }
}
