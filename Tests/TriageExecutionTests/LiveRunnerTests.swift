import Foundation
import Testing
import TriageExecution
import TriageModel
import TriageTestSupport

@Suite("LiveRunner against real processes")
struct LiveRunnerTests {
    private func sh(_ script: String) -> CommandInvocation {
        CommandInvocation(arguments: ["/bin/sh", "-c", script], location: .local)
    }

    @Test func runsTheArgumentVectorWithoutAShell() async throws {
        let result = try await LiveRunner().run(CommandInvocation(arguments: ["/bin/echo", "a  b", "$HOME", "*"]))
        #expect(result.stdout == "a  b $HOME *\n")
        #expect(result.stderr == "")
        #expect(result.exitStatus == 0)
        #expect(!result.timedOut)
        #expect(result.succeeded)
    }

    @Test func resolvesAProgramNameOnPath() async throws {
        let result = try await LiveRunner().run(CommandInvocation(arguments: ["echo", "found"]))
        #expect(result.stdout == "found\n")
    }

    @Test func exitStatusIsData() async throws {
        let result = try await LiveRunner().run(sh("echo partial; exit 3"))
        #expect(result.exitStatus == 3)
        #expect(result.stdout == "partial\n")
        #expect(!result.succeeded)
    }

    @Test func deathBySignalIsReportedAsAShellWould() async throws {
        let result = try await LiveRunner().run(sh("kill -KILL $$"))
        #expect(result.exitStatus == 128 + 9)
        #expect(!result.timedOut)
    }

    @Test func capturesStandardErrorSeparately() async throws {
        let result = try await LiveRunner().run(sh("echo out; echo err >&2; echo more"))
        #expect(result.stdout == "out\nmore\n")
        #expect(result.stderr == "err\n")
    }

    @Test func missingProgramNameIsAClearError() async throws {
        let error = await #expect(throws: ExecutionError.programNotFound("triage-no-such-program")) {
            try await LiveRunner().run(CommandInvocation(arguments: ["triage-no-such-program", "get"]))
        }
        let message = try #require(error?.localizedDescription)
        #expect(message.contains("`triage-no-such-program` was not found on PATH"))
        #expect(message.contains("--propose"))
    }

    @Test func missingProgramPathIsAClearError() async throws {
        await #expect(throws: ExecutionError.programNotFound("/nonexistent/kubectl")) {
            try await LiveRunner().run(CommandInvocation(arguments: ["/nonexistent/kubectl"]))
        }
    }

    @Test func environmentOverridesApply() async throws {
        let runner = LiveRunner(environmentOverrides: ["TRIAGE_TEST_VALUE": "from the test", "HOME": nil])
        let result = try await runner.run(sh("echo \"$TRIAGE_TEST_VALUE\"; echo \"${HOME-unset}\""))
        #expect(result.stdout == "from the test\nunset\n")
    }

    @Test func programIsLookedUpOnTheOverriddenPath() async throws {
        let runner = LiveRunner(environmentOverrides: ["PATH": "/nonexistent"])
        await #expect(throws: ExecutionError.programNotFound("echo")) {
            try await runner.run(CommandInvocation(arguments: ["echo", "x"]))
        }
    }

    @Test func measuresDuration() async throws {
        let result = try await LiveRunner().run(sh("sleep 0.3"))
        #expect(result.duration >= 0.3)
        #expect(result.duration < 30, "measured, not a default or a wait for something else")
    }

    @Test func timeoutAndDurationFollowTheInjectedClock() async throws {
        let runner = LiveRunner(timeout: .seconds(30), clock: ImmediateClock())
        let result = try await runner.run(sh("sleep 60"))
        #expect(result.timedOut)
        #expect(result.duration == 30)
    }

    @Test func outputBeyondTheLimitIsTruncatedWithAMarker() async throws {
        let runner = LiveRunner(outputLimit: 1000)
        let result = try await runner.run(sh("head -c 5000 /dev/zero | tr '\\0' a; head -c 1500 /dev/zero | tr '\\0' b >&2"))
        #expect(result.exitStatus == 0)
        #expect(result.stdout.hasPrefix(String(repeating: "a", count: 1000) + "\n[triage: output truncated"))
        #expect(result.stdout.contains("after 1000 bytes; 4000 more bytes were discarded"))
        #expect(result.stderr.hasPrefix(String(repeating: "b", count: 1000) + "\n[triage: output truncated"))
        #expect(result.stderr.contains("500 more bytes were discarded"))
    }

    @Test func outputUpToTheLimitIsKeptWhole() async throws {
        let result = try await LiveRunner(outputLimit: 1000).run(sh("head -c 1000 /dev/zero | tr '\\0' a"))
        #expect(result.stdout == String(repeating: "a", count: 1000))
    }

    @Test func aCommandStillWritingPastTheLimitIsDrainedNotBlocked() async throws {
        // 8 MiB is far more than a pipe buffer: the writer only finishes if the runner keeps reading.
        let runner = LiveRunner(timeout: .seconds(20), outputLimit: 4096)
        let result = try await runner.run(sh("head -c 8388608 /dev/zero"))
        #expect(!result.timedOut)
        #expect(result.exitStatus == 0)
        #expect(result.stdout.contains("\(8_388_608 - 4096) more bytes were discarded"))
    }

    @Test func timeoutKillsTheWholeProcessGroup() async throws {
        let script = try GrandchildScript()
        let runner = LiveRunner(timeout: .milliseconds(700), terminationGrace: .seconds(2))

        let result = try await runner.run(script.invocation)

        #expect(result.timedOut)
        #expect(result.exitStatus == 128 + 15)
        #expect(result.stdout == "started\n")
        #expect(result.duration >= 0.7)
        #expect(result.duration < 30, "stopped at the timeout, not after the 60 s grandchild")
        #expect(try await ProcessProbe.dies(try await script.grandchild()))
    }

    @Test func aGroupThatIgnoresSigtermGetsSigkillAfterTheGrace() async throws {
        let script = try GrandchildScript(prelude: "trap '' TERM; ")
        let runner = LiveRunner(timeout: .milliseconds(500), terminationGrace: .milliseconds(500))

        let result = try await runner.run(script.invocation)

        #expect(result.timedOut)
        #expect(result.exitStatus == 128 + 9)
        #expect(result.duration >= 1.0)
        #expect(result.duration < 30, "killed after the grace, not after the 60 s grandchild")
        #expect(result.timeLimit == 0.5)
        #expect(result.failureSummary.hasPrefix("timed out after 0.5 s"), "the time given, not the time stopping took: \(result.failureSummary)")
        #expect(try await ProcessProbe.dies(try await script.grandchild()))
    }

    @Test func cancellingTheTaskKillsTheGroupAndThrows() async throws {
        let script = try GrandchildScript()
        let invocation = script.invocation
        let task = Task { try await LiveRunner(timeout: .seconds(60), terminationGrace: .seconds(1)).run(invocation) }
        let grandchild = try await script.grandchild()
        let cancelledAt = ContinuousClock.now
        task.cancel()

        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - cancelledAt < .seconds(30), "not after the 60 s grandchild")
        #expect(try await ProcessProbe.dies(grandchild))
    }
}
