import Foundation
import TriageEngine
import TriageExecution
import TriageLayout
import TriageModel
import TriageSecrets
import TriageTerminal

/// The interactive loop: shows each step, runs or proposes its command on request, explains what
/// was found and why the next branch was chosen, and ends in a diagnosis.
public final class REPL {
    /// How commands are carried out, for what the REPL says and writes.
    public enum Mode: String, Sendable {
        case live, propose, replay

        var ranLabel: String {
            switch self {
            case .live: "Ran"
            case .propose: "Pasted output of"
            case .replay: "Replayed"
            }
        }
    }

    /// How the session ended.
    public struct Outcome: Sendable, Equatable {
        /// The diagnosis reached, if any.
        public var diagnosis: Diagnosis?
        /// The nodes visited.
        public var path: [String]
        /// The answers given to questions along that path, by node id.
        public var answers: [String: String]
    }

    public private(set) var session: Session
    /// Steps the session: the person answers its questions, and every command passes its guard,
    /// which asks before a change (or refuses it in read-only mode).
    private let driver: SessionDriver
    /// Runs the polls of a watched verification, once the guard let it.
    private let runner: any CommandRunner
    private let input: SharedLineReader
    private let console: any Console
    private let printer: SessionPrinter
    private let mode: Mode
    private let interrupts: InterruptMonitor?
    private var transcript: TranscriptWriter?
    private var announcedConclusion = false

    public init(
        session: Session, runner: any CommandRunner, parsers: ParserCatalog, input: SharedLineReader,
        console: any Console, styler: Styler, layout: TextLayout = .unbounded, mode: Mode, interrupts: InterruptMonitor? = nil,
        suggestedAnswers: [String: String] = [:], transcript: TranscriptWriter? = nil, readOnly: Bool = false
    ) {
        let printer = SessionPrinter(styler: styler, layout: layout)
        self.session = session
        let changes: GuardedRunner.Policy =
            readOnly
            ? .readOnly
            : .ask(confirm: { invocation in
                console.write(printer.mutationWarning(invocation))
                let reply = input.readConfirmation(prompt: printer.confirmPrompt(), completion: { _ in ["yes", "no"] })
                return reply.map { ["y", "yes"].contains($0.trimmingCharacters(in: .whitespaces).lowercased()) } ?? false
            })
        let announce: (@Sendable (CommandInvocation) -> Void)? = mode == .propose ? nil : { @Sendable in console.line(printer.running($0, mode: mode)) }
        self.driver = SessionDriver(
            runner: AnnouncedRunner(base: runner, announce: announce, interrupts: interrupts), parsers: parsers,
            answers: PersonAnswers(input: input, console: console, printer: printer, suggested: suggestedAnswers),
            policy: DrivePolicy(runsNodeCommands: true, changes: changes))
        self.runner = runner
        self.input = input
        self.console = console
        self.printer = printer
        self.mode = mode
        self.interrupts = interrupts
        self.transcript = transcript
    }

    /// Runs until the user quits or input ends.
    public func run() async -> Outcome {
        console.write(printer.welcome(session.runbook, inputs: session.inputs, mode: mode))
        arrive()
        while let line = input.readLine(prompt: printer.prompt(for: session), completion: completeCommand) {
            switch REPLCommand.parse(line) {
            case .failure(let error):
                if let question = session.current.question {
                    // At a question, anything that is not a command is the answer.
                    answer(question, with: line)
                } else {
                    console.line(printer.error(error.message))
                }
            case .success(.quit):
                input.remember(line)
                return outcome
            case .success(let command):
                // Only commands reach the history: never answers or pasted output.
                input.remember(line)
                await perform(command)
            }
        }
        console.line()
        return outcome
    }

    private var outcome: Outcome {
        Outcome(diagnosis: session.current.diagnosis, path: session.path, answers: session.answers)
    }

