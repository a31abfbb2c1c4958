import Foundation
import Testing
import TriageTestSupport

/// `triage scan --from` on a small generated dump, run as the built binary.
struct ScanCommandTests {
    /// A `kubectl get pods -A -o json` dump: `count` pods of one Deployment, every third one
    /// failing to pull a missing tag, plus one StatefulSet pod whose registry refuses credentials.
    static func dump(count: Int) -> String {
        func pod(_ index: Int) -> String {
            let failing = index % 3 == 0
            let state =
                failing
                ? #"{"waiting": {"message": "Back-off pulling image \"nginx:9.9\": ErrImagePull: failed to pull and unpack image \"docker.io/library/nginx:9.9\": failed to resolve reference \"docker.io/library/nginx:9.9\": docker.io/library/nginx:9.9: not found", "reason": "ImagePullBackOff"}}"#
                : #"{"running": {"startedAt": "2025-01-01T00:00:00Z"}}"#
            return
                #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"labels": {"pod-template-hash": "5d8f7c9b4"}, "name": "web-5d8f7c9b4-p\#(index)", "namespace": "shop", "ownerReferences": [{"apiVersion": "apps/v1", "controller": true, "kind": "ReplicaSet", "name": "web-5d8f7c9b4", "uid": "1"}]}, "spec": {"containers": [{"image": "nginx:9.9", "name": "web"}], "nodeName": "node-\#(index % 2)"}, "status": {"containerStatuses": [{"image": "nginx:9.9", "name": "web", "ready": false, "restartCount": 0, "state": \#(state)}], "phase": "Pending"}}"#
        }
        let db =
            #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "db-0", "namespace": "data", "ownerReferences": [{"controller": true, "kind": "StatefulSet", "name": "db"}]}, "spec": {"nodeName": "node-1"}, "status": {"containerStatuses": [{"image": "registry.corp.example.com/data/db:2.0", "name": "db", "state": {"waiting": {"message": "failed to pull and unpack image \"registry.corp.example.com/data/db:2.0\": failed to resolve reference \"registry.corp.example.com/data/db:2.0\": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://registry.corp.example.com/token: 401 Unauthorized", "reason": "ErrImagePull"}}}]}}"#
        return #"{"apiVersion": "v1", "items": ["# + ((0..<count).map(pod) + [db]).joined(separator: ",\n")
            + #"], "kind": "List", "metadata": {"resourceVersion": ""}}"#
    }

    /// A one-node runbook `id` that `selects:` pods as `selects` says.
    static func runbook(_ id: String, selects: String) -> String {
        """
        id: \(id)
        title: \(id)
        selects: \(selects)
        inputs:
          pod: {format: dns-1123-subdomain}
          namespace: {format: dns-1123-label, default: default}
        start: done
        nodes:
          done:
            title: Done
            diagnosis:
              cause: \(id)
              summary: "{{pod}} in {{namespace}}"
              fix: [Read the pod.]
        """
    }

