import Foundation
import Testing
import TriageTestSupport

/// The CrashLoopBackOff runbook, live: the built `triage run --pod P` (no runbook id) with the
/// real kubectl against the API fixture reads the pod once, picks `crash-loop-backoff` by its
/// `selects:`, and reaches the right ending in `--no-input -o json`, reading the container's last
/// state, the pod's events and `kubectl logs --previous` as the API server serves them.
///
/// With `TRIAGE_RECORD_SCENARIOS=DIR` each run is also recorded into `DIR/ID.yaml` (the
/// `crash-*` scenarios of `Scenarios/`) and the test fails, so a recording run is never mistaken
/// for a passing one.
@Suite("Lab: CrashLoopBackOff, live", .serialized, .enabled(if: LabGate.runs, "the real-runtime lab's parts are missing"))
struct CrashLoopLiveTests {
    typealias Container = KubeObjects.Container
    typealias Termination = KubeObjects.Container.Termination

    static let image = "ghcr.io/acme/api:2.4.1"

    /// A pod whose container `api` keeps ending as `last` says, waiting in CrashLoopBackOff.
    static func crashing(_ last: Termination, restarts: Int = 5, _ change: (inout Container) -> Void = { _ in }) -> KubeObjects {
        var objects = KubeObjects(image: image, error: "unused")
        var container = Container(
            name: "api", image: image,
            state: .waiting(
                reason: "CrashLoopBackOff",
                message: "back-off 2m40s restarting failed container=api pod=\(objects.pod)_\(objects.namespace)(00000000-0000-4000-8000-000000000003)"))
        container.lastState = last
        container.restartCount = restarts
        container.previousLogs = "2026-12-03T04:10:02Z INFO starting api 2.4.1\n2026-12-03T04:10:02Z INFO listening on :8080\n"
        change(&container)
        objects.containers = [container]
        objects.events = KubeObjects.crashLoop(
            container: "api", image: image, pod: objects.pod, namespace: objects.namespace, node: objects.node, restarts: restarts)
        return objects
    }

    /// A pod whose container `api` the kubelet cannot create: waiting for `reason` with `message`.
    static func notCreated(_ reason: String, _ message: String, _ change: (inout KubeObjects) -> Void = { _ in }) -> KubeObjects {
        var objects = KubeObjects(image: image, error: "unused")
        objects.containers = [Container(name: "api", image: image, state: .waiting(reason: reason, message: message))]
        objects.events = [
            .init(
                "Normal", "Scheduled", "Successfully assigned \(objects.namespace)/\(objects.pod) to \(objects.node)", container: nil, first: 6, last: 6,
                count: 1),
            .init("Normal", "Pulled", "Container image \"\(image)\" already present on machine", container: "api", first: 6, last: 1, count: 28),
            .init("Warning", "Failed", "Error: \(message)", container: "api", first: 6, last: 1, count: 28),
        ]
        change(&objects)
        return objects
    }

    /// One incident: the objects, the scenario it records, and the ending it must reach.
    struct Incident: Sendable, CustomTestStringConvertible {
        var scenario: String
        var objects: KubeObjects
        var ending: String
        /// nil: `triage run --pod P` chooses the runbook by its `selects:`.
        var runbook: String?
        var testDescription: String { scenario }

        init(_ scenario: String, _ objects: KubeObjects, _ ending: String, runbook: String? = nil) {
            self.scenario = scenario
            self.objects = objects
            self.ending = ending
            self.runbook = runbook
        }
    }

