import Foundation
import Testing
import TriageTestSupport

/// When the events are gone or say nothing, the registry itself is asked from here before any
/// node step: live runs of the built `triage` with the real kubectl against the API fixture and a
/// real `docker-registry` on 127.0.0.1 (open, and behind htpasswd) must reach the registry's
/// answer in `--no-input -o json`, name the failing container, and show no secret.
///
/// With `TRIAGE_RECORD_SCENARIOS=DIR` each run is also recorded into `DIR/ID.yaml` (the
/// scenarios of `Scenarios/` that these paths replay) and the test fails, so a recording run is
/// never mistaken for a passing one.
@Suite("Lab: silent events, registry first", .serialized, .enabled(if: LabGate.runs, "the real-runtime lab's parts are missing"))
struct SilentEventsLiveTests {
    static let user = "lab-puller"
    static let password = "Planted-Pa55word-7f3c9a"

    /// A pod whose container `app` waits in ImagePullBackOff for `image` with the pull error gone:
    /// no waiting message (before Kubernetes 1.32) and only the back-off left in the events.
    static func expired(_ image: String) -> KubeObjects {
        var objects = KubeObjects(image: image, error: "unused")
        objects.containers = [.init(name: "app", image: image, state: .waiting(reason: "ImagePullBackOff", message: ""))]
        objects.events = KubeObjects.pullFailure(
            image: image, error: nil, container: "app", pod: objects.pod,
            namespace: objects.namespace, node: objects.node)
        return objects
    }

    /// Runs the session online; records it when asked to (and then fails).
    static func run(_ objects: KubeObjects, scenario: String) throws -> (TriageSessions.LiveReport, TriageBinary.Run, String) {
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let directory = try LabDirectory("record")
        defer { directory.remove() }
        let recording = ProcessInfo.processInfo.environment["TRIAGE_RECORD_SCENARIOS"].map { "\($0)/\(scenario).yaml" }
        let file = recording ?? directory.path("\(scenario).yaml").path
        let (report, run) = try TriageSessions.live(objects, fixture, online: true, extra: ["--record", file, "--anonymize"])
        let recorded = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        if let recording { Issue.record("recorded \(recording); run again without TRIAGE_RECORD_SCENARIOS") }
        return (report, run, recorded)
    }

    /// One registry-led incident: what the registry holds, what the pod asks for, where it must end.
    struct Incident: Sendable, CustomTestStringConvertible {
        var scenario: String
        var pushed: String
        var platforms: [OCIImageBuilder.Platform] = [.linuxAMD64]
        var wanted: String
        var credentials = false
        var ending: String
        var testDescription: String { scenario }
    }

    @Test(
        "events expired: the registry's answer from here decides, with no node step",
        arguments: [
            Incident(scenario: "events-expired-tag-missing", pushed: "lab/app:1.0", wanted: "lab/app:1.1", ending: "tag-missing"),
            Incident(scenario: "events-expired-repository-missing", pushed: "lab/app:1.0", wanted: "lab/gone:1.0", ending: "repository-missing"),
            Incident(
                scenario: "events-expired-wants-credentials", pushed: "lab/private:1.0", wanted: "lab/private:1.0", credentials: true, ending: "auth-no-secret"),
            Incident(
                scenario: "events-expired-platform-mismatch", pushed: "lab/armonly:1.0",
                platforms: [.linuxARM64, .init(os: "linux", architecture: "arm", variant: "v7")], wanted: "lab/armonly:1.0", ending: "platform-not-offered"),
        ])
    func registryLed(_ incident: Incident) throws {
        let registry = try RegistryFixture(credentials: incident.credentials ? (Self.user, Self.password) : nil)
        defer { registry.stop() }
        let pushed = incident.pushed.split(separator: ":").map(String.init)
        try registry.push(pushed[0], tag: pushed[1], platforms: incident.platforms)
        let (report, run, _) = try Self.run(Self.expired("\(registry.server.host)/\(incident.wanted)"), scenario: incident.scenario)
        #expect(report.ending == incident.ending, "\(run.stdout)\n\(run.stderr)")
        #expect(report.status == 0, "\(run.stderr)")
        #expect(report.commands.allSatisfy { $0.first == "kubectl" || $0.first == "triage" }, "a node step: \(report.commands)")
        #expect(report.commands.contains { $0.dropFirst().first == "registry-check" }, "\(report.commands)")
        let facts = report.json["facts"] as? [String: Any] ?? [:]
        #expect("\(facts["failing_container"] ?? "")".contains("app"), "the failing container: \(facts["failing_container"] ?? "none")")
        if incident.ending == "tag-missing" {
            let summary = (report.json["diagnosis"] as? [String: Any])?["summary"] as? String ?? ""
            #expect(summary.contains("1.0"), "the registry's own tags: \(summary)")
        }
    }

