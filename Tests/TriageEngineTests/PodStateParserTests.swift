import Foundation
import Testing
import TriageDiagnosis
import TriageJSON
import TriageModel
@testable import TriageEngine

/// The pod-json and pod-events-json parsers on kubectl's JSON: the present state of every
/// container first, the cause a 1.32+ waiting message names, and the kubelet's back-off from
/// the events.
struct PodStateParserTests {
    static func kubernetesFixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../TriageKubernetesTests/Fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    let podParser = PodParser()
    let context = ParserContext(node: "check-image")

    /// A pod (from a Deployment `api`) with the given containers; each is `(kind, name, image, state JSON)`.
    static func pod(_ containers: [(kind: String, name: String, image: String, state: String)], restarts: Int = 0) -> String {
        func spec(_ kind: String) -> String {
            containers.filter { $0.kind == kind }.map { #"{"name":"\#($0.name)","image":"\#($0.image)"}"# }.joined(separator: ",")
        }
        func statuses(_ kind: String) -> String {
            containers.filter { $0.kind == kind }.map {
                #"{"name":"\#($0.name)","image":"\#($0.image)","imageID":"","ready":false,"restartCount":\#(restarts),"started":false,"state":\#($0.state)}"#
            }.joined(separator: ",\n")
        }
        return """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"api-5f7b9c6d48-qq2lm","namespace":"shop","labels":{"pod-template-hash":"5f7b9c6d48"},
            "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"api-5f7b9c6d48","controller":true}]},
            "spec":{"nodeName":"worker-1","initContainers":[\(spec("init"))],"containers":[\(spec("regular"))],"ephemeralContainers":[\(spec("ephemeral"))]},
            "status":{"phase":"Pending","initContainerStatuses":[
            \(statuses("init"))],
            "containerStatuses":[
            \(statuses("regular"))],
            "ephemeralContainerStatuses":[
            \(statuses("ephemeral"))]}}
            """
    }

    static func waiting(_ reason: String, _ message: String) -> String {
        let escaped = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return #"{"waiting":{"reason":"\#(reason)","message":"\#(escaped)"}}"#
    }

    static let running = #"{"running":{"startedAt":"2025-02-11T09:20:03Z"}}"#

    @Test func everyContainerIsListedWithItsPresentState() throws {
        let facts = podParser.facts(from: CommandResult(stdout: try Self.kubernetesFixture("pod-sidecar-pull-1.32.json")), context: context)
        #expect(facts["containers"]?.values == ["migrate", "log-shipper", "web", "metrics", "debugger-k8wq2"])
        #expect(facts["container_kinds"]?.values == ["init", "init", "regular", "regular", "ephemeral"])
        #expect(
            facts["container_images"]?.values == [
                "ghcr.io/acme/migrate:1.9.0", "fluent/fluent-bit:3.2.4", "ghcr.io/acme/web:2.4.1", "prom/statsd-exporter:v0.27.1", "busybox:1.37",
            ])
        #expect(facts["container_pull_policies"]?.values == ["IfNotPresent", "IfNotPresent", "IfNotPresent", "IfNotPresent", "Always"])
        #expect(facts["container_restart_counts"]?.values == ["0", "0", "0", "1", "0"])
        #expect(facts["container_states"]?.values == ["terminated", "running", "waiting", "running", "waiting"])
        #expect(facts["container_waiting_reasons"]?.values == ["-", "-", "ImagePullBackOff", "-", "ImagePullBackOff"])
        #expect(facts["container_waiting_messages"]?.values[2].hasSuffix("401 Unauthorized") == true)
        #expect(facts["sidecars"]?.values == ["log-shipper"])
        #expect(facts["images"]?.values.count == 5)
        #expect(facts["workload"]?.value == "deployment/web")
        #expect(facts["failing_now"]?.value == "true")
        #expect(facts["failing_containers"]?.values == ["web", "debugger-k8wq2"])
        #expect(facts["failing_container_kinds"]?.values == ["regular", "ephemeral"])
        #expect(facts["failing_container"]?.value == "web")
        #expect(facts["failing_image"]?.value == "ghcr.io/acme/web:2.4.1")
        #expect(facts["failing_waiting_reason"]?.value == "ImagePullBackOff")
        #expect(facts["all_running"]?.value == "false")
        #expect(facts["running_since"] == nil)
        #expect(facts["pod_ready"]?.value == "False")
    }