    static let incidents: [Incident] = [
        Incident(
            "crash-oom-killed-at-limit",
            crashing(Termination(reason: "OOMKilled", exitCode: 137, ranSeconds: 95)) { $0.limits = ["memory": "256Mi", "cpu": "500m"] }, "oom-killed"),
        Incident("crash-oom-killed-no-limit", crashing(Termination(reason: "OOMKilled", exitCode: 137, ranSeconds: 300)), "oom-no-limit"),
        Incident("crash-sigkill-not-oom", crashing(Termination(reason: "Error", exitCode: 137, ranSeconds: 40)), "killed"),
        Incident(
            "crash-liveness-kills-slow-start",
            {
                var objects = crashing(Termination(reason: "Error", exitCode: 137, ranSeconds: 31)) { $0.livenessProbe = .init(path: "/healthz") }
                objects.events = KubeObjects.crashLoop(
                    container: "api", image: image, pod: objects.pod, namespace: objects.namespace, node: objects.node, restarts: 5,
                    extra: [
                        .init(
                            "Warning", "Unhealthy",
                            "Liveness probe failed: Get \"http://10.244.0.17:8080/healthz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
                            container: "api", first: 12, last: 2, count: 18),
                        .init("Normal", "Killing", "Container api failed liveness probe, will be restarted", container: "api", first: 11, last: 2, count: 6),
                    ])
                return objects
            }(), "liveness-kills"),
        Incident("crash-segfault", crashing(Termination(reason: "Error", exitCode: 139, ranSeconds: 3)), "segfault"),
        Incident(
            "crash-app-exits-database-refused",
            crashing(Termination(reason: "Error", exitCode: 1, ranSeconds: 2)) {
                $0.previousLogs =
                    "2026-12-03T04:10:02Z INFO starting api 2.4.1\n2026-12-03T04:10:04Z FATAL cannot connect to postgres.shop.svc:5432: dial tcp 10.96.14.2:5432: connect: connection refused\n"
            }, "app-error"),
        Incident(
            "crash-unknown-flag",
            crashing(Termination(reason: "Error", exitCode: 2, ranSeconds: 0)) {
                $0.args = ["--listen-addr=:8080"]
                $0.previousLogs =
                    "flag provided but not defined: -listen-addr\nUsage of /usr/local/bin/api:\n  -listen string\n    \taddress to listen on (default \":8080\")\n"
            }, "bad-args"),
        Incident(
            "crash-executable-not-found",
            crashing(
                Termination(
                    reason: "StartError", exitCode: 128,
                    message:
                        "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"api-server\": executable file not found in $PATH: unknown",
                    ranSeconds: 0)
            ) {
                $0.command = ["api-server"]
                $0.previousLogs = ""
            }, "command-not-found"),
        Incident(
            "crash-shell-command-not-found",
            crashing(Termination(reason: "Error", exitCode: 127, ranSeconds: 0)) {
                $0.command = ["/bin/sh", "-c", "/app/start-api"]
                $0.previousLogs = "/bin/sh: 1: /app/start-api: not found\n"
            }, "command-not-found"),
        Incident(
            "crash-script-not-executable",
            crashing(Termination(reason: "Error", exitCode: 126, ranSeconds: 0)) {
                $0.command = ["/bin/sh", "-c", "/app/entrypoint.sh"]
                $0.previousLogs = "/bin/sh: 1: /app/entrypoint.sh: Permission denied\n"
            }, "not-executable"),
        Incident(
            "crash-exec-format-amd64-on-arm64",
            {
                var objects = crashing(Termination(reason: "Error", exitCode: 1, ranSeconds: 0)) {
                    $0.previousLogs = "exec /usr/local/bin/api: exec format error\n"
                }
                objects.nodePlatform = (os: "linux", architecture: "arm64")
                return objects
            }(), "exec-format"),
        Incident(
            "crash-config-file-missing",
            crashing(Termination(reason: "Error", exitCode: 1, ranSeconds: 1)) {
                $0.previousLogs = "2026-12-03T04:10:02Z INFO starting api 2.4.1\nError: open /etc/api/config.yaml: no such file or directory\n"
            }, "missing-file"),
        Incident(
            "crash-completed-under-restart-always",
            crashing(Termination(reason: "Completed", exitCode: 0, ranSeconds: 4)) {
                $0.previousLogs = "migrations: 3 applied, database is up to date\n"
            }, "exits-when-done"),
        Incident(
            "crash-job-never-restarts",
            {
                var objects = KubeObjects(image: image, error: "unused")
                var container = Container(name: "api", image: image, state: .terminated(Termination(reason: "Error", exitCode: 1, ranSeconds: 7)))
                container.logs = "running migration 0042_add_order_index\nERROR: relation \"orders\" does not exist\n"
                objects.containers = [container]
                objects.restartPolicy = "Never"
                objects.events = Array(
                    KubeObjects.crashLoop(container: "api", image: image, pod: objects.pod, namespace: objects.namespace, node: objects.node, restarts: 0)
                        .dropLast())
                return objects
            }(), "app-error"),
        Incident("crash-configmap-missing", notCreated("CreateContainerConfigError", "configmap \"api-config\" not found"), "config-missing"),
        Incident(
            "crash-secret-key-missing", notCreated("CreateContainerConfigError", "couldn't find key DATABASE_URL in Secret shop/api-db"), "config-key-missing"),
        Incident(
            "crash-volume-configmap-missing",
            notCreated("ContainerCreating", "") { objects in
                objects.configMapVolumes = ["config": "api-config"]
                objects.events = [
                    .init(
                        "Normal", "Scheduled", "Successfully assigned \(objects.namespace)/\(objects.pod) to \(objects.node)", container: nil, first: 6,
                        last: 6, count: 1),
                    .init(
                        "Warning", "FailedMount", "MountVolume.SetUp failed for volume \"config\" : configmap \"api-config\" not found", container: nil,
                        first: 6, last: 1, count: 11),
                ]
            }, "volume-missing", runbook: "crash-loop-backoff"),
    ]