    private func perform(_ command: REPLCommand) async {
        switch command {
        case .next: await takeStep()
        case .show: console.write(printer.lastOutput(session))
        case .why: console.write(printer.why(session))
        case .explain: console.write(printer.explanation(of: session.current))
        case .back:
            if session.back() {
                transcript?.note("Went back to \(session.currentID).")
                announcedConclusion = false
                arrive()
            } else {
                console.line(printer.error("this is the first step; there is nothing to go back to"))
            }
        case .skip:
            guard !session.isFinished else {
                console.line(printer.error("the session has ended; there is no step to skip"))
                return
            }
            transcript?.note("Skipped \(session.currentID) without running it.")
            moved(session.decide())
        case .facts: console.write(printer.facts(session.facts))
        case .path: console.line(printer.path(session))
        case .transcript(let file): startTranscript(file)
        case .fix(let number): await runFix(number)
        case .verify: await runVerify()
        case .help: console.write(printer.help())
        case .quit: break
        }
    }

    /// `next`: the driver takes the step the current node waits for.
    private func takeStep() async {
        var session = self.session
        do {
            let step = try await driver.step(&session)
            self.session = session
            show(step)
        } catch {
            report(error)
        }
    }

    /// Shows a step the session took, or why it could not take it.
    private func show(_ step: DriveStep) {
        switch step {
        case .concluded:
            // Arriving showed the diagnosis; Enter at the end says what is left to do.
            if !announcedConclusion {
                announcedConclusion = true
                console.write(printer.diagnosis(session))
            }
            console.line(printer.note("The session has ended. 'fix N' runs a fix step, 'verify' checks it, 'back' reconsiders, 'quit' leaves."))
        case .decided(let transition):
            moved(transition)
        case .answered(let question, let reply, let transition):
            transcript?.answered(question, with: session.facts[question.fact]?.value ?? reply)
            moved(transition)
        case .ran(let ran):
            transcript?.ran(ran.invocation, result: ran.result, mode: mode.ranLabel)
            console.write(printer.result(ran.result, invocation: ran.invocation))
            moved(ran.transition)
        case .stopped(.unanswered):
            break
        case .stopped(.notAllowed(let error)):
            report(error)
        case .stopped(let stop):
            console.line(printer.error(stop.reason(at: session.currentID)))
        }
    }

    /// Records `reply` as the answer to the current question and moves on, or says why it is not
    /// an answer.
    private func answer(_ question: Question, with reply: String) {
        do {
            show(.answered(question, reply: reply, try session.answer(reply)))
        } catch {
            console.line(printer.error("\(error.description); or type 'help' for the commands"))
        }
    }

    /// Runs a command through the driver's guard, which asks first when it changes things; nil
    /// when it was not run.
    private func execute(_ invocation: CommandInvocation) async -> CommandResult? {
        do {
            return try await driver.commands.run(invocation)
        } catch {
            report(error)
            return nil
        }
    }

    /// Says why a command did not run or gave no result.
    private func report(_ error: any Error) {
        if let refusal = error as? ExecutionError, refusal.isRefusal {
            console.line(printer.error("\(refusal.localizedDescription) 'skip' goes on without it."))
        } else if error is CancellationError {
            console.line(printer.error("cancelled; the step is unchanged. 'next' tries again, 'skip' goes on without it."))
        } else {
            console.line(printer.error(error.localizedDescription))
        }
    }

    private func moved(_ transition: Transition) {
        let step = session.steps.last
        transcript?.moved(transition, newFacts: step?.newFacts ?? [:])
        let node = step.flatMap { session.runbook.node($0.node) }
        let signature = node?.parser.flatMap { driver.parsers.parser($0)?.signature }
        console.write(printer.transition(transition, newFacts: step?.newFacts ?? [:], node: node, signature: signature))
        arrive()
    }

    /// Shows the node the session is now at; at a diagnosis, shows it in full once.
    private func arrive() {
        let node = session.current
        transcript?.arrived(at: node, stepCount: session.runbook.stepCount)
        if let diagnosis = node.diagnosis {
            guard !announcedConclusion else { return }
            announcedConclusion = true
            transcript?.concluded(diagnosis, session: session)
            console.write(printer.diagnosis(session))
            return
        }
        console.write(printer.header(node, session: session))
    }

    private func startTranscript(_ file: String?) {
        guard let file else {
            if let transcript {
                console.line("Writing the transcript to \(transcript.path).")
            } else {
                console.line(printer.error("no transcript is being written; 'transcript FILE' starts one"))
            }
            return
        }
        do {
            let writer = try TranscriptWriter(path: file, runbook: session.runbook, inputs: session.inputs, mode: mode.rawValue)
            writer.replay(session, mode: mode.ranLabel)
            transcript = writer
            console.line("Writing the transcript to \(file).")
        } catch {
            console.line(printer.error(error.localizedDescription))
        }
    }

