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
        #expect(
            recorder.recordings == [
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
        let runner = GuardedRunner(base: base, policy: .readOnly)
        let error = await #expect(throws: ExecutionError.readOnly(deletePod)) { try await runner.run(deletePod) }
        #expect(error?.localizedDescription.contains("read-only mode is on") == true)
        #expect(try await runner.run(getPods).stdout == "pods")
        #expect(base.recordings.map(\.arguments) == [getPods.arguments])
    }

    @Test func mutatingCommandsNeedAYes() async throws {
        let base = RecordingRunner(base: replay((getPods, "pods"), (deletePod, "deleted")))
        let refusing = GuardedRunner(base: base, policy: .ask { _ in false })
        await #expect(throws: ExecutionError.refused(deletePod)) { try await refusing.run(deletePod) }
        #expect(base.recordings.isEmpty)

        let asked = TextSink()
        let allowing = GuardedRunner(
            base: base,
            policy: .ask { invocation in
                asked.write(invocation.description)
                return true
            })
        #expect(try await allowing.run(deletePod).stdout == "deleted")
        #expect(try await allowing.run(getPods).stdout == "pods")
        #expect(asked.text == deletePod.description)
        #expect(base.recordings.map(\.arguments) == [deletePod.arguments, getPods.arguments])
    }

    /// Commands that change things although the runbook says they do not (`mutates: false`).
    static let understated: [[String]] = [
        ["kubectl", "delete", "pod", "web"],
        ["kubectl", "-n", "shop", "rollout", "restart", "deployment/web"],
        ["crictl", "rmi", "nginx"],
        ["sh", "-c", "kubectl delete pod web"],
        ["env", "A=1", "/usr/bin/kubectl", "drain", "node-1"],
    ]

    @Test(arguments: understated)
    func theGuardJudgesTheArgumentVectorNotTheRunbooksFlag(arguments: [String]) async throws {
        let command = CommandInvocation(arguments: arguments, mutates: false)
        let base = RecordingRunner(base: ReplayRunner(recordings: [Scenario.Recording(arguments: arguments, result: CommandResult(stdout: "done"))]))
        await #expect(throws: ExecutionError.readOnly(command)) { try await GuardedRunner(base: base, policy: .readOnly).run(command) }
        let unattended = await #expect(throws: ExecutionError.unattended(command)) {
            try await GuardedRunner(base: base, policy: .unattended).run(command)
        }
        #expect(unattended?.localizedDescription.contains("with --no-input nobody can say yes") == true)
        await #expect(throws: ExecutionError.refused(command)) { try await GuardedRunner(base: base, policy: .ask { _ in false }).run(command) }
        #expect(base.recordings.isEmpty)
        #expect(try await GuardedRunner(base: base, policy: .ask { _ in true }).run(command).stdout == "done")
    }

    @Test func readingCommandsPassEveryPolicyWithoutAsking() async throws {
        let base = replay((getPods, "pods"))
        for policy: GuardedRunner.Policy in [
            .readOnly, .unattended,
            .ask { _ in
                Issue.record("a reading command must not ask")
                return false
            },
        ] {
            #expect(try await GuardedRunner(base: base, policy: policy).run(getPods).stdout == "pods")
        }
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
