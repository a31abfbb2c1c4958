import Synchronization
import Testing
import TriageRunbooks
import TriageTerminal
import TriageTestSupport
@testable import TriageTraining

/// Training never runs a command, not even one a trainee's scenario recorded as a change: the
/// trainee reads what the recording says.
struct ChangeGuardTests {
    @Test func trainingShowsTheRecordedChangeAndRunsNothing() async throws {
        let step = ChangingStep()
        defer { step.clean() }
        let runbook = try RunbookDecoder.decode(step.yaml, file: "changer.yaml").get()
        let shown = Mutex("")
        let trainer = Trainer(
            scenario: step.scenario, runbook: runbook, reader: PlainLineReader(source: .lines([])),
            write: { text in shown.withLock { $0 += text } }, styler: Styler(enabled: false), clock: SteppingClock(step: 1), seed: 7)
        _ = try await trainer.run()
        #expect(shown.withLock { $0 }.contains(step.recording.result.stdout))
        #expect(!step.ran)
    }
}