    @Test func aWaitingMessageNamesTheCauseLikeAnyPullFailureText() throws {
        let output = try Self.kubernetesFixture("pod-sidecar-pull-1.32.json")
        let facts = podParser.facts(from: CommandResult(stdout: output), context: context)
        #expect(facts["status_cause"]?.value == "auth")
        #expect(facts["cause"]?.value == "auth")
        #expect(facts["container"]?.value == "web" && facts["container_kind"]?.value == "regular")
        #expect(facts["image"]?.value == "ghcr.io/acme/web:2.4.1")
        #expect(facts["registry"]?.value == "ghcr.io")
        let evidence = try #require(facts["cause"]?.evidence)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[evidence.line - 1].contains("\"message\": \"Back-off pulling image"), "evidence at line \(evidence.line)")
        #expect(evidence.text == String(lines[evidence.line - 1]) && evidence.node == "check-image")

        let message = try #require(facts["failing_waiting_message"]?.value)
        let direct = PullFailureParser().facts(from: CommandResult(stdout: message), context: context)
        for name in PodParser.classifiedFacts {
            #expect(facts[name]?.values == direct[name]?.values, "\(name)")
        }
    }

    @Test(arguments: [
        (
            "ErrImagePull",
            #"failed to pull and unpack image "registry.internal:5000/team/api:3.1": failed to resolve reference "registry.internal:5000/team/api:3.1": failed to do request: Head "https://registry.internal:5000/v2/team/api/manifests/3.1": tls: failed to verify certificate: x509: certificate signed by unknown authority"#,
            "tls"
        ),
        (
            "ImagePullBackOff",
            #"Back-off pulling image "registry.internal:5000/team/api:3.1": ErrImagePull: failed to pull and unpack image "registry.internal:5000/team/api:3.1": failed to resolve reference "registry.internal:5000/team/api:3.1": failed to do request: Head "https://registry.internal:5000/v2/team/api/manifests/3.1": http: server gave HTTP response to HTTPS client"#,
            "tls"
        ),
        (
            "ErrImagePull",
            #"failed to pull and unpack image "docker.io/acme/api:3.1": failed to resolve reference "docker.io/acme/api:3.1": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"#,
            "auth"
        ),
    ])
    func waitingMessagesOfKubernetes132NameTheirCause(reason: String, message: String, cause: String) throws {
        let output = Self.pod([
            ("init", "setup", "busybox:1.37", Self.running), ("regular", "api", "registry.internal:5000/team/api:3.1", Self.waiting(reason, message)),
        ])
        let facts = podParser.facts(from: CommandResult(stdout: output), context: context)
        let direct = PullFailureParser().facts(from: CommandResult(stdout: message), context: context)
        #expect(direct["cause"]?.value == cause)
        #expect(facts["cause"]?.value == cause && facts["status_cause"]?.value == cause)
        #expect(facts["container"]?.value == "api" && facts["container_kind"]?.value == "regular")
        #expect(facts["failing_waiting_message"]?.value == message)
    }