    @Test("the runbook chosen by selects: reaches its ending", arguments: incidents)
    func reachesItsEnding(_ incident: Incident) throws {
        let fixture = try KubeAPIFixture(objects: incident.objects)
        defer { fixture.close() }
        let directory = try LabDirectory("record")
        defer { directory.remove() }
        let recording = ProcessInfo.processInfo.environment["TRIAGE_RECORD_SCENARIOS"].map { "\($0)/\(incident.scenario).yaml" }
        let file = recording ?? directory.path("\(incident.scenario).yaml").path
        let (report, run) = try TriageSessions.live(incident.objects, fixture, runbook: incident.runbook, extra: ["--record", file])
        if let recording { Issue.record("recorded \(recording); run again without TRIAGE_RECORD_SCENARIOS") }
        #expect(report.json["runbook"] as? String == "crash-loop-backoff", "\(run.stdout)\n\(run.stderr)")
        #expect(report.ending == incident.ending, "\(run.stdout)\n\(run.stderr)")
        #expect(report.status == 0, "\(run.stderr)")
        if incident.runbook == nil { #expect(run.stderr.contains("Runbook: crash-loop-backoff"), "\(run.stderr)") }
        #expect(report.commands.allSatisfy { $0.first == "kubectl" }, "\(report.commands)")
        let fix = ((report.json["diagnosis"] as? [String: Any])?["fix"] as? [[String: Any]]) ?? []
        let commands = fix.compactMap { $0["command"] as? [String] }
        #expect(commands.allSatisfy { !$0.joined(separator: " ").contains("(not known)") }, "\(commands)")
        #expect(commands.allSatisfy { !$0.contains("web") || $0.contains("deployment/web") || $0.contains("--namespace") }, "\(commands)")
        let replay = try TriageBinary.run(["replay", file, "--no-input", "-o", "json"])
        #expect(replay.status == 0, "the recording replays to its ending: \(replay.stdout)\(replay.stderr)")
    }

    @Test func aChangeToTheWorkloadIsFollowedByItsRollout() throws {
        let objects = Self.incidents[0].objects
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let (report, run) = try TriageSessions.live(objects, fixture, runbook: nil)
        let fix = ((report.json["diagnosis"] as? [String: Any])?["fix"] as? [[String: Any]]) ?? []
        let commands = fix.compactMap { $0["command"] as? [String] }
        #expect(
            commands.contains(["kubectl", "set", "resources", "deployment/web", "--namespace", "shop", "--containers=api", "--limits=memory=512Mi"]),
            "\(run.stdout)")
        #expect(commands.contains(["kubectl", "rollout", "status", "deployment/web", "--namespace", "shop", "--timeout=5m"]), "\(commands)")
    }

    @Test func aPodInAStateNoRunbookCoversIsDescribedWithTheNextCommand() throws {
        let objects = Self.notCreated("ContainerCreating", "")
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let home = try LabDirectory("triage-home")
        defer { home.remove() }
        let arguments = TriageSessions.arguments(objects, fixture, runbook: nil) + ["--no-input"]
        let run = try TriageBinary.run(arguments, environment: ["HOME": home.url.path], timeout: 90)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Pod \(objects.pod) in namespace shop: Pending; api: waiting ContainerCreating."), "\(run.stdout)")
        #expect(run.stdout.contains("Read next: kubectl describe pod \(objects.pod) --namespace shop"), "\(run.stdout)")
        var healthy = objects
        healthy.containers = [Container(name: "api", image: Self.image, state: .running(minutesAgo: 30))]
        let running = try KubeAPIFixture(objects: healthy)
        defer { running.close() }
        let fine = try TriageBinary.run(
            TriageSessions.arguments(healthy, running, runbook: nil) + ["--no-input", "-o", "json"],
            environment: ["HOME": home.url.path], timeout: 90)
        #expect(fine.status == 1, "\(fine.stdout)\(fine.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(fine.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(json["state"] as? String == "Running; api: running", "\(fine.stdout)")
        #expect(json["next"] as? [String] == ["kubectl", "describe", "pod", objects.pod, "--namespace", "shop"])
    }

    @Test func aPullFailureStillChoosesThePullRunbook() throws {
        let objects = SilentEventsLiveTests.expired("registry.internal.example:5000/lab/app:1.1")
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let (report, run) = try TriageSessions.live(objects, fixture, runbook: nil)
        #expect(report.json["runbook"] as? String == "image-pull-backoff", "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("Runbook: image-pull-backoff"), "\(run.stderr)")
    }
}
