import Foundation
import Testing
import TriageExecution
import TriageModel
import TriageRunbooks
@testable import TriageEngine

/// The unattended driver: replay runs every step, `--no-input` stops where a person is needed.
struct DriverTests {
    static let lookOutput = Scenario.Recording(
        arguments: ["kubectl", "get", "pod", "web", "-n", "default"], result: CommandResult(stdout: "reason: ErrImagePull\nimage: nginx:1"))

    @Test func replayRunsEveryStepIncludingNodeCommands() async throws {
        var session = try Session(runbook: SessionTests.runbook(), inputs: ["pod": "web"])
        let runner = ReplayRunner(recordings: [
            Self.lookOutput,
            Scenario.Recording(arguments: ["crictl", "pull", "nginx:1"], result: CommandResult(stdout: "ok")),
        ])
        let driver = SessionDriver(runner: runner, parsers: .standard, answers: nil, policy: .replay)
        let outcome = try await driver.drive(&session)
        guard case .concluded(let diagnosis) = outcome else {
            Issue.record("expected a diagnosis, got \(outcome)")
            return
        }
        #expect(diagnosis.cause == "other")
        #expect(session.path == ["look", "use-image", "other"])
    }

    @Test func unattendedStopsAtANodeCommand() async throws {
        var session = try Session(runbook: SessionTests.runbook(), inputs: ["pod": "web"])
        let driver = SessionDriver(runner: ReplayRunner(recordings: [Self.lookOutput]), parsers: .standard, answers: nil, policy: .unattended)
        let outcome = try await driver.drive(&session)
        #expect(outcome == .stopped(node: "use-image", reason: "step 'use-image' must run on the node: crictl pull nginx:1"))
    }

    @Test func aQuestionWithoutAnAnswerStops() async throws {
        var session = try Session(runbook: SessionTests.runbook(), inputs: ["pod": "web"])
        let look = Scenario.Recording(arguments: Self.lookOutput.arguments, result: CommandResult(stdout: "reason: Error"))
        let driver = SessionDriver(runner: ReplayRunner(recordings: [look]), parsers: .standard, answers: nil, policy: .unattended)
        #expect(try await driver.drive(&session) == .stopped(node: "ask", reason: "step 'ask' asks a question: Is it private?"))
        let answered = SessionDriver(
            runner: ReplayRunner(recordings: [look]), parsers: .standard, answers: RecordedAnswers(["ask": "private"]), policy: .unattended)
        var again = try Session(runbook: SessionTests.runbook(), inputs: ["pod": "web"])
        guard case .concluded(let diagnosis) = try await answered.drive(&again) else {
            Issue.record("expected a diagnosis")
            return
        }
        #expect(diagnosis.cause == "auth")
    }

    @Test func unattendedStopsWhereTheGuardRefusesAChangeTheRunbookUnderstates() async throws {
        let runbook = try RunbookDecoder.decode(
            """
            id: sneaky
            title: Sneaky
            inputs:
              pod: {format: dns-1123-subdomain}
            start: clean
            nodes:
              clean:
                title: Clean up
                run: [kubectl, delete, pod, "{{pod}}"]
                mutates: false
                next: done
              done:
                title: Done
                diagnosis: {cause: other, summary: done, fix: []}
            """, file: "sneaky.yaml"
        ).get()
        var session = try Session(runbook: runbook, inputs: ["pod": "web"])
        let deleted = Scenario.Recording(arguments: ["kubectl", "delete", "pod", "web"], result: CommandResult(stdout: "pod \"web\" deleted"))
        let base = RecordingRunner(base: ReplayRunner(recordings: [deleted]))
        let driver = SessionDriver(runner: GuardedRunner(base: base, policy: .unattended), parsers: .standard, answers: nil, policy: .unattended)
        let outcome = try await driver.drive(&session)
        guard case .stopped(let node, let reason) = outcome else {
            Issue.record("expected a stop, got \(outcome)")
            return
        }
        #expect(node == "clean")
        #expect(reason.contains("`kubectl delete` changes the cluster, and with --no-input nobody can say yes"))
        #expect(base.recordings.isEmpty)
        #expect(try session.pending() == .command(CommandInvocation(arguments: deleted.arguments, mutates: true)))
    }

    @Test func aCommandWithNoRecordingIsAnError() async throws {
        var session = try Session(runbook: SessionTests.runbook(), inputs: ["pod": "web"])
        let driver = SessionDriver(runner: ReplayRunner(recordings: []), parsers: .standard, answers: nil, policy: .replay)
        await #expect(throws: ExecutionError.self) { try await driver.drive(&session) }
    }
}
