import Testing
import TriageDiagnosis
import TriageKubernetes
import TriageScan
import TriageTestSupport

/// The streaming reader: fields, escapes, structure, chunk boundaries and bad input.
struct PodListReaderTests {
    @Test func readsFailingContainersAndCountsEveryPod() throws {
        let (summary, pods) = try Fixtures.read(Fixtures.mixed)
        #expect(summary.pods == 6)
        #expect(pods.map(\.name) == ["web-7d9f8c6b5-aaaaa", "web-7d9f8c6b5-bbbbb", "api-0", "report-28900000-xyz12", "no-status"])
        #expect(pods[4].failures.isEmpty, "a pod with no status does not run as declared, but no container of it fails")
        let web = pods[0]
        #expect(web.namespace == "shop")
        #expect(web.node == "node-1")
        #expect(web.templateHash == "7d9f8c6b5")
        #expect(web.owners == [OwnerReference(kind: "ReplicaSet", name: "web-7d9f8c6b5", controller: true)])
        #expect(
            web.failures == [
                ContainerFailure(
                    name: "web", image: "nginx:1.99", reason: "ImagePullBackOff",
                    message:
                        #"Back-off pulling image "nginx:1.99": ErrImagePull: failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found"#,
                    restartCount: 3)
            ])
        #expect(pods[3].failures.first?.kind == .initContainer)
        #expect(pods[2].failures.first?.message.contains("pull\u{26}service=x") == true)
    }

    @Test func theStreamAndTheWholeModelAgreeOnWhatFails() throws {
        let ephemeral = """
            {"kind": "Pod", "metadata": {"name": "dbg", "namespace": "ops"}, "spec": {"nodeName": ""}, "status": {
            "ephemeralContainerStatuses": [{"name": "debugger", "image": "busybox:1.37", "state": {"waiting": {"reason": "ErrImagePull", "message": "429 Too Many Requests"}}}],
            "containerStatuses": [{"name": "app", "image": "app:1", "state": {"waiting": {"reason": "ImagePullBackOff"}}}],
            "initContainerStatuses": [{"name": "setup", "image": "setup:1", "state": {"waiting": {"reason": "RegistryUnavailable"}}}]}}
            """
        for text in [Fixtures.mixed, Fixtures.list([ephemeral])] {
            let streamed = try Fixtures.read(text, pieceSize: 7).pods
            #expect(try FailingPod.list(in: text) == streamed)
        }
        let pod = try #require(try Fixtures.read(Fixtures.list([ephemeral])).pods.first)
        #expect(pod.failures.map { "\($0.kind.rawValue):\($0.name)" } == ["init:setup", "regular:app", "ephemeral:debugger"])
        #expect(pod.node == nil && pod.namespace == "ops")
    }

    @Test func decodesEveryEscape() throws {
        let message = #"quote \" backslash \\ slash \/ controls \b\f\n\r\t e-acute \u00e9 rocket \ud83d\ude80 lone \ud800 end"#
        let text = Fixtures.list([Fixtures.pod(#"we\u0062"#, containers: [Fixtures.status("a", image: "x:1", reason: "ErrImagePull", message: message)])])
        let pod = try #require(try Fixtures.read(text).pods.first)
        #expect(pod.name == "web")
        #expect(pod.failures[0].message == "quote \" backslash \\ slash / controls \u{8}\u{C}\n\r\t e-acute é rocket 🚀 lone \u{FFFD} end")
    }

    /// Every waiting reason but a normal start fails: the pull reasons, the start failures, and
    /// one the kubelet may add (or misspell) tomorrow.
    @Test func everyReasonButANormalStartFails() throws {
        let reasons = [
            "ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "ImageInspectError", "RegistryUnavailable",
            "CrashLoopBackOff", "ContainerCreating", "ImagePullBackOf",
        ]
        let text = Fixtures.list([Fixtures.pod("p", containers: reasons.enumerated().map { Fixtures.status("c\($0.offset)", image: "x", reason: $0.element) })])
        let pod = try #require(try Fixtures.read(text).pods.first)
        #expect(pod.failures.map(\.reason) == reasons.filter { $0 != "ContainerCreating" })
        #expect(Set(reasons.prefix(6)) == PullWaitingReason.names)
    }

    /// A container that keeps ending is read with its restarts and how its last run ended, as
    /// the whole model reads it, and lands among the restarting containers of the report, not in
    /// a pull group.
    @Test func aCrashLoopIsReadWithItsLastState() throws {
        let crashing =
            #"{"image": "ghcr.io/acme/api:2.4.1", "name": "api", "restartCount": 12, "lastState": {"terminated": {"reason": "OOMKilled", "exitCode": 137, "startedAt": "2026-12-03T04:00:00Z"}}, "state": {"waiting": {"reason": "CrashLoopBackOff", "message": "back-off 5m0s restarting failed container=api pod=api-0_shop(1)"}}}"#
        let text = Fixtures.list([
            Fixtures.pod("api-0", containers: [crashing]),
            Fixtures.pod("web-1", containers: [Fixtures.status("web", image: "nginx:1.99", reason: "ErrImagePull")]),
        ])
        let streamed = try Fixtures.read(text, pieceSize: 5).pods
        #expect(try FailingPod.list(in: text) == streamed)
        let failure = try #require(streamed.first?.failures.first)
        #expect(failure.restartCount == 12 && failure.lastReason == "OOMKilled" && failure.lastExitCode == 137)
        #expect(failure.lastState == "OOMKilled (exit 137)")
        var scan = PodScan()
        for pod in streamed { scan.add(pod) }
        let report = scan.report()
        #expect(report.failing == 1 && report.groups.count == 1)
        #expect(
            report.restarting.map { "\($0.number) \($0.pod) \($0.container) \($0.reason) \($0.lastState ?? "-") \($0.restarts ?? -1)" } == [
                "2 api-0 api CrashLoopBackOff OOMKilled (exit 137) 12"
            ])
        let rendered = ScanText(width: nil).render(report)
        #expect(rendered.contains("Containers that cannot start or keep running (1):"), "\(rendered)")
        #expect(rendered.contains("OOMKilled (exit 137)"), "\(rendered)")
    }

    /// A container that ended and is not started again (restartPolicy Never, or OnFailure
    /// given up) fails when its exit code is not 0, init containers too; one that completed does
    /// not, and a pod that succeeded runs as declared. The stream reads them as the model does.
    @Test func aContainerThatEndedForGoodFailsUnlessItCompleted() throws {
        let notFound = #"failed to create containerd task: exec: \"migrate\": executable file not found in $PATH"#
        let text = Fixtures.list([
            Fixtures.pod(
                "migrate-x7k2p", owner: ("Job", "migrate"),
                containers: [Fixtures.ended("migrate", image: "app:1", reason: "StartError", exitCode: 128, message: notFound)],
                phase: "Failed"),
            Fixtures.pod("oneshot", containers: [Fixtures.ended("work", image: "app:1", reason: "OOMKilled", exitCode: 137)], phase: "Failed"),
            Fixtures.pod(
                "setup-failed", containers: [Fixtures.status("app", image: "app:1", reason: "PodInitializing")],
                initContainers: [Fixtures.ended("setup", image: "setup:1", reason: "Error", exitCode: 1)], phase: "Failed"),
            Fixtures.pod("done", containers: [Fixtures.ended("work", image: "app:1", reason: "Completed", exitCode: 0)], phase: "Succeeded"),
        ])
        let streamed = try Fixtures.read(text, pieceSize: 3).pods
        #expect(try FailingPod.list(in: text) == streamed)
        #expect(
            streamed.flatMap { pod in pod.failures.map { "\(pod.name) \($0.kind.rawValue):\($0.name) \($0.reason) \($0.lastState ?? "-") \($0.message)" } } == [
                "migrate-x7k2p regular:migrate Terminated StartError (exit 128) \(notFound.replacingOccurrences(of: #"\""#, with: "\""))",
                "oneshot regular:work Terminated OOMKilled (exit 137) ",
                "setup-failed init:setup Terminated Error (exit 1) ",
            ])
    }

    /// The stream passes a pod as running only when the whole model does: it succeeded, or it is
    /// ready with every container running and none restarted after an end. Any other pod is
    /// handed over, failing containers or not, so a runbook's `selects:` can read it.
    @Test func theStreamPassesOnlyPodsTheModelSaysRunAsDeclared() throws {
        let restarted =
            #"{"image": "app:1", "name": "app", "ready": true, "restartCount": 2, "lastState": {"terminated": {"reason": "OOMKilled", "exitCode": 137}}, "state": {"running": {"startedAt": "2026-12-03T04:00:00Z"}}}"#
        let creating = Fixtures.status("app", image: "app:1", reason: "ContainerCreating")
        let pods = [
            ("running", Fixtures.pod("running", containers: [Fixtures.status("app", image: "app:1")]), true),
            (
                "succeeded",
                Fixtures.pod("succeeded", containers: [Fixtures.ended("app", image: "app:1", reason: "Completed", exitCode: 0)], phase: "Succeeded"), true
            ),
            ("restarted", Fixtures.pod("restarted", containers: [restarted], phase: "Running"), false),
            ("creating", Fixtures.pod("creating", containers: [creating]), false),
            ("unscheduled", Fixtures.pod("unscheduled", node: nil), false),
            ("failed", Fixtures.pod("failed", containers: [Fixtures.status("app", image: "app:1")], phase: "Failed"), false),
        ]
        for (name, pod, runs) in pods {
            let text = Fixtures.list([pod])
            let model = try #require(try Pod.decodeList(text).first)
            #expect(model.runsAsDeclared == runs, "\(name)")
            #expect(try Fixtures.read(text).pods.map(\.name) == (runs ? [] : [name]), "\(name)")
            #expect(try FailingPod.list(in: text) == Fixtures.read(text).pods, "\(name)")
        }
    }

    @Test func unknownFieldsNestingAndOtherKindsAreSkipped() throws {
        let odd =
            #"{"kind": "Event", "metadata": {"name": "e"}, "status": {"containerStatuses": [{"name": "x", "image": "y", "state": {"waiting": {"reason": "ErrImagePull"}}}]}}"#
        let nested =
            #"{"kind": "Pod", "extra": [[[{"a": [1, -2.5e-3, true, false, null, "s", {}]}]], []], "metadata": {"name": "n", "namespace": "ns", "ownerReferences": "not-an-array"}, "spec": 42, "status": {"containerStatuses": [7, {"name": "c", "image": "i", "state": {"waiting": {"reason": "ErrImagePull", "message": null}}}]}}"#
        let (summary, pods) = try Fixtures.read(#"{"metadata": {"a": {"b": [1, 2]}}, "items": [\#(odd), \#(nested), 3], "kind": "List", "zzz": null}"#)
        #expect(summary.pods == 1)
        #expect(pods.count == 1)
        #expect(pods[0].name == "n")
        #expect(pods[0].owners.isEmpty)
        #expect(pods[0].failures.map(\.message) == [""])
    }

    @Test func emptyListsPodsWithoutStatusAndNullItems() throws {
        #expect(try Fixtures.read(#"{"apiVersion": "v1", "items": [], "kind": "List"}"#).summary.pods == 0)
        #expect(try Fixtures.read(#"{"items": null}"#).summary.pods == 0)
        #expect(try Fixtures.read("\u{FEFF}" + #"{"items":[]}"#).summary.pods == 0)
        let bare = try Fixtures.read(Fixtures.list([Fixtures.pod("a", withStatus: false), Fixtures.pod("b", containers: [])]))
        #expect(bare.summary.pods == 2)
        #expect(bare.pods.map(\.name) == ["a", "b"] && bare.pods.allSatisfy(\.failures.isEmpty), "neither runs, neither has a failing container")
    }

    @Test func everySplitPointGivesTheSameResult() throws {
        let text = Fixtures.mixed
        let whole = try Fixtures.read(text)
        for piece in [1, 2, 3, 5, 7, 64] {
            let pieces = try Fixtures.read(text, pieceSize: piece, chunkSize: max(piece, 16))
            #expect(pieces.pods == whole.pods, "pieces of \(piece)")
            #expect(pieces.summary.pods == whole.summary.pods)
        }
        // Two pieces, cut at every byte: inside strings, escapes, \u sequences, numbers and literals.
        let bytes = Array(text.utf8)
        for cut in 1..<bytes.count {
            var source = TwoPieces(bytes: bytes, cut: cut)
            var pods: [FailingPod] = []
            _ = try PodListReader(chunkSize: 4096).read(from: &source) { pods.append($0) }
            #expect(pods == whole.pods, "cut at \(cut)")
        }
    }

    @Test func hugeMessagesAreKeptWhole() throws {
        let message = String(repeating: #"x\"y\\z "#, count: 200_000)
        let text = Fixtures.list([Fixtures.pod("big", containers: [Fixtures.status("c", image: "i", reason: "ErrImagePull", message: message)])])
        let pods = try Fixtures.read(text, pieceSize: 65_536, chunkSize: 65_536).pods
        #expect(pods.first?.failures.first?.message.count == 200_000 * 6)
    }

    @Test func truncatedInputSaysWhereItEnds() throws {
        let bytes = Array(Fixtures.mixed.utf8)
        for length in stride(from: 0, to: bytes.count - 2, by: 7) {
            let prefix = String(decoding: bytes[..<length], as: UTF8.self)
            #expect(throws: ScanError.self) { try Fixtures.read(prefix, pieceSize: 13) }
        }
        #expect(throws: ScanError.truncatedJSON(offset: 12)) { try Fixtures.read(#"{"items": [{"#) }
        #expect(throws: ScanError.truncatedJSON(offset: 16)) { try Fixtures.read(#"{"items": [{"a":"#) }
        #expect(throws: ScanError.truncatedJSON(offset: 13)) { try Fixtures.read(#"{"items": [12"#) }
    }

    @Test func malformedInputGivesTheByteOffset() throws {
        #expect(throws: ScanError.malformedJSON(offset: 25, problem: "invalid literal: expected true")) {
            try Fixtures.read(#"{"items": [{"a": 1, "b": tru }]}"#)
        }
        #expect(throws: ScanError.malformedJSON(offset: 18, problem: "expected ',' or '}' after an object member, found '\"'")) {
            try Fixtures.read(#"{"items": [{"a":1 "b": 2}]}"#)
        }
        #expect(throws: ScanError.malformedJSON(offset: 18, problem: #"invalid escape \'x'"#)) {
            try Fixtures.read(#"{"items": [{"a": "\x"}]}"#)
        }
        #expect(throws: ScanError.malformedJSON(offset: 17, problem: "invalid number: expected a digit after '.'")) {
            try Fixtures.read(#"{"items": [{"a": 1.}]}"#)
        }
        #expect(throws: ScanError.malformedJSON(offset: 14, problem: "unexpected data after the end of the document")) {
            try Fixtures.read(#"{"items": []} x"#)
        }
        #expect(throws: ScanError.malformedJSON(offset: 0, problem: "expected a JSON object (the List that `kubectl get pods -o json` prints), found '['")) {
            try Fixtures.read("[]")
        }
        #expect(throws: ScanError.malformedJSON(offset: 2, problem: "the input is empty")) { try Fixtures.read("  ") }
        #expect(throws: ScanError.notAPodList("it is a Pod, not a List")) { try Fixtures.read(#"{"kind": "Pod", "metadata": {}}"#) }
        let deep = #"{"items": ["# + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "]}"
        #expect(throws: ScanError.malformedJSON(offset: 523, problem: "nesting deeper than 512 levels")) { try Fixtures.read(deep) }
    }

    @Test func randomDamageNeverCrashes() {
        var generator = SplitMix(seed: 42)
        let original = Array(Fixtures.mixed.utf8)
        let alphabet = Array(#"{}[]:,"\ u0aZ-.e"#.utf8) + [0, 0xFF, 0xC3]
        for _ in 0..<1500 {
            var bytes = original
            for _ in 0..<Int(generator.next() % 4 + 1) {
                let index = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[index] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: index)
                default: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: index)
                }
            }
            if generator.next() % 4 == 0 { bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count)))) }
            var source = MemorySource(bytes, pieceSize: Int(generator.next() % 97 + 1))
            _ = try? PodListReader(chunkSize: 128).read(from: &source) { _ in }
        }
    }
}

/// Serves bytes in exactly two reads, split at `cut`.
struct TwoPieces: ByteSource {
    let bytes: [UInt8]
    let cut: Int
    var offset = 0

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScanError) -> Int {
        let end = offset < cut ? cut : bytes.count
        let count = min(buffer.count, end - offset)
        guard count > 0 else { return 0 }
        for index in 0..<count { buffer[index] = bytes[offset + index] }
        offset += count
        return count
    }
}