    /// The pod of `aPlantedRegistryPasswordAppearsNowhere`: a pull secret on its ServiceAccount
    /// for a registry behind htpasswd, holding a wrong password (so the pull is refused) in its
    /// `.dockerconfigjson` and in its last-applied annotation.
    static func plantedSecret(_ registry: RegistryFixture) throws -> (KubeObjects, planted: [String]) {
        try registry.push("lab/private", tag: "1.0")
        var objects = Self.expired("\(registry.server.host)/lab/private:1.0")
        let secret = KubeObjects.PullSecret(name: "regcred", registry: registry.server.host, user: Self.user, password: "Wr0ng-\(Self.password)")
        objects.secrets = [secret]
        objects.serviceAccountPullSecrets = ["regcred"]
        let planted = [
            secret.password, Data(secret.password.utf8).base64EncodedString(),
            Data("\(secret.user):\(secret.password)".utf8).base64EncodedString(),
            Data(secret.dockerConfigJSON.utf8).base64EncodedString(),
        ]
        return (objects, planted)
    }

    /// A pull secret whose planted password must appear nowhere in an unattended run: not on
    /// screen, not in the JSON, not in the recorded scenario, anonymized or not.
    @Test(arguments: [true, false])
    func aPlantedRegistryPasswordAppearsNowhere(anonymized: Bool) throws {
        let registry = try RegistryFixture(credentials: (Self.user, Self.password))
        defer { registry.stop() }
        let (objects, planted) = try Self.plantedSecret(registry)
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let directory = try LabDirectory("planted")
        defer { directory.remove() }
        let file = directory.path("recorded.yaml").path
        let (report, run) = try TriageSessions.live(objects, fixture, online: true, extra: ["--record", file] + (anonymized ? ["--anonymize"] : []))
        let recorded = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        #expect(report.ending == "auth", "\(run.stdout)\n\(run.stderr)")
        #expect(recorded.contains("check-secrets") || recorded.contains("get, secret"), "the secrets were read and recorded")
        for text in planted {
            #expect(!run.stdout.contains(text) && !run.stderr.contains(text), "a secret on screen or in the JSON")
            #expect(!recorded.contains(text), "a secret in the recorded scenario")
        }
    }

    /// The same pod in the REPL, in a real terminal with its history and a `--transcript`: the
    /// secrets are read, the diagnosis shown, `show`, `facts` and `why` print what was read, and a
    /// secret pasted at the prompt by mistake is refused; the password is on none of the screen,
    /// the transcript or the history.
    @Test(.timeLimit(.minutes(2)))
    func aPlantedRegistryPasswordAppearsNowhereInTheREPL() async throws {
        let registry = try RegistryFixture(credentials: (Self.user, Self.password))
        defer { registry.stop() }
        let (objects, planted) = try Self.plantedSecret(registry)
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let directory = try LabDirectory("planted-repl")
        defer { directory.remove() }
        let transcript = directory.path("session.md").path, state = directory.path("state")
        let command = [TriageBinary.url.path] + TriageSessions.arguments(objects, fixture, online: true) + ["--transcript", transcript]
        let terminal = try TmuxSession(command: command, environment: ["XDG_STATE_HOME": state.path])
        defer { terminal.close() }
        for node in ["describe", "events", "check-image", "registry-check", "service-account", "check-secrets", "auth"] {
            try await terminal.waitFor("\(node)] >", timeout: .seconds(30))
            if node == "auth" { break }
            try terminal.type("next")
            try terminal.sendKeys("Enter")
        }
        try await terminal.waitFor("Diagnosis: auth")
        for line in ["show", "facts", "why", planted[0], "quit"] {
            let prompts = try terminal.transcript().components(separatedBy: "auth] >").count - 1
            try terminal.type(line)
            try terminal.sendKeys("Enter")
            if line != "quit" { try await terminal.waitFor("auth] >", count: prompts + 1, timeout: .seconds(10)) }
        }
        _ = try await terminal.waitForExit()
        let screen = try terminal.transcript()
        let kept = (try? String(contentsOfFile: transcript, encoding: .utf8)) ?? ""
        let history = (try? String(contentsOfFile: state.appendingPathComponent("triage/history").path, encoding: .utf8)) ?? ""
        #expect(kept.contains("check-secrets") || kept.contains("get secret"), "the transcript has the secrets step")
        #expect(history.contains("facts"), "the history has the commands")
        for text in planted.dropFirst() {
            #expect(!screen.contains(text), "a secret on screen")
        }
        for text in planted {
            #expect(!kept.contains(text), "a secret in the transcript")
            #expect(!history.contains(text), "a secret in the history")
        }
    }
}

