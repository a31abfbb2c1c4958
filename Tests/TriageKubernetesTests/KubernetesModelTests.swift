import Foundation
import Testing
import TriageJSON
@testable import TriageKubernetes

/// Reads a fixture of kubectl's JSON output from `Fixtures/`.
func fixture(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}

/// The model read from realistic kubectl output, including the status shapes of Kubernetes 1.32+.
struct KubernetesModelTests {
    @Test func podSpecHasEveryKindOfContainerWithWhatItAsksFor() throws {
        let pod = try Pod.decode(try fixture("pod-sidecar-pull-1.32.json"))
        #expect(pod.name == "web-7c9d8f6b54-x2x9q")
        #expect(pod.namespace == "shop")
        #expect(pod.metadata.labels["pod-template-hash"] == "7c9d8f6b54")
        #expect(pod.metadata.controller == OwnerReference(kind: "ReplicaSet", name: "web-7c9d8f6b54", controller: true))
        #expect(pod.metadata.creationTimestamp?.text == "2025-02-11T09:12:30Z")
        #expect(pod.spec.nodeName == "worker-arm-2")
        #expect(pod.spec.serviceAccountName == "web")
        #expect(pod.spec.imagePullSecrets == ["ghcr-pull"])
        #expect(pod.spec.restartPolicy == "Always")
        #expect(
            pod.spec.containers.map { "\($0.kind.rawValue):\($0.name)" }
                == ["init:migrate", "init:log-shipper", "regular:web", "regular:metrics", "ephemeral:debugger-k8wq2"])
        #expect(
            pod.spec.images == [
                "ghcr.io/acme/migrate:1.9.0", "fluent/fluent-bit:3.2.4", "ghcr.io/acme/web:2.4.1",
                "prom/statsd-exporter:v0.27.1", "busybox:1.37",
            ])
        let web = try #require(pod.spec.containers.first { $0.name == "web" })
        #expect(web.imagePullPolicy == "IfNotPresent")
        #expect(web.command == ["/app/web"] && web.args == ["--port=8080"])
        #expect(web.limits == ["cpu": "500m", "memory": "256Mi"])
        #expect(web.requests["memory"] == "128Mi")
        #expect(web.livenessProbe?.handler == "httpGet")
        #expect(web.livenessProbe?.secondsUntilFailure == 35)
        #expect(web.readinessProbe?.handler == "tcpSocket" && web.readinessProbe?.failureThreshold == 3)
        #expect(
            web.configReferences == [
                ConfigReference(kind: .configMap, name: "web-config", optional: false, via: .environment),
                ConfigReference(kind: .secret, name: "web-env", optional: true, via: .environment),
                ConfigReference(kind: .secret, name: "db", optional: false, via: .environment),
            ])
        #expect(web.volumeMounts == ["config", "kube-api-access-7q2lp"])
        #expect(pod.spec.containers.first { $0.name == "metrics" }?.startupProbe?.handler == "exec")
        #expect(pod.spec.containers.first { $0.name == "log-shipper" }?.isSidecar == true)
        #expect(pod.spec.containers.first { $0.name == "migrate" }?.isSidecar == false)
        #expect(
            pod.spec.volumes.flatMap(\.references).map { "\($0.kind.rawValue)/\($0.name)" }
                == ["ConfigMap/web-files", "Secret/web-tls", "PersistentVolumeClaim/web-data", "ConfigMap/kube-root-ca.crt"])
    }

    @Test func podStatusHasTheStateOfEveryContainer() throws {
        let pod = try Pod.decode(try fixture("pod-sidecar-pull-1.32.json"))
        #expect(pod.status.phase == "Pending")
        #expect(pod.status.startTime?.text == "2025-02-11T09:12:30Z")
        #expect(pod.status.condition("Ready")?.status == "False")
        #expect(pod.status.condition("Ready")?.reason == "ContainersNotReady")
        #expect(
            pod.status.containerStatuses.map { "\($0.kind.rawValue):\($0.name)" }
                == ["init:migrate", "init:log-shipper", "regular:metrics", "regular:web", "ephemeral:debugger-k8wq2"])
        let web = try #require(pod.status.containerStatuses.first { $0.name == "web" })
        #expect(web.state.waitingReason == "ImagePullBackOff")
        #expect(web.state.waitingMessage?.hasSuffix("401 Unauthorized") == true)
        #expect(web.lastState == .unknown)
        #expect(!web.ready && web.restartCount == 0 && web.imageID.isEmpty)
        let metrics = try #require(pod.status.containerStatuses.first { $0.name == "metrics" })
        #expect(metrics.state == .running(startedAt: KubernetesTime("2025-02-11T09:20:03Z")))
        let oom = try #require(metrics.lastState.termination)
        #expect(oom.reason == "OOMKilled" && oom.exitCode == 137 && oom.signal == 9)
        #expect(oom.finishedAt?.text == "2025-02-11T09:20:02Z")
        #expect(metrics.restartCount == 1 && metrics.ready)
        #expect(metrics.imageID.hasPrefix("docker.io/prom/statsd-exporter@sha256:"))
        let migrate = try #require(pod.status.containerStatuses.first { $0.name == "migrate" })
        #expect(migrate.state.termination?.reason == "Completed" && migrate.state.termination?.exitCode == 0)
        let debugger = try #require(pod.status.containerStatuses.first { $0.kind == .ephemeral })
        #expect(debugger.state.waitingMessage?.contains("429 Too Many Requests") == true)
        #expect(pod.containers(waitingFor: ["ImagePullBackOff"]).map(\.name) == ["web", "debugger-k8wq2"])
        #expect(pod.container(for: debugger)?.imagePullPolicy == "Always")
        #expect(pod.status(of: pod.spec.containers[0])?.name == "migrate")
    }

    @Test func nodeInfoAndConditions() throws {
        let node = try Node.decode(try fixture("node-arm64.json"))
        #expect(node.metadata.name == "worker-arm-2")
        #expect(node.info.platform == "linux/arm64")
        #expect(node.info.runtime?.name == "containerd" && node.info.runtime?.version == "1.7.24")
        #expect(node.info.kubeletVersion == "v1.32.1")
        #expect(node.info.osImage == "Ubuntu 24.04.1 LTS")
        #expect(node.condition("DiskPressure")?.status == "True")
        #expect(node.condition("Ready")?.status == "True")
        #expect(node.condition("DiskPressure")?.lastTransitionTime?.text == "2025-02-11T08:58:11Z")
    }

    @Test func eventsCountAndTimeTheirRepeatsInBothStyles() throws {
        let events = try Event.decodeList(try fixture("events-pull-backoff.json"))
        #expect(events.map(\.reason) == ["Scheduled", "Failed", "BackOff"])
        let failed = events[1], backOff = events[2]
        #expect(failed.type == "Warning" && failed.occurrences == 7)
        #expect(failed.firstSeen?.text == "2025-02-11T09:12:42Z" && failed.lastSeen?.text == "2025-02-11T09:24:05Z")
        #expect(failed.involvedObject.container?.kind == .regular && failed.involvedObject.container?.name == "web")
        #expect(backOff.occurrences == 31 && backOff.count == nil)
        #expect(backOff.firstSeen?.text == "2025-02-11T09:12:43.512049Z")
        #expect(backOff.lastSeen?.text == "2025-02-11T09:27:10.118204Z")
        #expect(events[0].involvedObject.container == nil && events[0].occurrences == 1)
    }

    @Test func eventsOfTheNewAPIReadTheirDeprecatedFields() throws {
        let text = """
            {"kind":"EventList","apiVersion":"events.k8s.io/v1","items":[{"reason":"Failed","type":"Warning",
            "note":"Failed to pull image \\"a:1\\": not found","regarding":{"kind":"Pod","name":"p","fieldPath":"spec.initContainers{setup}"},
            "deprecatedCount":4,"deprecatedFirstTimestamp":"2025-02-11T09:00:00Z","deprecatedLastTimestamp":"2025-02-11T09:03:00Z"}]}
            """
        let event = try #require(try Event.decodeList(text).first)
        #expect(event.message == "Failed to pull image \"a:1\": not found")
        #expect(event.occurrences == 4 && event.lastSeen?.text == "2025-02-11T09:03:00Z")
        #expect(event.involvedObject.container?.kind == .initContainer && event.involvedObject.container?.name == "setup")
    }

    @Test func secretsKeepOnlyTheirRegistryHosts() throws {
        let text = try fixture("secrets.json")
        let secrets = try Secret.decodeList(text)
        #expect(secrets.map(\.metadata.name) == ["ghcr-pull", "db", "broken"])
        #expect(secrets[0].isPullSecret && secrets[0].registryHosts == ["ghcr.io", "https://index.docker.io/v1/"])
        #expect(secrets[0].dockerConfigProblem == nil)
        #expect(!secrets[1].isPullSecret && secrets[1].registryHosts.isEmpty && secrets[1].dockerConfigProblem == nil)
        #expect(secrets[2].dockerConfigProblem == "its .dockerconfigjson entry is not JSON")
        let everything = String(describing: secrets) + String(reflecting: secrets)
        for planted in ["s3cr3t-hound", "czNjcjN0LWhvdW5k", "YWNtZS1ib3Q6czNjcjN0LWhvdW5k", "acme-bot", "dXNlcjpwYXNz", "eyJhdXRocyI6"] {
            #expect(!everything.contains(planted), "the model keeps \(planted)")
        }
    }

    @Test func serviceAccountPullSecrets() throws {
        let text =
            #"{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"builder","namespace":"ci"},"imagePullSecrets":[{"name":"ecr"},{"name":"regcred"}],"secrets":[{"name":"builder-token"}]}"#
        let account = try ServiceAccount.decode(text)
        #expect(account.metadata.name == "builder" && account.imagePullSecrets == ["ecr", "regcred"])
    }

    @Test func listsHoldTheirKindAndAreRefusedForAnother() throws {
        let list = """
            {"apiVersion":"v1","kind":"PodList","items":[{"metadata":{"name":"a"}},{"kind":"Pod","metadata":{"name":"b"}},{"kind":"Service","metadata":{"name":"c"}}]}
            """
        #expect(try Pod.decodeList(list).map(\.name) == ["a", "b"])
        #expect(try Pod.decodeList(#"{"kind":"Pod","metadata":{"name":"solo"}}"#).map(\.name) == ["solo"])
        #expect(throws: KubernetesError.wrongKind(expected: "Pod", found: "Node")) { try Pod.decode(#"{"kind":"Node"}"#) }
        #expect(throws: KubernetesError.wrongKind(expected: "Node", found: nil)) { try Node.decodeList(#"{"items":[]}"#) }
    }

    @Test func outputThatIsNotJSONSaysWhere() {
        for (text, line, column, problem) in [
            ("{\n  \"kind\": \"Pod\",\n}", 3, 1, "expected a member name in quotes, found '}'"),
            ("Error from server (NotFound): pods \"web\" not found", 1, 1, "expected a value, found 'E'"),
            ("{\"kind\": \"Pod\"", 1, 15, "the document ends in the middle of a value"),
            ("  ", 1, 3, "the input is empty"),
            ("{} {}", 1, 4, "unexpected data after the end of the document"),
        ] {
            #expect(throws: KubernetesError.self) { try Pod.decode(text) }
            do {
                _ = try Pod.decode(text)
            } catch {
                guard case .notJSON(let reason) = error else { Issue.record("\(error)"); continue }
                #expect((reason.line, reason.column, reason.problem) == (line, column, problem), "\(text)")
                #expect(error.localizedDescription.contains("line \(line), column \(column)"))
            }
        }
    }

    @Test func workloadResolverFollowsControllers() {
        let resolver = WorkloadResolver()
        func owner(_ kind: String, _ name: String) -> [OwnerReference] { [OwnerReference(kind: kind, name: name, controller: true)] }
        #expect(
            resolver.workload(namespace: "a", podName: "web-6d9f7c8b5-k2x7p", owners: owner("ReplicaSet", "web-6d9f7c8b5"), templateHash: "6d9f7c8b5").reference
                == "deployment/web")
        #expect(
            resolver.workload(namespace: "a", podName: "p", owners: owner("ReplicaSet", "api-v2-7fb96c8d4"), templateHash: nil).reference == "deployment/api-v2"
        )
        #expect(
            resolver.workload(namespace: "a", podName: "p", owners: owner("ReplicaSet", "standalone"), templateHash: nil).reference == "replicaset/standalone")
        #expect(resolver.workload(namespace: "a", podName: "p", owners: owner("Job", "nightly-29012340"), templateHash: nil).reference == "cronjob/nightly")
        #expect(resolver.workload(namespace: "a", podName: "p", owners: owner("Job", "migrate-once"), templateHash: nil).reference == "job/migrate-once")
        #expect(resolver.workload(namespace: "a", podName: "db-0", owners: owner("StatefulSet", "db"), templateHash: nil).reference == "statefulset/db")
        #expect(resolver.workload(namespace: "a", podName: "bare", owners: [], templateHash: nil).reference == "pod/bare")
        let known = WorkloadResolver(replicaSetOwners: [
            "a/web-6d9f7c8b5": OwnerReference(kind: "Rollout", name: "web", controller: true), "a/orphan-5d8f9": nil,
        ])
        #expect(known.workload(namespace: "a", podName: "p", owners: owner("ReplicaSet", "web-6d9f7c8b5"), templateHash: nil).reference == "rollout/web")
        #expect(
            known.workload(namespace: "a", podName: "p", owners: owner("ReplicaSet", "orphan-5d8f9"), templateHash: nil).reference == "replicaset/orphan-5d8f9")
        let pod = Pod(
            json: .object([
                (
                    "metadata",
                    .object([
                        ("name", .string("x")), ("namespace", .string("a")),
                        ("ownerReferences", .array([.object([("kind", .string("DaemonSet")), ("name", .string("agent"))])])),
                    ])
                )
            ]))
        #expect(resolver.workload(of: pod) == Workload(kind: "DaemonSet", name: "agent", namespace: "a"))
    }

    @Test func timestampsParseAsInstants() {
        #expect(KubernetesTime("1970-01-01T00:00:00Z")?.secondsSinceEpoch == 0)
        #expect(KubernetesTime("2025-02-11T09:12:30Z")?.secondsSinceEpoch == 1_739_265_150)
        #expect(KubernetesTime("2024-02-29T23:59:59.999999Z")?.secondsSinceEpoch == 1_709_251_199)
        #expect(KubernetesTime("2025-02-11T10:12:30+01:00") == KubernetesTime("2025-02-11T09:12:30Z"))
        for bad in ["", "2025-02-11", "2025-02-11T09:12:30", "2025-13-11T09:12:30Z", "2025-02-11T09:12:30Zjunk", "2025-02-11T09:12:30.Z"] {
            #expect(KubernetesTime(bad) == nil, "\(bad)")
        }
    }
}