    @Test func aBareBackOffMessageLeavesTheCauseToTheEvents() {
        let output = Self.pod([("regular", "api", "ghcr.io/acme/api:3.1", Self.waiting("ImagePullBackOff", #"Back-off pulling image "ghcr.io/acme/api:3.1""#))])
        let facts = podParser.facts(from: CommandResult(stdout: output), context: context)
        #expect(facts["failing_container"]?.value == "api")
        #expect(facts["cause"] == nil && facts["status_cause"] == nil && facts["evidence"] == nil)
    }

    @Test func anInitContainerOrSidecarFailsWhileTheMainContainerIsFine() {
        let output = Self.pod([
            (
                "init", "fetch-config", "quay.io/acme/fetch:0.4",
                Self.waiting(
                    "ErrImagePull",
                    #"rpc error: code = NotFound desc = failed to pull and unpack image "quay.io/acme/fetch:0.4": failed to resolve reference "quay.io/acme/fetch:0.4": quay.io/acme/fetch:0.4: not found"#
                )
            ),
            ("regular", "api", "ghcr.io/acme/api:3.1", #"{"waiting":{"reason":"PodInitializing"}}"#),
        ])
        let facts = podParser.facts(from: CommandResult(stdout: output), context: context)
        #expect(facts["failing_containers"]?.values == ["fetch-config"])
        #expect(facts["failing_container_kind"]?.value == "init")
        #expect(facts["cause"]?.value == "image-not-found")
        #expect(facts["container"]?.value == "fetch-config" && facts["container_kind"]?.value == "init")
        #expect(facts["waiting_reasons"]?.values == ["ErrImagePull", "PodInitializing"])
        #expect(facts["all_running"]?.value == "false")
    }

    @Test func aPodThatRecoveredSaysSoAndSinceWhen() {
        let output = Self.pod(
            [
                ("init", "setup", "busybox:1.37", #"{"terminated":{"exitCode":0,"reason":"Completed"}}"#),
                ("regular", "api", "ghcr.io/acme/api:3.2", #"{"running":{"startedAt":"2025-02-11T09:31:00Z"}}"#),
                ("regular", "proxy", "envoyproxy/envoy:v1.32.1", Self.running),
            ], restarts: 2)
        let facts = podParser.facts(from: CommandResult(stdout: output), context: context)
        #expect(facts["all_running"]?.value == "true")
        #expect(facts["running_since"]?.value == "2025-02-11T09:31:00Z")
        #expect(facts["failing_now"]?.value == "false")
        #expect(facts["failing_containers"] == nil && facts["cause"] == nil)
        #expect(facts["container_restart_counts"]?.values == ["2", "2", "2"])
    }

    @Test func notAPodGivesNoFacts() {
        #expect(podParser.facts(from: CommandResult(stdout: #"{"kind":"Node"}"#), context: context).isEmpty)
        #expect(podParser.facts(from: CommandResult(stdout: "{\"kind\":\"Pod\",", exitStatus: 0), context: context).isEmpty)
        #expect(
            podParser.facts(from: CommandResult(stdout: "", stderr: #"Error from server (NotFound): pods "x" not found"#, exitStatus: 1), context: context)
                .isEmpty)
    }

    @Test func eventsGiveTheKubeletsBackOff() throws {
        let output = try Self.kubernetesFixture("events-pull-backoff.json")
        let context = ParserContext(node: "events", facts: ["images": Fact(values: ["ghcr.io/acme/web:2.4.2", "prom/statsd-exporter:v0.27.1"])])
        let facts = PodEventsParser().facts(from: CommandResult(stdout: output), context: context)
        #expect(facts["events_found"]?.value == "true")
        #expect(facts["pull_failures"]?.value == "7")
        #expect(facts["pull_failures_first_seen"]?.value == "2025-02-11T09:12:42Z")
        #expect(facts["pull_failures_last_seen"]?.value == "2025-02-11T09:24:05Z")
        #expect(facts["last_pull_error"]?.value.hasSuffix("401 Unauthorized") == true)
        #expect(facts["back_offs"]?.value == "31")
        #expect(facts["back_offs_first_seen"]?.value == "2025-02-11T09:12:43.512049Z")
        #expect(facts["back_offs_last_seen"]?.value == "2025-02-11T09:27:10.118204Z")
        #expect(facts["backoff_delay_seconds"]?.value == "300" && facts["backoff_capped"]?.value == "true")
        #expect(facts["next_pull_due"]?.value == "2025-02-11T09:29:05Z")
        #expect(facts["event_images"]?.values == ["ghcr.io/acme/web:2.4.1"])
        #expect(facts["stale_event_images"]?.values == ["ghcr.io/acme/web:2.4.1"])
        #expect(facts["event_containers"]?.values == ["web"])
        let current = PodEventsParser().facts(
            from: CommandResult(stdout: output), context: ParserContext(node: "events", facts: ["images": Fact("ghcr.io/acme/web:2.4.1")]))
        #expect(current["stale_event_images"] == nil)
    }

    @Test func backOffDoublesFromTenSecondsToFiveMinutes() {
        #expect((1...7).map(ImagePullBackOff.delay(afterFailures:)) == [10, 20, 40, 80, 160, 300, 300])
    }

    @Test func noEventsSaysSo() {
        let facts = PodEventsParser().facts(
            from: CommandResult(stdout: #"{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}"#), context: context)
        #expect(facts["events_found"]?.value == "false")
        #expect(facts["pull_failures"] == nil && facts["backoff_delay_seconds"] == nil)
    }

    @Test func theRegistrysPlatformsAreComparedWithTheNodes() throws {
        let node = try Self.kubernetesFixture("node-arm64.json")
        func offered(_ platforms: [String]) -> String? {
            let check = #"{"api_host":"quay.io","reachable":true,"exists":true,"needs_auth":false,"platforms":\#(platforms)}"#
            let fromCheck = ParserCatalog.standard.parser("registry-check")?.facts(
                from: CommandResult(stdout: check), context: ParserContext(node: "registry", facts: ["node_platform": Fact("linux/arm64")]))
            let fromNode = NodeParser().facts(
                from: CommandResult(stdout: node), context: ParserContext(node: "node-info", facts: ["image_platforms": Fact(values: platforms)]))
            #expect(fromCheck?["platform_offered"]?.value == fromNode["platform_offered"]?.value)
            return fromNode["platform_offered"]?.value
        }
        #expect(offered(["linux/amd64"]) == "false")
        #expect(offered(["linux/amd64", "linux/arm64/v8"]) == "true")
        #expect(offered(["linux/arm64"]) == "true")
        #expect(offered(["linux/arm/v7", "windows/arm64"]) == "false")
        let facts = NodeParser().facts(from: CommandResult(stdout: node), context: ParserContext(node: "node-info"))
        #expect(facts["platform_offered"] == nil)
        #expect(facts["node_os"]?.value == "linux" && facts["node_platform"]?.value == "linux/arm64")
    }
}

/// `facts:` entries read with JSONPath from a command's JSON.
struct JSONPathFactExtractionTests {
    @Test func everySelectedValueWithTheLineOfTheFirst() throws {
        let output = FactSource(CommandResult(stdout: try PodStateParserTests.kubernetesFixture("pod-sidecar-pull-1.32.json")))
        let extraction = FactExtraction(fact: "policies", pattern: nil, jsonPath: try JSONPath("{.spec.containers[*].imagePullPolicy}"))
        let fact = try #require(FactExtractor.extract(extraction, from: output, node: "read"))
        #expect(fact.values == ["IfNotPresent", "IfNotPresent"])
        let evidence = try #require(fact.evidence)
        #expect(evidence.text.contains(#""imagePullPolicy": "IfNotPresent""#) && evidence.node == "read")
        let count = FactExtractor.extract(
            FactExtraction(fact: "n", pattern: nil, jsonPath: try JSONPath("{.status.containerStatuses[0].restartCount}")), from: output, node: "read")
        #expect(count?.values == ["1"])
        #expect(FactExtractor.extract(FactExtraction(fact: "x", pattern: nil, jsonPath: try JSONPath("{.spec.missing}")), from: output, node: "read") == nil)
        let failed = FactSource(CommandResult(stdout: "", stderr: "Error from server (NotFound): pods \"x\" not found", exitStatus: 1))
        #expect(FactExtractor.extract(extraction, from: failed, node: "read") == nil)
    }

    /// kubectl's warnings go to standard error: the JSON on standard output is read all the same.
    @Test func aWarningOnStandardErrorLeavesTheJSONReadable() throws {
        let json = try PodStateParserTests.kubernetesFixture("pod-sidecar-pull-1.32.json")
        let output = FactSource(CommandResult(stdout: json, stderr: "Warning: metadata.name: this is used in the Pod's hostname\n"))
        let extraction = FactExtraction(fact: "policies", pattern: nil, jsonPath: try JSONPath("{.spec.containers[*].imagePullPolicy}"))
        #expect(FactExtractor.extract(extraction, from: output, node: "read")?.values == ["IfNotPresent", "IfNotPresent"])
        let warning = FactExtraction(fact: "warning", pattern: try Pattern("^Warning: (.*)$"))
        let fact = try #require(FactExtractor.extract(warning, from: output, node: "read"))
        #expect(fact.values == ["metadata.name: this is used in the Pod's hostname"])
        let lines = json.split(separator: "\n", omittingEmptySubsequences: false).count - (json.hasSuffix("\n") ? 1 : 0)
        #expect(fact.evidence?.line == lines + 1 && fact.evidence?.text.hasPrefix("Warning:") == true)
    }
}

/// `facts:` patterns over a command's JSON see its values as the JSON reader decodes them, never
/// JSON's escapes; the evidence is the line the value was printed on.
struct JSONPatternFactTests {
    static let pod = #"""
        {
            "kind": "Pod",
            "status": {
                "containerStatuses": [{
                    "name": "api",
                    "lastState": {"terminated": {"exitCode": 128, "reason": "StartError",
                        "message": "failed to create containerd task: exec: \"/usr/local/bin/api\": exec format error: unknown"}},
                    "state": {"waiting": {"reason": "CreateContainerConfigError", "message": "configmap \"api-config\" not found\nsecond line\tend <b>"}}
                }]
            }
        }
        """#

    @Test func aPatternReadsTheDecodedValue() throws {
        let output = FactSource(CommandResult(stdout: Self.pod))
        let execFormat = FactExtraction(fact: "e", pattern: try Pattern(#"(exec: "[^"]*": exec format error)"#))
        let fact = try #require(FactExtractor.extract(execFormat, from: output, node: "pod"))
        #expect(fact.values == [#"exec: "/usr/local/bin/api": exec format error"#])
        #expect(fact.evidence?.line == 7 && fact.evidence?.text.contains(#""message": "failed to create"#) == true)
        let missing = FactExtraction(fact: "m", pattern: try Pattern(#"configmap "([a-z0-9.-]+)" not found$"#))
        #expect(FactExtractor.extract(missing, from: output, node: "pod")?.values == ["api-config"])
        let second = try #require(FactExtractor.extract(FactExtraction(fact: "s", pattern: try Pattern("^second line\t(.*)$")), from: output, node: "pod"))
        #expect(second.values == ["end <b>"] && second.evidence?.line == 8)
        #expect(FactExtractor.extract(FactExtraction(fact: "code", pattern: try Pattern("^(12\\d)$")), from: output, node: "pod")?.values == ["128"])
    }

    @Test func noValueKeepsAJSONEscape() throws {
        let output = FactSource(CommandResult(stdout: Self.pod))
        let escaped = FactExtraction(fact: "e", pattern: try Pattern(#"(exec: \\"[^\\]*\\": exec format error)"#))
        #expect(FactExtractor.extract(escaped, from: output, node: "pod") == nil)
        let whole = FactExtraction(fact: "all", pattern: try Pattern("(.+)"), all: true)
        let values = try #require(FactExtractor.extract(whole, from: output, node: "pod")).values
        #expect(values.contains("configmap \"api-config\" not found"))
        #expect(!values.contains { $0.contains("\\\"") || $0.contains("\\n") })
    }

    @Test func textThatIsNotJSONIsReadLineByLine() throws {
        let output = FactSource(CommandResult(stdout: "Name: web\nStatus: {broken\n"))
        let fact = try #require(FactExtractor.extract(FactExtraction(fact: "s", pattern: try Pattern("^Status: (.*)$")), from: output, node: "d"))
        #expect(fact.values == ["{broken"] && fact.evidence?.line == 2)
    }
}
