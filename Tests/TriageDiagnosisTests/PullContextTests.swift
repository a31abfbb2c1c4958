import Testing
@testable import TriageDiagnosis

/// Generic wordings (`not found`, `connection refused`, `unexpected EOF`) count as pull failures
/// only when their record is about pulling: by its own words, through the rest of its structured
/// item (an event, a container status), or as part of the output of a pull under way. Invented
/// names, in the tools' layouts.
@Suite("Pull context")
struct PullContextTests {
    /// The one finding `text` must give.
    func onlyFinding(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Finding {
        let findings = PullFailureDiagnoser.diagnose(text).findings
        #expect(findings.count == 1, "\(findings.map { "\($0.cause.rawValue): \($0.evidence.match)" })", sourceLocation: sourceLocation)
        return try #require(findings.first, sourceLocation: sourceLocation)
    }

    @Test func dockerPullEndingInUnexpectedEOF() throws {
        let text = """
            $ docker pull postgres
            Using default tag: latest
            latest: Pulling from library/postgres
            a603fa5e3b41: Retrying in 7 seconds
            02d7a77348fd: Downloading [==================================================>]  1.587MB/1.587MB
            16b62ca80c8f: Waiting
            unexpected EOF
            """
        let finding = try onlyFinding(text)
        #expect(finding.cause == .runtime)
        #expect(finding.evidence.line == 7)
        #expect(finding.image?.normalized == "docker.io/library/postgres:latest")
    }

    @Test func dockerPullEndingInManifestUnknown() throws {
        let text = """
            $ docker pull acme/tool:9
            9: Pulling from acme/tool
            manifest unknown
            """
        let finding = try onlyFinding(text)
        #expect(finding.cause == .imageNotFound)
        #expect(finding.evidence.line == 3)
    }

    @Test func composePullFollowedByAConnectionError() throws {
        let text = """
            Pulling web (reg.corp.test/shop/web:2.1)...
            ERROR: Get https://reg.corp.test/v1/_ping: dial tcp: lookup reg.corp.test on 10.0.0.2:53: no such host
            """
        let finding = try onlyFinding(text)
        #expect(finding.cause == .network)
        #expect(finding.evidence.line == 2)
    }

    /// docker's `Status:` line ends its pull; an error after it is about something else.
    @Test func dockerStatusLineEndsThePull() {
        let text = """
            latest: Pulling from library/app
            Digest: sha256:4c0b1c7a9d0f2e35b7c6c3a1d2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2
            Status: Downloaded newer image for app:latest
            Error: dial tcp 10.0.0.5:5432: connect: connection refused
            """
        #expect(PullFailureDiagnoser.diagnose(text).findings.isEmpty)
    }

    @Test func describeFailedPullThenErrImagePull() throws {
        let text = """
            Events:
              Type     Reason     Age                From     Message
              ----     ------     ----               ----     -------
              Normal   Pulling    20s (x2 over 40s)  kubelet  Pulling image "reg.corp.test/shop/web:9.9"
              Warning  Failed     20s (x2 over 40s)  kubelet  Failed to pull image "reg.corp.test/shop/web:9.9": rpc error: code = NotFound desc = failed to pull and unpack image "reg.corp.test/shop/web:9.9": failed to resolve reference "reg.corp.test/shop/web:9.9": reg.corp.test/shop/web:9.9: not found
              Warning  Failed     20s (x2 over 40s)  kubelet  Error: ErrImagePull
              Normal   BackOff    5s (x3 over 35s)   kubelet  Back-off pulling image "reg.corp.test/shop/web:9.9"
              Warning  Failed     5s (x3 over 35s)   kubelet  Error: ImagePullBackOff
            """
        let finding = try onlyFinding(text)
        #expect(finding.cause == .imageNotFound)
        #expect(finding.evidence.line == 5)
        #expect(finding.occurrences == 4)
    }

    /// A row whose message the terminal wrapped: the wrapped part belongs to the row's event.
    @Test func wrappedEventMessageKeepsItsRowsContext() throws {
        let text = """
              Warning  Failed     3m   kubelet  Failed to pull image "acme/app:1": rpc error: code = Unknown desc = Error response from daemon: Get https://
            acme.example/api/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)
            """
        let finding = try onlyFinding(text)
        #expect(finding.cause == .network)
        #expect(finding.evidence.line == 2)
    }

    @Test func crictlFatalLines() throws {
        let text = """
            $ sudo crictl pull reg.corp.test/shop/web:2.1
            E0302 10:11:12.000001    4242 remote_image.go:180] "PullImage from image service failed" err="rpc error: code = Unknown desc = failed to pull and unpack image \\"reg.corp.test/shop/web:2.1\\": failed to resolve reference \\"reg.corp.test/shop/web:2.1\\": failed to do request: Head \\"https://reg.corp.test/v2/shop/web/manifests/2.1\\": dial tcp 10.0.0.9:443: i/o timeout" image="reg.corp.test/shop/web:2.1"
            FATA[0030] pulling image: rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.test/shop/web:2.1": failed to resolve reference "reg.corp.test/shop/web:2.1": failed to do request: Head "https://reg.corp.test/v2/shop/web/manifests/2.1": dial tcp 10.0.0.9:443: i/o timeout
            """
        let finding = try onlyFinding(text)
        #expect(finding.cause == .network)
        #expect(finding.image?.original == "reg.corp.test/shop/web:2.1")
    }

    /// A kubelet journal: the pull failure is found; the API server and probe errors between its
    /// lines are not pull failures.
    @Test func kubeletJournal() throws {
        let text = """
            Mar 02 10:11:10 node-5 kubelet[812]: I0302 10:11:10.000001     812 kuberuntime_image.go:55] "Pulling image" image="reg.corp.test/shop/web:2.1"
            Mar 02 10:11:11 node-5 kubelet[812]: E0302 10:11:11.000001     812 reflector.go:158] "Unhandled Error" err="k8s.io/client-go/informers/factory.go:160: Failed to watch *v1.Service: failed to list *v1.Service: Get \\"https://10.0.0.1:6443/api/v1/services?limit=500\\": dial tcp 10.0.0.1:6443: connect: connection refused" logger="UnhandledError"
            Mar 02 10:11:42 node-5 kubelet[812]: E0302 10:11:42.000001     812 log.go:32] "PullImage from image service failed" err="rpc error: code = Unknown desc = failed to pull and unpack image \\"reg.corp.test/shop/web:2.1\\": failed to resolve reference \\"reg.corp.test/shop/web:2.1\\": failed to do request: Head \\"https://reg.corp.test/v2/shop/web/manifests/2.1\\": dial tcp: lookup reg.corp.test: no such host" image="reg.corp.test/shop/web:2.1"
            Mar 02 10:11:43 node-5 kubelet[812]: I0302 10:11:43.000001     812 prober.go:107] "Probe failed" probeType="Liveness" pod="shop/api-1" podUID="0a1b2c3d" containerName="api" probeResult="failure" output="Get \\"http://10.244.1.7:8080/healthz\\": dial tcp 10.244.1.7:8080: connect: connection refused"
            """
        let finding = try onlyFinding(text)
        #expect(finding.cause == .network)
        #expect(finding.evidence.line == 3)
        #expect(finding.occurrences == 1)
        #expect(finding.node == "node-5")
    }

    /// In pod status, a container's waiting reason gives its message the pull context; a sibling
    /// container's crash message gets none of it.
    @Test func podStatusContextStaysInItsContainer() throws {
        let text = """
            {
                "kind": "Pod",
                "metadata": {"name": "web-1", "namespace": "shop"},
                "status": {
                    "containerStatuses": [
                        {
                            "image": "reg.corp.test/shop/web:2.1",
                            "name": "web",
                            "state": {
                                "waiting": {
                                    "message": "Get \\"https://reg.corp.test/v1/_ping\\": dial tcp: lookup reg.corp.test: no such host",
                                    "reason": "ErrImagePull"
                                }
                            }
                        },
                        {
                            "image": "reg.corp.test/shop/worker:2.1",
                            "lastState": {
                                "terminated": {
                                    "exitCode": 1,
                                    "message": "panic: dial tcp 10.0.0.5:5432: connect: connection refused",
                                    "reason": "Error"
                                }
                            },
                            "name": "worker"
                        }
                    ]
                }
            }
            """
        let finding = try onlyFinding(text)
        #expect(finding.cause == .network)
        #expect(finding.container == "web")
    }

    /// The unrelated phrases stay: a config map whose name says "registry" carries pull words of
    /// its own, and a probe's status code needs no context at all.
    @Test(arguments: [
        #"  Warning  Failed     6s  kubelet  Error: configmap "registry-settings" not found"#,
        #"  Warning  Unhealthy  6s  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 503"#,
    ])
    func warningsWithPullWordsOfTheirOwn(_ text: String) {
        #expect(PullFailureDiagnoser.diagnose(text).findings.isEmpty)
    }
}