/// The pod's own status first: since Kubernetes 1.32 the waiting message carries the pull error
/// after the events are gone; a pod that runs now has recovered whatever its events say; events
/// about an image the spec no longer uses are history; and an init container or a sidecar can be
/// the one failing while the main container is fine.
@Suite("Lab: the pod's present state before its events", .serialized, .enabled(if: LabGate.runs, "the real-runtime lab's parts are missing"))
struct PresentStateLiveTests {
    static let image = "registry.internal.example:5000/lab/app:1.0"

    /// `image`'s pull error in the container's 1.32 waiting message, and only the back-off in the events.
    static func waitingMessage(_ error: String, image: String = image) -> KubeObjects {
        var objects = SilentEventsLiveTests.expired(image)
        objects.containers = [
            .init(
                name: "app", image: image,
                state: .waiting(reason: "ImagePullBackOff", message: "Back-off pulling image \"\(image)\": ErrImagePull: \(error)"))
        ]
        return objects
    }

    @Test(
        "a 1.32 waiting message names the cause when the events do not",
        arguments: [
            (
                "waiting-message-401",
                #"rpc error: code = Unknown desc = failed to pull and unpack image "\#(image)": failed to resolve reference "\#(image)": pulling from host registry.internal.example:5000 failed with status code [manifests 1.0]: 401 Unauthorized"#,
                "auth-no-secret"
            ),
            (
                "waiting-message-x509",
                #"rpc error: code = Unknown desc = failed to pull and unpack image "\#(image)": failed to resolve reference "\#(image)": failed to do request: Head "https://registry.internal.example:5000/v2/lab/app/manifests/1.0": tls: failed to verify certificate: x509: certificate signed by unknown authority"#,
                "tls"
            ),
            (
                "waiting-message-http-to-https",
                #"rpc error: code = Unknown desc = failed to pull and unpack image "\#(image)": failed to resolve reference "\#(image)": failed to do request: Head "https://registry.internal.example:5000/v2/lab/app/manifests/1.0": http: server gave HTTP response to HTTPS client"#,
                "tls"
            ),
        ])
    func waitingMessageNamesTheCause(scenario: String, error: String, ending: String) throws {
        let (report, run, _) = try SilentEventsLiveTests.run(Self.waitingMessage(error), scenario: scenario)
        #expect(report.ending == ending, "\(run.stdout)\n\(run.stderr)")
        #expect(report.commands.allSatisfy { $0.first == "kubectl" }, "\(report.commands)")
        let facts = report.json["facts"] as? [String: Any] ?? [:]
        #expect("\(facts["container"] ?? "")".contains("app"), "the failing container: \(facts["container"] ?? "none")")
    }