    private func runFix(_ number: Int) async {
        guard let diagnosis = session.current.diagnosis else {
            console.line(printer.error("there is no diagnosis yet; fix steps come at the end"))
            return
        }
        let steps = session.fixSteps(of: diagnosis)
        guard steps.indices.contains(number - 1) else {
            console.line(printer.error("the diagnosis has \(steps.count) fix step(s)"))
            return
        }
        await runStep(steps[number - 1], what: "fix step \(number)")
    }

    private func runVerify() async {
        guard let verify = session.current.diagnosis?.verify else {
            console.line(printer.error("there is no verification step here"))
            return
        }
        let step = session.resolve(verify)
        guard let watch = verify.watch, let invocation = step.invocation else {
            await runStep(step, what: "the verification")
            return
        }
        do {
            try await driver.commands.authorize(invocation)
        } catch {
            console.line(printer.error(error.localizedDescription))
            return
        }
        console.line(printer.watching(invocation, watch))
        let replaying = mode == .replay
        let watcher = Watcher(runner: runner, parsers: driver.parsers) { seconds in
            if !replaying { try await Task.sleep(for: Seconds.duration(seconds)) }
        }
        let facts = session.facts, node = session.currentID, console = self.console, printer = self.printer
        // A replay folds recorded polls that saw the same thing; live, every poll shows that it is still watching.
        let folder = replaying ? SharedPollFolder() : nil
        let operation: @Sendable () async throws -> Watcher.Outcome = {
            defer {
                for line in folder?.flush() ?? [] { console.line(printer.pollLine(line, watch: watch)) }
            }
            return try await watcher.watch(invocation, watch, facts: facts, node: node) { poll in
                guard let folder else { return console.line(printer.poll(poll, watch: watch)) }
                let seen = PollFolder.Seen(attempt: poll.attempt, text: printer.seen(by: poll, watch: watch))
                for line in folder.add(seen) { console.line(printer.pollLine(line, watch: watch)) }
            }
        }
        do {
            let outcome: Watcher.Outcome
            if let interrupts {
                outcome = try await interrupts.runCancellable(operation)
            } else {
                outcome = try await operation()
            }
            console.write(printer.watchOutcome(outcome, watch: watch))
            if case .satisfied(let poll) = outcome {
                transcript?.ran(invocation, result: poll.result, mode: mode.ranLabel)
                transcript?.note("Verified: \(watch.until.inWords), at poll \(poll.attempt).")
            } else if case .gaveUp(let poll) = outcome {
                transcript?.ran(invocation, result: poll.result, mode: mode.ranLabel)
                transcript?.note("Not verified: it never came to be that \(watch.until.inWords) within \(Seconds.whole(watch.within)) s.")
            }
        } catch is CancellationError {
            console.line(printer.error("stopped watching."))
        } catch {
            console.line(printer.error(error.localizedDescription))
        }
    }

    private func runStep(_ step: Session.ResolvedStep, what: String) async {
        guard let invocation = step.invocation else {
            console.line("\(what) has no command to run: \(step.text)")
            return
        }
        guard let raw = await execute(invocation) else { return }
        let result = SecretMasker.standard.shown(raw, of: invocation.arguments)
        transcript?.ran(invocation, result: result, mode: mode.ranLabel)
        console.write(printer.result(result, invocation: invocation))
        console.write(printer.output(result))
    }

    private func completeCommand(_ request: CompletionRequest) -> [String] {
        let before = request.lineBeforeCursor.split(whereSeparator: \.isWhitespace)
        let completingFirstWord = before.isEmpty || (before.count == 1 && !request.lineBeforeCursor.hasSuffix(" "))
        if completingFirstWord { return (session.current.question?.suggestions ?? []) + REPLCommand.words.map(\.word) }
        if before.first == "fix", let diagnosis = session.current.diagnosis {
            let count = session.fixSteps(of: diagnosis).count
            return count > 0 ? (1...count).map(String.init) : []
        }
        return []
    }
}
