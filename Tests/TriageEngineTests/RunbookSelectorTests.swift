import Testing
import TriageModel
@testable import TriageEngine

/// A runbook's `selects:` is evaluated over the standard pod reading; a pod no runbook covers is
/// described by its phase and each container's state, and one that runs as declared is healthy.
struct RunbookSelectorTests {
    static func runbook(_ id: String, selects: Condition?) -> Runbook {
        let done = Node(id: "done", title: "Done", diagnosis: Diagnosis(cause: "x", summary: .empty, explanation: .empty, fix: []))
        return Runbook(
            id: id, title: id, summary: "", inputs: [], start: "done", nodes: [done],
            selection: selects.map { Runbook.Selection(condition: $0) })
    }

    static let runbooks = [
        runbook("crash", selects: .oneOf(fact: "container_waiting_reasons", values: ["CrashLoopBackOff", "CreateContainerConfigError"])),
        runbook("pull", selects: .equals(fact: "failing_now", value: "true")),
        runbook("unselected", selects: nil),
    ]

    static let crashing =
        #"{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 40s restarting failed container=app pod=api-5f7b9c6d48-qq2lm_shop(1d0c)"}}"#
    static let oomKilled = #"{"terminated":{"reason":"OOMKilled","exitCode":137,"startedAt":"2025-02-11T09:20:03Z","finishedAt":"2025-02-11T09:20:45Z"}}"#

    static func pod(state: String, lastState: String = "{}", phase: String = "Running", ready: String = "False") -> String {
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"api-5f7b9c6d48-qq2lm","namespace":"shop"},
        "spec":{"restartPolicy":"Always","containers":[{"name":"app","image":"ghcr.io/acme/api:3.1","resources":{"limits":{"memory":"256Mi"}}}]},
        "status":{"phase":"\(phase)","conditions":[{"type":"Ready","status":"\(ready)"}],"containerStatuses":[
        {"name":"app","image":"ghcr.io/acme/api:3.1","restartCount":4,"ready":false,"state":\(state),"lastState":\(lastState)}]}}
        """
    }

    let selector = RunbookSelector(runbooks: Self.runbooks)

    @Test func aCrashLoopSelectsTheRunbookThatSaysSo() throws {
        let choice = try #require(selector.choose(podJSON: Self.pod(state: Self.crashing, lastState: Self.oomKilled)))
        #expect(choice.runbooks.map(\.id) == ["crash"])
        #expect(choice.state == "Running; app: waiting CrashLoopBackOff, last OOMKilled (exit 137), 4 restarts")
        #expect(!choice.isHealthy)
        #expect(choice.facts["last_reason"]?.value == "OOMKilled")
    }

    @Test func aPullFailureSelectsThePullRunbook() throws {
        let choice = try #require(selector.choose(podJSON: Self.pod(state: #"{"waiting":{"reason":"ImagePullBackOff"}}"#, phase: "Pending")))
        #expect(choice.runbooks.map(\.id) == ["pull"])
    }

    @Test func aStateNoRunbookCoversIsDescribed() throws {
        let stuck = try #require(selector.choose(podJSON: Self.pod(state: #"{"waiting":{"reason":"ContainerCreating"}}"#, phase: "Pending")))
        #expect(stuck.runbooks.isEmpty && !stuck.isHealthy)
        #expect(stuck.state == "Pending; app: waiting ContainerCreating, 4 restarts")
        let healthy = try #require(selector.choose(podJSON: Self.pod(state: #"{"running":{"startedAt":"2025-02-11T09:20:03Z"}}"#, ready: "True")))
        #expect(healthy.runbooks.isEmpty)
        #expect(healthy.state == "Running; app: running, 4 restarts")
        #expect(healthy.isHealthy)
        #expect(RunbookSelector.nextCommand(pod: "api", namespace: "shop").arguments == ["kubectl", "describe", "pod", "api", "--namespace", "shop"])
    }

    /// A pod the kubelet ended itself says why, in the kubelet's words, and that reason is a fact
    /// a runbook's `selects:` can tell apart from a program that failed.
    @Test func aPodTheKubeletEndedSaysWhy() throws {
        let text = Self.pod(state: Self.oomKilled, phase: "Failed").replacingOccurrences(
            of: #""phase":"Failed","#, with: #""phase":"Failed","reason":"Evicted","message":"The node was low on resource: memory.","#)
        let evicted = try #require(selector.choose(podJSON: text))
        #expect(evicted.state == "Failed: Evicted: The node was low on resource: memory.; app: terminated OOMKilled (exit 137), 4 restarts")
        #expect(evicted.facts["pod_reason"]?.value == "Evicted")
        let failed = try #require(selector.choose(podJSON: Self.pod(state: Self.oomKilled, phase: "Failed")))
        #expect(failed.state == "Failed; app: terminated OOMKilled (exit 137), 4 restarts")
        #expect(failed.facts["pod_reason"] == nil)
    }

    @Test func aRunningContainerThatKeepsRestartingIsNotHealthy() throws {
        let between = try #require(selector.choose(podJSON: Self.pod(state: #"{"running":{"startedAt":"2025-02-11T09:20:03Z"}}"#, lastState: Self.oomKilled)))
        #expect(!between.isHealthy)
        #expect(between.state == "Running; app: running, last OOMKilled (exit 137), 4 restarts")
    }

    @Test func everyPodOfAListIsChosenFor() throws {
        let list =
            #"{"kind":"PodList","apiVersion":"v1","items":["# + Self.pod(state: Self.crashing).replacingOccurrences(of: #""kind":"Pod","#, with: "") + "]}"
        let choices = try selector.choose(podListJSON: list)
        #expect(choices.map(\.pod) == ["api-5f7b9c6d48-qq2lm"])
        #expect(choices.first?.runbooks.map(\.id) == ["crash"])
        #expect(throws: (any Error).self) { try selector.choose(podListJSON: #"{"kind":"Node"}"#) }
    }

    @Test func controlsInAReasonAreShownNotObeyed() throws {
        let choice = try #require(selector.choose(podJSON: Self.pod(state: #"{"waiting":{"reason":"Crash\u001b[2JLoop"}}"#)))
        #expect(!choice.state.contains("\u{1B}"))
    }

    /// With the session's `container` input, the troubled container's facts are that
    /// container's; a named container that runs well is no problem, whatever the others do.
    @Test func theNamedContainerIsTheOneRead() throws {
        let pod = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"api-0","namespace":"shop"},
            "spec":{"containers":[{"name":"app","image":"app:1"},{"name":"proxy","image":"proxy:1"}]},
            "status":{"phase":"Running","containerStatuses":[
            {"name":"app","image":"app:1","restartCount":4,"state":\(Self.crashing),"lastState":\(Self.oomKilled)},
            {"name":"proxy","image":"proxy:1","restartCount":2,"state":{"waiting":{"reason":"CrashLoopBackOff"}},"lastState":{"terminated":{"reason":"Error","exitCode":1}}}]}}
            """
        let parser = PodParser()
        func facts(_ container: String?) -> Facts {
            parser.facts(from: CommandResult(stdout: pod), context: ParserContext(node: "pod", facts: container.map { ["container": Fact($0)] } ?? [:]))
        }
        #expect(facts(nil)["problem_container"]?.value == "app")
        #expect(facts(nil)["last_reason"]?.value == "OOMKilled")
        #expect(facts("proxy")["problem_container"]?.value == "proxy")
        #expect(facts("proxy")["last_exit_code"]?.value == "1")
        #expect(facts("nope")["problem_container"]?.value == "app")
    }
}