    @Test func aRecoveredPodIsNotDiagnosedFromItsHistory() throws {
        var objects = KubeObjects(image: Self.image, error: #"rpc error: code = NotFound desc = failed to pull and unpack image "\#(Self.image)": not found"#)
        objects.containers = [.init(name: "app", image: Self.image, state: .running(minutesAgo: 20))]
        objects.events = KubeObjects.pullFailure(
            image: Self.image, error: objects.error, container: "app", pod: objects.pod,
            namespace: objects.namespace, node: objects.node, lastMinutesAgo: 25)
        let (report, run, _) = try SilentEventsLiveTests.run(objects, scenario: "recovered-pod-old-events")
        #expect(report.ending == "recovered", "\(run.stdout)\n\(run.stderr)")
        #expect(report.cause == "recovered")
    }

    /// Endings the other scenarios reach once only, each from a pod state the API server shows:
    /// an image the policy forbids pulling and the node lacks, a pod that ran again after a
    /// registry outage, and a pod that fails for a reason that is not a pull.
    @Test(
        "more endings from the pod's present state",
        arguments: [
            ("never-pull-air-gapped-node", "never-pull", Int32(0)),
            ("recovered-after-registry-outage", "recovered", Int32(0)),
            ("crash-loop-is-not-a-pull-failure", "no-pull-failure", Int32(1)),
        ])
    func moreEndingsFromThePresentState(scenario: String, ending: String, status: Int32) throws {
        let image = "registry.internal.example:5000/lab/app:1.0"
        var objects = SilentEventsLiveTests.expired(image)
        switch ending {
        case "never-pull":
            let missing = "Container image \"\(image)\" is not present with pull policy of Never"
            objects.containers = [.init(name: "app", image: image, state: .waiting(reason: "ErrImageNeverPull", message: missing), pullPolicy: "Never")]
            objects.events = [
                KubeObjects.Event("Warning", "ErrImageNeverPull", missing, container: "app", first: 6, last: 0, count: 27),
                KubeObjects.Event("Warning", "Failed", "Error: ErrImageNeverPull", container: "app", first: 6, last: 0, count: 27),
            ]
        case "recovered":
            let outage =
                #"rpc error: code = Unknown desc = failed to pull and unpack image "\#(image)": failed to resolve reference "\#(image)": unexpected status from HEAD request to https://registry.internal.example:5000/v2/lab/app/manifests/1.0: 503 Service Unavailable"#
            objects.containers = [.init(name: "app", image: image, state: .running(minutesAgo: 4))]
            objects.events =
                KubeObjects.pullFailure(
                    image: image, error: outage, container: "app", pod: objects.pod,
                    namespace: objects.namespace, node: objects.node, lastMinutesAgo: 6)
                + [
                    KubeObjects.Event(
                        "Normal", "Pulled", "Successfully pulled image \"\(image)\" in 1.2s (1.2s including waiting)", container: "app", first: 4, last: 4,
                        count: 1)
                ]
        default:
            objects.containers = [
                .init(
                    name: "app", image: image,
                    state: .waiting(
                        reason: "CrashLoopBackOff",
                        message: "back-off 2m40s restarting failed container=app pod=\(objects.pod)_\(objects.namespace)(00000000-0000-4000-8000-000000000003)")
                )
            ]
            objects.events = [
                KubeObjects.Event("Normal", "Pulled", "Container image \"\(image)\" already present on machine", container: "app", first: 9, last: 1, count: 6),
                KubeObjects.Event(
                    "Warning", "BackOff",
                    "Back-off restarting failed container app in pod \(objects.pod)_\(objects.namespace)(00000000-0000-4000-8000-000000000003)",
                    container: "app", first: 8, last: 0, count: 31),
            ]
        }
        let (report, run, _) = try SilentEventsLiveTests.run(objects, scenario: scenario)
        #expect(report.ending == ending, "\(run.stdout)\n\(run.stderr)")
        #expect(report.status == status, "\(run.stderr)")
        #expect(report.commands.allSatisfy { $0.first == "kubectl" }, "\(report.commands)")
    }

    @Test func eventsAboutAnOlderImageAreHistory() throws {
        let registry = try RegistryFixture()
        defer { registry.stop() }
        try registry.push("lab/app", tag: "1.0")
        let old = "\(registry.server.host)/lab/app:0.9", current = "\(registry.server.host)/lab/app:2.0"
        var objects = SilentEventsLiveTests.expired(current)
        objects.events =
            KubeObjects.pullFailure(
                image: old,
                error:
                    #"rpc error: code = Unknown desc = failed to pull and unpack image "\#(old)": failed to resolve reference "\#(old)": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"#,
                container: "app", pod: objects.pod, namespace: objects.namespace, node: objects.node, lastMinutesAgo: 15)
            + KubeObjects.pullFailure(image: current, error: nil, container: "app", pod: objects.pod, namespace: objects.namespace, node: objects.node)
            .dropFirst()
        let (report, run, _) = try SilentEventsLiveTests.run(objects, scenario: "events-about-an-older-image")
        #expect(report.ending == "tag-missing", "\(run.stdout)\n\(run.stderr)")
        let check = report.commands.first { $0.dropFirst().first == "registry-check" } ?? []
        #expect(check.contains(current), "the registry is asked about the image the spec uses: \(report.commands)")
    }

    @Test func anInitContainerFailsWhileTheMainContainerWaits() throws {
        let registry = try RegistryFixture()
        defer { registry.stop() }
        try registry.push("lab/migrate", tag: "3.1")
        let image = "\(registry.server.host)/lab/migrate:3.2"
        var objects = SilentEventsLiveTests.expired(image)
        objects.initContainers = [
            .init(name: "migrate", image: image, state: .waiting(reason: "ImagePullBackOff", message: "Back-off pulling image \"\(image)\""))
        ]
        objects.containers = [.init(name: "app", image: "\(registry.server.host)/lab/app:1.0", state: .waiting(reason: "PodInitializing", message: ""))]
        objects.events = KubeObjects.pullFailure(
            image: image, error: nil, container: "migrate", pod: objects.pod, namespace: objects.namespace, node: objects.node)
        let (report, run, _) = try SilentEventsLiveTests.run(objects, scenario: "init-container-tag-missing-events-expired")
        #expect(report.ending == "tag-missing", "\(run.stdout)\n\(run.stderr)")
        let facts = report.json["facts"] as? [String: Any] ?? [:]
        #expect("\(facts["failing_container"] ?? "")".contains("migrate"), "\(facts["failing_container"] ?? "none")")
    }

    @Test func aSidecarFailsWhileTheMainContainerRuns() throws {
        let sidecar = "registry.internal.example:5000/lab/proxy:2.4"
        let error =
            #"rpc error: code = Unknown desc = failed to pull and unpack image "\#(sidecar)": failed to resolve reference "\#(sidecar)": failed to do request: Head "https://registry.internal.example:5000/v2/lab/proxy/manifests/2.4": tls: failed to verify certificate: x509: certificate signed by unknown authority"#
        var objects = SilentEventsLiveTests.expired(sidecar)
        objects.initContainers = [
            .init(
                name: "proxy", image: sidecar,
                state: .waiting(reason: "ImagePullBackOff", message: "Back-off pulling image \"\(sidecar)\": ErrImagePull: \(error)"), restartPolicy: "Always")
        ]
        objects.containers = [.init(name: "app", image: Self.image, state: .running(minutesAgo: 9))]
        objects.events = KubeObjects.pullFailure(
            image: sidecar, error: nil, container: "proxy", pod: objects.pod, namespace: objects.namespace, node: objects.node)
        let (report, run, _) = try SilentEventsLiveTests.run(objects, scenario: "sidecar-x509-main-runs")
        #expect(report.ending == "tls", "\(run.stdout)\n\(run.stderr)")
        let facts = report.json["facts"] as? [String: Any] ?? [:]
        #expect("\(facts["container"] ?? "")".contains("proxy"), "\(facts["container"] ?? "none")")
    }
}

/// Step 5's `kubectl rollout status … --timeout` against the fixture's Deployment, listed and
/// watched as the API server serves them: done when its replica is available, a clear timeout
/// while it is not.
@Suite("Lab: following a rollout", .serialized, .enabled(if: LabGate.runs, "the real-runtime lab's parts are missing"))
struct RolloutStatusLiveTests {
    @Test(arguments: [true, false])
    func rolloutStatusFollowsTheDeployment(complete: Bool) throws {
        var objects = KubeObjects(image: "registry.internal.example:5000/lab/app:1.0", error: "unused")
        objects.rolloutComplete = complete
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let result = try Kubectl.run(
            ["rollout", "status", "deployment/\(objects.deployment)", "--namespace", objects.namespace, "--timeout=3s"], against: fixture)
        if complete {
            #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
            #expect(result.stdout.contains("successfully rolled out"), "\(result.stdout)")
        } else {
            #expect(result.status != 0, "\(result.stdout)\n\(result.stderr)")
            #expect(result.stdout.contains("Waiting for deployment \"web\" rollout to finish"), "\(result.stdout)")
            #expect(result.stderr.contains("timed out"), "\(result.stderr)")
        }
    }
}
