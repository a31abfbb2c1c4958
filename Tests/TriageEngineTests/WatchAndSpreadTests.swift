import Foundation
import Testing
import TriageExecution
import TriageModel
import TriageRunbooks
@testable import TriageEngine

/// Spread placeholders, `in_fact`, and Step 5's watch.
struct WatchAndSpreadTests {
    @Test func aSpreadPlaceholderBecomesOneArgumentPerValue() throws {
        let yaml = """
            id: spread
            title: Spread
            inputs: {namespace: {format: dns-1123-label}}
            start: list
            nodes:
              list:
                title: List
                run: [kubectl, get, pods]
                facts:
                  names: {pattern: '^(\\S+) ', all: true}
                next: get
              get:
                title: Get
                run: [kubectl, get, secret, "{{names*}}", -n, "{{namespace}}"]
                next: done
              done:
                title: Done
                diagnosis: {cause: other, summary: done, fix: []}
            """
        let runbook = try RunbookDecoder.decode(yaml, file: "spread.yaml").get()
        var session = try Session(runbook: runbook, inputs: ["namespace": "shop"])
        session.record(CommandResult(stdout: "a 1\nb 2\n"), for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard)
        #expect(try session.pending() == .command(CommandInvocation(arguments: ["kubectl", "get", "secret", "a", "b", "-n", "shop"])))
    }

    @Test func inFactComparesTwoFacts() {
        let facts: Facts = ["secret_registries": Fact(values: ["docker.io", "quay.io"]), "registry": Fact("quay.io")]
        #expect(Condition.inFact(fact: "secret_registries", other: "registry").evaluate(facts).holds)
        #expect(!Condition.inFact(fact: "secret_registries", other: "missing").evaluate(facts).holds)
    }

    static func pod(phase: String, waiting: String?) -> CommandResult {
        let state = waiting.map { #"{"waiting":{"reason":"\#($0)"}}"# } ?? #"{"running":{}}"#
        return CommandResult(
            stdout:
                #"{"kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]},"status":{"phase":"\#(phase)","containerStatuses":[{"name":"web","image":"nginx:1.27","state":\#(state)}]}}"#
        )
    }

    static let recovered = Condition.all([.equals(fact: "phase", value: "Running"), .not(.present(fact: "failing_containers", true))])

    @Test func theWatchStopsWhenThePodRuns() async throws {
        let polls = [
            Self.pod(phase: "Pending", waiting: "ImagePullBackOff"), Self.pod(phase: "Pending", waiting: "ErrImagePull"),
            Self.pod(phase: "Running", waiting: nil),
        ]
        let command = ["kubectl", "get", "pod", "web", "-o", "json"]
        let runner = ReplayRunner(recordings: polls.map { Scenario.Recording(arguments: command, result: $0) })
        let watcher = Watcher(runner: runner, parsers: .standard) { _ in }
        let outcome = try await watcher.watch(
            CommandInvocation(arguments: command), Watch(parser: "pod-json", until: Self.recovered, every: 5, within: 60), facts: [:], node: "done")
        guard case .satisfied(let poll) = outcome else {
            Issue.record("expected recovery, got \(outcome)")
            return
        }
        #expect(poll.attempt == 3)
    }

    @Test func theWatchGivesUpAtItsDeadlineAndSaysWhatItSaw() async throws {
        let command = ["kubectl", "get", "pod", "web", "-o", "json"]
        let runner = ReplayRunner(recordings: [Scenario.Recording(arguments: command, result: Self.pod(phase: "Pending", waiting: "ImagePullBackOff"))])
        let pauses = Pauses()
        let watcher = Watcher(runner: runner, parsers: .standard) { await pauses.add($0) }
        let outcome = try await watcher.watch(
            CommandInvocation(arguments: command), Watch(parser: "pod-json", until: Self.recovered, every: 10, within: 30), facts: [:], node: "done")
        guard case .gaveUp(let poll) = outcome else {
            Issue.record("expected to give up, got \(outcome)")
            return
        }
        #expect(poll.attempt == 4)
        #expect(poll.facts["waiting_reasons"]?.value == "ImagePullBackOff")
        #expect(await pauses.all == [10, 10, 10])
    }

    /// The loader bounds `every:` and `for:`; the watch's own arithmetic must not trap on any
    /// value all the same.
    @Test(arguments: [(Double.nan, Double.nan), (.infinity, .infinity), (-.infinity, 1e300), (0, 0), (1e-300, 86_400)])
    func unboundedNumbersNeverTrap(every: Double, within: Double) async throws {
        let command = ["kubectl", "get", "pod", "web", "-o", "json"]
        let runner = ReplayRunner(recordings: [Scenario.Recording(arguments: command, result: Self.pod(phase: "Pending", waiting: "ImagePullBackOff"))])
        let watcher = Watcher(runner: runner, parsers: .standard) { _ in try Task.checkCancellation() }
        let watch = Watch(parser: "pod-json", until: Self.recovered, every: every, within: within)
        // A huge count of polls is cut short by the first pause that throws.
        let outcome = try? await watcher.watch(CommandInvocation(arguments: command), watch, facts: [:], node: "done") { poll in
            if poll.attempt > 3 { withUnsafeCurrentTask { $0?.cancel() } }
        }
        if case .satisfied = outcome { Issue.record("nothing recovered") }
    }

    actor Pauses {
        var all: [Double] = []
        func add(_ seconds: Double) { all.append(seconds) }
    }
}