    func withDump<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID().uuidString).json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(file.path)
    }

    @Test func jsonFromADump() throws {
        let run = try withDump(Self.dump(count: 30)) { try TriageBinary.run(["scan", "--from", $0, "-o", "json"]) }
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty, "no progress output off a terminal")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["total_pods"] as? Int == 31)
        #expect(object["failing"] as? Int == 11)
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.map { $0["cause"] as? String } == ["image-not-found", "auth"])
        #expect(groups.map { $0["count"] as? Int } == [10, 1])
        #expect(groups[0]["registry"] as? String == "docker.io")
        #expect(groups[0]["image"] as? String == "docker.io/library/nginx:9.9")
        #expect((groups[0]["fix"] as? String)?.isEmpty == false)
        let workloads = try #require(groups[0]["workloads"] as? [[String: Any]])
        #expect(workloads.first?["kind"] as? String == "Deployment")
        #expect(workloads.first?["name"] as? String == "web")
        let pods = try #require(groups[0]["pods"] as? [[String: Any]])
        #expect(pods.count == 10)
        #expect(
            pods.allSatisfy {
                $0["namespace"] as? String == "shop" && $0["container"] as? String == "web" && ($0["node"] as? String)?.hasPrefix("node-") == true
            })
        #expect((groups[1]["workloads"] as? [[String: Any]])?.first?["kind"] as? String == "StatefulSet")
    }

    /// A crash-looping pod is listed after the pull groups with how it ended last and the
    /// runbook whose `selects:` holds for it, and counts as something found.
    @Test func aCrashLoopIsListedWithItsLastStateAndRunbook() throws {
        let api =
            #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "api-0", "namespace": "shop"}, "spec": {"containers": [{"name": "api", "image": "ghcr.io/acme/api:2.4.1"}], "nodeName": "node-1"}, "status": {"containerStatuses": [{"image": "ghcr.io/acme/api:2.4.1", "name": "api", "restartCount": 9, "lastState": {"terminated": {"reason": "OOMKilled", "exitCode": 137}}, "state": {"waiting": {"reason": "CrashLoopBackOff", "message": "back-off 5m0s restarting failed container=api pod=api-0_shop(1)"}}}], "phase": "Running"}}"#
        let dump = #"{"apiVersion": "v1", "kind": "List", "items": [\#(api)]}"#
        let json = try withDump(dump) { try TriageBinary.run(["scan", "--from", $0, "-o", "json"]) }
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entry = try #require((object["restarting"] as? [[String: Any]])?.first)
        #expect(entry["last_state"] as? String == "OOMKilled (exit 137)")
        #expect(entry["runbook"] as? String == "crash-loop-backoff")
        #expect(entry["number"] as? Int == 1)
        let text = try withDump(dump) { try TriageBinary.run(["scan", "--from", $0]) }
        #expect(text.stdout.contains("No image pull failures."), "\(text.stdout)")
        #expect(text.stdout.contains("CrashLoopBackOff  OOMKilled (exit 137)"), "\(text.stdout)")
        #expect(text.stdout.contains("crash-loop-backoff"), "\(text.stdout)")
    }

    /// A pod whose container ended and is not started again (a Job's pod whose command is not
    /// found, an OOM-killed one-shot pod, an init container that failed under restartPolicy
    /// Never) is listed as the crash-loop runbook's `selects:` chooses it, beside a container in
    /// back-off under restartPolicy OnFailure; a pod that succeeded, or runs, is not. A pod the
    /// kubelet ended itself (evicted, past its deadline) is listed, but no crash runbook is offered
    /// for it: its program did not fail.
    @Test func aContainerThatEndedForGoodIsListedWithTheRunbookThatSelectsIt() throws {
        func pod(
            _ name: String, policy: String, phase: String, containers: String, initContainers: String = "[]", owner: String = "", ended: String = ""
        ) -> String {
            #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "\#(name)", "namespace": "batch"\#(owner)}, "spec": {"restartPolicy": "\#(policy)", "initContainers": [{"name": "setup", "image": "busybox:1.37"}], "containers": [{"name": "work", "image": "ghcr.io/acme/work:1.0"}], "nodeName": "node-1"}, "status": {"phase": "\#(phase)"\#(ended), "conditions": [{"type": "Ready", "status": "\#(phase == "Running" ? "True" : "False")"}], "initContainerStatuses": \#(initContainers), "containerStatuses": \#(containers)}}"#
        }
        func ended(_ name: String, _ reason: String, _ code: Int, message: String = "") -> String {
            #"{"name": "\#(name)", "image": "ghcr.io/acme/work:1.0", "restartCount": 0, "ready": false, "state": {"terminated": {"reason": "\#(reason)", "exitCode": \#(code), "message": "\#(message)"}}}"#
        }
        let setupDone = "[" + ended("setup", "Completed", 0) + "]"
        let running =
            #"{"name": "work", "image": "ghcr.io/acme/work:1.0", "restartCount": 0, "ready": true, "state": {"running": {"startedAt": "2026-12-03T04:00:00Z"}}}"#
        let backOff =
            #"{"name": "work", "image": "ghcr.io/acme/work:1.0", "restartCount": 4, "ready": false, "lastState": {"terminated": {"reason": "Error", "exitCode": 2}}, "state": {"waiting": {"reason": "CrashLoopBackOff", "message": "back-off 1m20s restarting failed container=work"}}}"#
        let initializing =
            #"{"name": "work", "image": "ghcr.io/acme/work:1.0", "restartCount": 0, "ready": false, "state": {"waiting": {"reason": "PodInitializing"}}}"#
        let items = [
            pod(
                "migrate-x7k2p", policy: "Never", phase: "Failed",
                containers: "[" + ended("work", "StartError", 128, message: #"exec: \"migrate\": executable file not found in $PATH"#) + "]",
                initContainers: setupDone, owner: #", "ownerReferences": [{"kind": "Job", "name": "migrate", "controller": true}]"#),
            pod("oneshot", policy: "Never", phase: "Failed", containers: "[" + ended("work", "OOMKilled", 137) + "]", initContainers: setupDone),
            pod("retrying", policy: "OnFailure", phase: "Running", containers: "[" + backOff + "]", initContainers: setupDone),
            pod("setup-failed", policy: "Never", phase: "Failed", containers: "[" + initializing + "]", initContainers: "[" + ended("setup", "Error", 1) + "]"),
            pod("done", policy: "OnFailure", phase: "Succeeded", containers: "[" + ended("work", "Completed", 0) + "]", initContainers: setupDone),
            pod("serving", policy: "Always", phase: "Running", containers: "[" + running + "]", initContainers: setupDone),
            pod(
                "evicted", policy: "Always", phase: "Failed", containers: "[" + ended("work", "ContainerStatusUnknown", 137) + "]", initContainers: setupDone,
                ended: #", "reason": "Evicted", "message": "The node was low on resource: memory.""#),
            pod(
                "overdue", policy: "Never", phase: "Failed", containers: "[" + ended("work", "Error", 143) + "]", initContainers: setupDone,
                ended: #", "reason": "DeadlineExceeded", "message": "Pod was active on the node longer than the specified deadline""#),
        ]
        let dump = #"{"apiVersion": "v1", "kind": "List", "items": [\#(items.joined(separator: ","))]}"#
        let json = try withDump(dump) { try TriageBinary.run(["scan", "--from", $0, "-o", "json"]) }
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["total_pods"] as? Int == 8)
        let entries = try #require(object["restarting"] as? [[String: Any]], "\(json.stdout)")
        #expect(
            entries.map { "\($0["pod"] ?? "") \($0["container"] ?? "") \($0["reason"] ?? "") \($0["last_state"] ?? "-") \($0["runbook"] as? String ?? "-")" }
                == [
                    "evicted work Terminated ContainerStatusUnknown (exit 137) -",
                    "migrate-x7k2p work Terminated StartError (exit 128) crash-loop-backoff",
                    "oneshot work Terminated OOMKilled (exit 137) crash-loop-backoff",
                    "overdue work Terminated Error (exit 143) -",
                    "retrying work CrashLoopBackOff Error (exit 2) crash-loop-backoff",
                    "setup-failed setup Terminated Error (exit 1) crash-loop-backoff",
                ], "\(json.stdout)")
        #expect(entries.last?["init_container"] as? Bool == true, "\(entries)")
        let text = try withDump(dump) { try TriageBinary.run(["scan", "--from", $0, "-o", "wide"]) }
        #expect(text.status == 0)
        #expect(text.stdout.contains("Containers that cannot start or keep running (6):"), "\(text.stdout)")
        #expect(
            text.stdout.split(separator: "\n").contains { $0.contains("migrate-x7k2p") && $0.contains("Terminated") && $0.hasSuffix("crash-loop-backoff") },
            "\(text.stdout)")
    }

    /// Each restarting pod's runbook is chosen as `triage run --pod` chooses it, by every
    /// runbook's `selects:` over the whole pod reading: a team's runbook for OOM kills, or for a
    /// missing ConfigMap, found before the built-in one, wins in the scan too.
    @Test func eachPodGetsTheRunbookItsWholeReadingSelects() throws {
        func pod(_ name: String, state: String, last: String = "") -> String {
            #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "\#(name)", "namespace": "shop"}, "spec": {"containers": [{"name": "api", "image": "ghcr.io/acme/api:2.4.1"}], "nodeName": "node-1"}, "status": {"containerStatuses": [{"image": "ghcr.io/acme/api:2.4.1", "name": "api", "restartCount": 3, \#(last) "state": {"waiting": \#(state)}}], "phase": "Running"}}"#
        }
        let crash = #"{"reason": "CrashLoopBackOff", "message": "back-off 40s restarting failed container=api"}"#
        let items = [
            pod("oom-0", state: crash, last: #""lastState": {"terminated": {"reason": "OOMKilled", "exitCode": 137}},"#),
            pod("config-0", state: #"{"reason": "CreateContainerConfigError", "message": "configmap \"api-config\" not found"}"#),
            pod("error-0", state: crash, last: #""lastState": {"terminated": {"reason": "Error", "exitCode": 1}},"#),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scan-runbooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.runbook("oom-kill", selects: "{fact: last_reason, equals: OOMKilled}")
            .write(to: folder.appendingPathComponent("oom.yaml"), atomically: true, encoding: .utf8)
        try Self.runbook("missing-config", selects: "{fact: problem_waiting_reason, equals: CreateContainerConfigError}")
            .write(to: folder.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        try "id: half-written\n".write(to: folder.appendingPathComponent("half.yaml"), atomically: true, encoding: .utf8)
        let dump = #"{"apiVersion": "v1", "kind": "List", "items": [\#(items.joined(separator: ","))]}"#
        let json = try withDump(dump) { try TriageBinary.run(["scan", "--from", $0, "--runbooks", folder.path, "-o", "json"]) }
        #expect(json.status == 0, "stderr: \(json.stderr)")
        #expect(json.stderr.contains("half.yaml:1:1: error: ") && json.stderr.contains("(that file is not loaded)"), "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require(object["restarting"] as? [[String: Any]])
        let chosen = Dictionary(uniqueKeysWithValues: entries.compactMap { entry in (entry["pod"] as? String).map { ($0, entry["runbook"] as? String) } })
        #expect(chosen == ["oom-0": "oom-kill", "config-0": "missing-config", "error-0": "crash-loop-backoff"])
        let text = try withDump(dump) { try TriageBinary.run(["scan", "--from", $0, "--runbooks", folder.path, "-o", "wide"]) }
        #expect(text.stdout.split(separator: "\n").contains { $0.contains("oom-0") && $0.hasSuffix("oom-kill") }, "\(text.stdout)")
    }

    /// A pod a runbook selects although none of its containers fails (a team's runbook for pods
    /// stuck in Pending) is listed too: its containers that are not ready, or, before the kubelet
    /// reports any, its containers with the pod's phase.
    @Test func aPodARunbookSelectsWithNoFailingContainerIsListed() throws {
        let mounting =
            #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "mounting", "namespace": "shop"}, "spec": {"containers": [{"name": "app", "image": "app:1"}], "nodeName": "node-1"}, "status": {"phase": "Pending", "containerStatuses": [{"name": "app", "image": "app:1", "ready": false, "restartCount": 0, "state": {"waiting": {"reason": "ContainerCreating"}}}]}}"#
        let unscheduled =
            #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "unscheduled", "namespace": "shop"}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}, "status": {"phase": "Pending", "conditions": [{"type": "PodScheduled", "status": "False", "reason": "Unschedulable"}]}}"#
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scan-pending-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.runbook("stuck-pending", selects: "{fact: phase, equals: Pending}")
            .write(to: folder.appendingPathComponent("pending.yaml"), atomically: true, encoding: .utf8)
        let dump = #"{"apiVersion": "v1", "kind": "List", "items": [\#(mounting), \#(unscheduled)]}"#
        let json = try withDump(dump) { try TriageBinary.run(["scan", "--from", $0, "--runbooks", folder.path, "-o", "json"]) }
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = object["restarting"] as? [[String: Any]] ?? []
        #expect(
            entries.map { "\($0["pod"] ?? "") \($0["container"] ?? "") \($0["reason"] ?? "") \($0["runbook"] ?? "-")" } == [
                "mounting app ContainerCreating stuck-pending", "unscheduled app Pending stuck-pending",
            ], "\(json.stdout)")
        let plain = try withDump(dump) { try TriageBinary.run(["scan", "--from", $0, "-o", "json"]) }
        #expect(plain.status == 1, "no shipped runbook selects them, and no container fails: \(plain.stdout)")
    }

    /// Without kubectl, the scan says what it can do instead: read a saved dump (it has no
    /// --propose mode to send the user to), and it could not look.
    @Test func noKubectlSaysToScanADump() throws {
        let run = try TriageBinary.run(["scan", "-n", "shop"], environment: ["PATH": "/nonexistent"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("`kubectl` was not found on PATH") && run.stderr.contains("--from FILE"), "\(run.stderr)")
        #expect(!run.stderr.contains("--propose"), "\(run.stderr)")
    }

    @Test func textFromStandardInput() throws {
        let run = try TriageBinary.run(["scan", "--from", "-"], input: Self.dump(count: 6), environment: ["COLUMNS": "80"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Scanned 7 pods: 3 failing containers in 3 pods, 2 groups."))
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    /// An image, a workload and a namespace far longer than a terminal line.
    static let longDump = dump(count: 3)
        .replacingOccurrences(of: "registry.corp.example.com/data/db:2.0", with: longImage)
        .replacingOccurrences(of: #""name": "db""#, with: #""name": "postgres-operator-primary-database-for-the-orders-service""#)
        .replacingOccurrences(of: #""namespace": "data""#, with: #""namespace": "platform-data-services-production-eu-west-1""#)
    static let longImage = "registry.corp.example.com/platform/data-services/postgres-operator-primary:2024.11.05-rc1"

    @Test func aPipeGetsWholeValuesAndLines() throws {
        let run = try TriageBinary.run(["scan", "--from", "-"], input: Self.longDump)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains(Self.longImage))
        #expect(run.stdout.contains("statefulset/postgres-operator-primary-database-for-the-orders-service"))
        #expect(run.stdout.contains("platform-data-services-production-eu-west-1"))
        #expect(!run.stdout.contains("…"))
        #expect(run.stdout.split(separator: "\n").contains { $0.count > 160 }, "a table row is one whole line")
    }

    @Test func aTerminalWidthFitsTheTableAndWideShowsEverything() throws {
        let fitted = try TriageBinary.run(["scan", "--from", "-"], input: Self.longDump, environment: ["COLUMNS": "72"])
        #expect(fitted.stdout.split(separator: "\n").allSatisfy { $0.count <= 72 }, "\(fitted.stdout)")
        #expect(fitted.stdout.contains("…"))
        #expect(fitted.stdout.contains("2024.11.05-rc1"), "an image keeps its tag when cut")
        let wide = try TriageBinary.run(["scan", "--from", "-", "-o", "wide"], input: Self.longDump, environment: ["COLUMNS": "72"])
        #expect(wide.status == 0, "stderr: \(wide.stderr)")
        #expect(wide.stdout.contains(Self.longImage))
        #expect(wide.stdout.contains("platform-data-services-production-eu-west-1"))
        #expect(!wide.stdout.contains("…"))
    }

    @Test func malformedDumpsAndBadFlagsFail() throws {
        let truncated = try withDump(String(Self.dump(count: 3).prefix(500))) { try TriageBinary.run(["scan", "--from", $0]) }
        #expect(truncated.status == 2)
        #expect(truncated.stderr.contains("ends abruptly at byte 500"))
        let missing = try TriageBinary.run(["scan", "--from", "/nonexistent/pods.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read /nonexistent/pods.json"))
        let namespace = try TriageBinary.run(["scan", "-n", "Bad_Name"])
        #expect(namespace.status != 0)
        #expect(namespace.stderr.contains("DNS-1123"))
        let both = try TriageBinary.run(["scan", "-A", "-n", "shop"])
        #expect(both.stderr.contains("-A and -n cannot go together"))
        let context = try TriageBinary.run(["scan", "--context", "-x"])
        #expect(context.stderr.contains("--context"))
    }
}
