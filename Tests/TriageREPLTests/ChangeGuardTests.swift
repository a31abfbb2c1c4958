import Testing
import TriageEngine
import TriageExecution
import TriageModel
@testable import TriageREPL
import TriageRunbooks
import TriageTerminal
import TriageTestSupport

/// At the REPL a command that changes things runs only after the person's explicit yes, live or
/// replayed, and never in read-only mode.
struct ChangeGuardTests {
    func drive(_ lines: [String], _ step: ChangingStep, runner: any CommandRunner, mode: REPL.Mode, readOnly: Bool = false) async throws -> String {
        let runbook = try RunbookDecoder.decode(step.yaml, file: "changer.yaml").get()
        let console = REPLTests.CapturingConsole()
        let input = SharedLineReader(prompter: PlainLineReader(source: .lines(lines), echo: .promptAndInput, output: console.write))
        let repl = REPL(
            session: try Session(runbook: runbook, inputs: [:]), runner: runner, parsers: .standard, input: input, console: console,
            styler: Styler(enabled: false), mode: mode, readOnly: readOnly)
        _ = await repl.run()
        return console.text
    }

    @Test func aLiveChangeRunsOnlyAfterAYes() async throws {
        let step = ChangingStep()
        defer { step.clean() }
        let declined = try await drive(["", "n"], step, runner: LiveRunner(), mode: .live)
        #expect(declined.contains("was not confirmed"))
        #expect(!step.ran)
        let readOnly = try await drive([""], step, runner: LiveRunner(), mode: .live, readOnly: true)
        #expect(readOnly.contains("read-only mode is on"))
        #expect(!step.ran)
        _ = try await drive(["", "yes"], step, runner: LiveRunner(), mode: .live)
        #expect(step.ran)
    }

    @Test func aReplayedChangeIsShownOnlyAfterAYes() async throws {
        let step = ChangingStep()
        defer { step.clean() }
        let replayed = "replaying: $ touch \(step.marker)"
        let declined = try await drive(["", "n"], step, runner: ReplayRunner(recordings: [step.recording]), mode: .replay)
        #expect(declined.contains("was not confirmed") && !declined.contains(replayed))
        let accepted = try await drive(["", "yes"], step, runner: ReplayRunner(recordings: [step.recording]), mode: .replay)
        #expect(accepted.contains(replayed))
        #expect(!step.ran)
    }
}
