import Testing
import TriageEngine
import TriageExecution
import TriageModel
import TriageRunbooks
import TriageTestSupport

/// A command that changes things never runs without an explicit yes: `run --no-input` (and
/// `--read-only`) stop before it, a replay shows what the scenario recorded.
struct ChangeGuardTests {
    @Test func anUnattendedOrReadOnlyRunStopsBeforeAChangeAndRunsNothing() async throws {
        let step = ChangingStep()
        defer { step.clean() }
        let runbook = try RunbookDecoder.decode(step.yaml, file: "changer.yaml").get()
        for (changes, why) in [(GuardedRunner.Policy.unattended, "nobody can say yes"), (.readOnly, "read-only mode is on")] {
            var session = try Session(runbook: runbook, inputs: [:])
            let driver = SessionDriver(runner: LiveRunner(), parsers: .standard, answers: nil, policy: DrivePolicy(runsNodeCommands: false, changes: changes))
            let outcome = try await driver.drive(&session)
            guard case .stopped(let node, let reason) = outcome else {
                Issue.record("expected a stop, got \(outcome)")
                continue
            }
            #expect(node == "change")
            #expect(reason.contains("Did not run `touch \(step.marker)`") && reason.contains(why))
            #expect(!step.ran)
        }
    }

    @Test func aChangeTheRunbookDoesNotMarkStillStopsAnUnattendedRun() async throws {
        let step = ChangingStep()
        defer { step.clean() }
        let runbook = try RunbookDecoder.decode(step.unmarkedYAML, file: "changer.yaml").get()
        #expect(runbook.node("change")?.command?.mutates == false)
        var session = try Session(runbook: runbook, inputs: [:])
        let driver = SessionDriver(runner: LiveRunner(), parsers: .standard, answers: nil, policy: DrivePolicy(runsNodeCommands: false, changes: .unattended))
        let outcome = try await driver.drive(&session)
        guard case .stopped(let node, let reason) = outcome else {
            Issue.record("expected a stop, got \(outcome)")
            return
        }
        #expect(node == "change")
        #expect(reason.contains("`touch` is a program Triage does not know"))
        #expect(!step.ran)
    }

    @Test func aReplayShowsTheRecordedChangeAndRunsNothing() async throws {
        let step = ChangingStep()
        defer { step.clean() }
        let runbook = try RunbookDecoder.decode(step.yaml, file: "changer.yaml").get()
        let report = await ScenarioReplay(parsers: .standard).replay(step.scenario, runbook: runbook)
        #expect(report.passed)
        #expect(report.session?.steps.first?.result?.stdout == step.recording.result.stdout)
        #expect(!step.ran)
    }
}
