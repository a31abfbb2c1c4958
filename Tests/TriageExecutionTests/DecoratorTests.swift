import Testing
import TriageExecution
import TriageModel
import TriageTestSupport

@Suite("Replay, recording, guarding and routing")
struct DecoratorTests {
    private let getPods = CommandInvocation(arguments: ["kubectl", "get", "pods"])
    private let deletePod = CommandInvocation(arguments: ["kubectl", "delete", "pod", "web"], mutates: true)

    private func replay(_ pairs: (CommandInvocation, String)...) -> ReplayRunner {
        ReplayRunner(recordings: pairs.map { Scenario.Recording(arguments: $0.arguments, result: CommandResult(stdout: $1)) })
    }

    @Test func replayAnswersFromTheRecording() async throws {
        let result = try await replay((getPods, "web 0/1 ImagePullBackOff\n")).run(getPods)
        #expect(result.stdout == "web 0/1 ImagePullBackOff\n")
    }

    @Test func replayMatchesOnArgumentsOnly() async throws {
        let elsewhere = CommandInvocation(arguments: getPods.arguments, location: .node, mutates: true)
        #expect(try await replay((getPods, "x")).run(elsewhere).stdout == "x")
    }

    @Test func replayGivesRepeatedCommandsTheirResultsInOrder() async throws {
        let runner = replay((getPods, "before"), (deletePod, "deleted"), (getPods, "after"))
        #expect(try await runner.run(getPods).stdout == "before")
        #expect(try await runner.run(getPods).stdout == "after")
        #expect(try await runner.run(getPods).stdout == "after")
        #expect(try await runner.run(deletePod).stdout == "deleted")
    }

    @Test func replayMissSaysWhichCommandIsNotRecorded() async throws {
        let missing = CommandInvocation(arguments: ["kubectl", "get", "events", "-n", "my app"])
        let error = await #expect(throws: ExecutionError.notRecorded(missing)) {
            try await replay((getPods, "x")).run(missing)
        }
        let message = try #require(error?.localizedDescription)
        #expect(message.contains("no recording for `kubectl get events -n 'my app'`"))
    }

    @Test func recordingKeepsResultsInOrderAndSkipsFailures() async throws {
        let recorder = RecordingRunner(base: replay((getPods, "pods"), (deletePod, "deleted")))
        _ = try await recorder.run(deletePod)
        _ = try? await recorder.run(CommandInvocation(arguments: ["kubectl", "get", "nodes"]))
        _ = try await recorder.run(getPods)
        #expect(recorder.recordings == [
            Scenario.Recording(arguments: deletePod.arguments, result: CommandResult(stdout: "deleted")),
            Scenario.Recording(arguments: getPods.arguments, result: CommandResult(stdout: "pods")),
        ])
    }

    @Test func recordingReplaysAsAScenario() async throws {
        let recorder = RecordingRunner(base: replay((getPods, "pods")))
        let live = try await recorder.run(getPods)
        #expect(try await ReplayRunner(recordings: recorder.recordings).run(getPods) == live)
    }

    @Test func readOnlyRefusesMutatingCommandsWithoutAsking() async throws {
        let base = RecordingRunner(base: replay((getPods, "pods"), (deletePod, "deleted")))
        let runner = GuardedRunner(base: base, readOnly: true) { _ in
            Issue.record("read-only mode must not ask")
            return true
        }
        let error = await #expect(throws: ExecutionError.readOnly(deletePod)) { try await runner.run(deletePod) }
        #expect(error?.localizedDescription.contains("read-only mode is on") == true)
        #expect(try await runner.run(getPods).stdout == "pods")
        #expect(base.recordings.map(\.arguments) == [getPods.arguments])
    }

    @Test func mutatingCommandsNeedAYes() async throws {
        let base = RecordingRunner(base: replay((getPods, "pods"), (deletePod, "deleted")))
        let refusing = GuardedRunner(base: base, readOnly: false) { _ in false }
        await #expect(throws: ExecutionError.refused(deletePod)) { try await refusing.run(deletePod) }
        #expect(base.recordings.isEmpty)

        let asked = TextSink()
        let allowing = GuardedRunner(base: base, readOnly: false) { invocation in
            asked.write(invocation.description)
            return true
        }
        #expect(try await allowing.run(deletePod).stdout == "deleted")
        #expect(try await allowing.run(getPods).stdout == "pods")
        #expect(asked.text == deletePod.description)
        #expect(base.recordings.map(\.arguments) == [deletePod.arguments, getPods.arguments])
    }

    @Test func routingPicksTheRunnerForTheLocation() async throws {
        let arguments = ["crictl", "images"]
        let runner = RoutingRunner(
            cluster: replay((CommandInvocation(arguments: arguments), "cluster")),
            node: replay((CommandInvocation(arguments: arguments), "node")),
            local: replay((CommandInvocation(arguments: arguments), "local"))
        )
        for location in CommandLocation.allCases {
            let result = try await runner.run(CommandInvocation(arguments: arguments, location: location))
            #expect(result.stdout == location.rawValue)
        }
    }
}
