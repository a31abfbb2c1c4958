import Testing
@testable import TriageDiagnosis

/// One fixture per input format, written in the printers' layouts.
@Suite("Input formats")
struct FormatTests {
    @Test func describeCurrentLayoutGivesOneFindingPerContainer() throws {
        let text = """
            Name:             shop-7f9c6d5b8-q2w4e
            Namespace:        retail
            Node:             worker-2/10.20.0.12
            Init Containers:
              migrate:
                Image:          registry.example.com/retail/migrate:3.1
                State:          Waiting
                  Reason:       ImagePullBackOff
            Containers:
              web:
                Image:          acme/shop-web:4.0.1
                State:          Waiting
                  Reason:       ErrImagePull
            Events:
              Type     Reason     Age                From               Message
              ----     ------     ----               ----               -------
              Normal   Scheduled  2m                 default-scheduler  Successfully assigned retail/shop-7f9c6d5b8-q2w4e to worker-2
              Normal   Pulling    90s (x3 over 2m)   kubelet            Pulling image "registry.example.com/retail/migrate:3.1"
              Warning  Failed     90s (x3 over 2m)   kubelet            Failed to pull image "registry.example.com/retail/migrate:3.1": failed to pull and unpack image "registry.example.com/retail/migrate:3.1": failed to resolve reference "registry.example.com/retail/migrate:3.1": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://registry.example.com/service/token?scope=repository%3Aretail%2Fmigrate%3Apull: 401 Unauthorized
              Warning  Failed     90s (x3 over 2m)   kubelet            Error: ErrImagePull
              Warning  Failed     60s (x2 over 2m)   kubelet            Failed to pull image "acme/shop-web:4.0.1": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/acme/shop-web:4.0.1": failed to resolve reference "docker.io/acme/shop-web:4.0.1": docker.io/acme/shop-web:4.0.1: not found
              Normal   BackOff    10s (x8 over 2m)   kubelet            Back-off pulling image "acme/shop-web:4.0.1"
            """
        let report = PullFailureDiagnoser.diagnose(text)
        #expect(report.inputKind == .describe)
        #expect(report.findings.count == 2)
        let migrate = try #require(report.findings.first { $0.container == "migrate" })
        #expect(migrate.cause == .auth)
        #expect(migrate.pod == "shop-7f9c6d5b8-q2w4e")
        #expect(migrate.namespace == "retail")
        #expect(migrate.node == "worker-2")
        #expect(migrate.registry?.family == .selfHosted)
        #expect(migrate.runtime == .containerd)
        let web = try #require(report.findings.first { $0.container == "web" })
        #expect(web.cause == .imageNotFound)
        #expect(web.image?.normalized == "docker.io/acme/shop-web:4.0.1")
        #expect(web.evidence.line == 21)
        #expect(report.cause == .auth)
    }

    @Test func describeOldLayoutReadsSubObjectAndNode() throws {
        let text = """
            Events:
              FirstSeen\tLastSeen\tCount\tFrom\t\t\tSubObjectPath\t\tType\t\tReason\t\tMessage
              ---------\t--------\t-----\t----\t\t\t-------------\t\t--------\t------\t\t-------
              3m\t\t3m\t\t1\t{default-scheduler }\t\t\t\tNormal\t\tScheduled\tSuccessfully assigned legacy-1 to node-old
              3m\t\t1m\t\t4\t{kubelet node-old}\tspec.containers{api}\tWarning\t\tFailed\t\tFailed to pull image "acme/api:9": Error: image acme/api:9 not found
              3m\t\t5s\t\t12\t{kubelet node-old}\tspec.containers{api}\tNormal\t\tBackOff\t\tBack-off pulling image "acme/api:9"
            """
        let report = PullFailureDiagnoser.diagnose(text)
        #expect(report.inputKind == .describe)
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.cause == .imageNotFound)
        #expect(finding.container == "api")
        #expect(finding.node == "node-old")
    }

    @Test func getEventsTableAndWide() throws {
        let table = """
            LAST SEEN   TYPE      REASON    OBJECT                 MESSAGE
            41s         Warning   Failed    pod/queue-5d8b-7kq2p   Failed to pull image "rabbitmq:3.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/rabbitmq:3.99": failed to resolve reference "docker.io/library/rabbitmq:3.99": docker.io/library/rabbitmq:3.99: not found
            12s         Normal    BackOff   pod/queue-5d8b-7kq2p   Back-off pulling image "rabbitmq:3.99"
            """
        let report = PullFailureDiagnoser.diagnose(table)
        #expect(report.inputKind == .getEvents)
        #expect(report.findings.first?.pod == "queue-5d8b-7kq2p")
        #expect(report.cause == .imageNotFound)

        let wide = """
            LAST SEEN   TYPE      REASON   OBJECT            SUBOBJECT                SOURCE             MESSAGE                                                                                              FIRST SEEN   COUNT   NAME
            5m          Warning   Failed   pod/etl-0         spec.containers{loader}  kubelet, node-7    Failed to pull image "ghcr.io/acme/loader:2": failed to pull and unpack image "ghcr.io/acme/loader:2": failed to resolve reference "ghcr.io/acme/loader:2": failed to do request: Head "https://ghcr.io/v2/acme/loader/manifests/2": dial tcp 140.82.0.1:443: connect: connection refused   9m   4   etl-0.17b2
            """
        let wideReport = PullFailureDiagnoser.diagnose(wide)
        let finding = try #require(wideReport.findings.first)
        #expect(finding.cause == .network)
        #expect(finding.container == "loader")
        #expect(finding.node == "node-7")
        #expect(finding.pod == "etl-0")
        #expect(finding.registry?.family == .ghcr)
    }

    @Test func eventsJSON() throws {
        let text = """
            {
                "apiVersion": "v1",
                "items": [
                    {
                        "apiVersion": "v1",
                        "involvedObject": {
                            "fieldPath": "spec.containers{front}",
                            "kind": "Pod",
                            "name": "front-6b7c",
                            "namespace": "web"
                        },
                        "kind": "Event",
                        "message": "Failed to pull image \\"acme/front:2\\": rpc error: code = Unknown desc = failed to pull and unpack image \\"docker.io/acme/front:2\\": failed to resolve reference \\"docker.io/acme/front:2\\": unexpected status from HEAD request to https://registry-1.docker.io/v2/acme/front/manifests/2: 429 Too Many Requests",
                        "reason": "Failed",
                        "source": {
                            "component": "kubelet",
                            "host": "node-a"
                        },
                        "type": "Warning"
                    },
                    {
                        "apiVersion": "v1",
                        "involvedObject": {
                            "fieldPath": "spec.containers{back}",
                            "kind": "Pod",
                            "name": "back-9d8e",
                            "namespace": "web"
                        },
                        "kind": "Event",
                        "message": "Failed to pull image \\"acme/back:5\\": no matching manifest for linux/arm64 in the manifest list entries",
                        "reason": "Failed",
                        "source": {
                            "host": "node-b"
                        },
                        "type": "Warning"
                    }
                ],
                "kind": "List"
            }
            """
        let report = PullFailureDiagnoser.diagnose(text)
        #expect(report.inputKind == .eventsJSON)
        #expect(report.findings.count == 2)
        let front = try #require(report.findings.first { $0.container == "front" })
        #expect(front.cause == .rateLimit)
        #expect(front.pod == "front-6b7c")
        #expect(front.namespace == "web")
        #expect(front.node == "node-a")
        let back = try #require(report.findings.first { $0.container == "back" })
        #expect(back.cause == .platform)
        #expect(back.node == "node-b")
    }

    @Test func eventsYAML() throws {
        let text = """
            apiVersion: v1
            items:
            - apiVersion: v1
              involvedObject:
                fieldPath: spec.containers{cache}
                kind: Pod
                name: cache-0
                namespace: data
              kind: Event
              message: 'Failed to pull image "registry.example.com/data/cache:1": rpc error: code = Unknown desc = failed to pull and unpack image "registry.example.com/data/cache:1": failed to resolve reference "registry.example.com/data/cache:1": failed to do request: Head "https://registry.example.com/v2/data/cache/manifests/1": x509: certificate signed by unknown authority'
              reason: Failed
              source:
                host: node-c
              type: Warning
            kind: List
            """
        let report = PullFailureDiagnoser.diagnose(text)
        #expect(report.inputKind == .eventsYAML)
        let finding = try #require(report.findings.first)
        #expect(finding.cause == .tls)
        #expect(finding.container == "cache")
        #expect(finding.pod == "cache-0")
        #expect(finding.node == "node-c")
    }

    @Test func podJSONWithInitAndMainStatuses() throws {
        let text = """
            {
                "apiVersion": "v1",
                "kind": "Pod",
                "metadata": {
                    "name": "report-5c4b",
                    "namespace": "finance"
                },
                "spec": {
                    "nodeName": "node-9"
                },
                "status": {
                    "containerStatuses": [
                        {
                            "image": "acme/report:1.0",
                            "name": "report",
                            "ready": false,
                            "state": {
                                "waiting": {
                                    "reason": "PodInitializing"
                                }
                            }
                        }
                    ],
                    "initContainerStatuses": [
                        {
                            "image": "busybx:1.36",
                            "name": "wait-db",
                            "state": {
                                "waiting": {
                                    "message": "Back-off pulling image \\"busybx:1.36\\": ErrImagePull: failed to pull and unpack image \\"docker.io/library/busybx:1.36\\": failed to resolve reference \\"docker.io/library/busybx:1.36\\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed",
                                    "reason": "ImagePullBackOff"
                                }
                            }
                        }
                    ]
                }
            }
            """
        let report = PullFailureDiagnoser.diagnose(text)
        #expect(report.inputKind == .podJSON)
        #expect(report.findings.count == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.cause == .auth)
        #expect(finding.container == "wait-db")
        #expect(finding.pod == "report-5c4b")
        #expect(finding.namespace == "finance")
        #expect(finding.node == "node-9")
        #expect(finding.image?.suggestion == "docker.io/library/busybox:1.36")
        #expect(finding.alternatives.map(\.cause) == [.imageNotFound])
    }

    @Test func podYAMLWithFoldedMessage() throws {
        let text = """
            status:
              containerStatuses:
              - image: 'acme/Tool:1'
                name: tool
                state:
                  waiting:
                    message: 'Failed to apply default image tag "acme/Tool:1": couldn''t
                      parse image reference "acme/Tool:1": invalid reference format: repository
                      name must be lowercase'
                    reason: InvalidImageName
            """
        let report = PullFailureDiagnoser.diagnose(text)
        #expect(report.inputKind == .podYAML)
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.cause == .invalidName)
        #expect(finding.container == "tool")
        #expect(finding.image?.problem?.contains("repository name must be lowercase") == true)
        #expect(finding.image?.suggestion == "acme/tool:1")
    }

    @Test func getPodsRowsGiveOneFindingPerPod() {
        let text = """
            NAME                     READY   STATUS             RESTARTS   AGE
            api-7d9f-abcde           0/1     ImagePullBackOff   0          3m
            api-7d9f-fghij           0/1     ErrImagePull       0          3m
            db-0                     1/1     Running            0          9m
            """
        let report = PullFailureDiagnoser.diagnose(text)
        #expect(report.inputKind == .getPods)
        #expect(Set(report.findings.compactMap(\.pod)) == ["api-7d9f-abcde", "api-7d9f-fghij"])
        #expect(report.cause == .other)
    }

    @Test(
        "runtime and tool outputs",
        arguments: [
            (
                "Mar 02 10:11:12 node-5 kubelet[812]: E0302 10:11:12.000001     812 log.go:32] \"PullImage from image service failed\" err=\"rpc error: code = Unknown desc = failed to pull and unpack image \\\"docker.io/acme/app:3\\\": failed to resolve reference \\\"docker.io/acme/app:3\\\": failed to do request: Head \\\"https://registry-1.docker.io/v2/acme/app/manifests/3\\\": dial tcp: lookup registry-1.docker.io: no such host\" image=\"acme/app:3\"",
                InputKind.kubeletLog, PullFailureCause.network, ContainerRuntime.containerd
            ),
            (
                "time=\"2025-03-02T10:11:12Z\" level=error msg=\"PullImage \\\"acme/app:3\\\" failed\" error=\"failed to pull and unpack image \\\"docker.io/acme/app:3\\\": failed to extract layer sha256:abcd: write /var/lib/containerd/tmp/x: no space left on device: unknown\"",
                .containerdLog, .disk, .containerd
            ),
            (
                "$ sudo crictl pull quay.io/acme/arm-only:1\nFATA[0001] pulling image: rpc error: code = Unknown desc = choosing image instance: no image found in manifest list for architecture amd64, variant \"\", OS linux",
                .crictlPull, .platform, .crio
            ),
            (
                "$ sudo ctr -n k8s.io images pull docker.io/acme/app:3\nctr: failed to resolve reference \"docker.io/acme/app:3\": failed to do request: Head \"https://registry-1.docker.io/v2/acme/app/manifests/3\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid",
                .ctrPull, .tls, .containerd
            ),
            (
                "$ podman pull registry.example.com/team/app:2\nTrying to pull registry.example.com/team/app:2...\nError: initializing source docker://registry.example.com/team/app:2: reading manifest 2 in registry.example.com/team/app: unauthorized: authentication required",
                .podmanPull, .auth, .podman
            ),
            (
                "[preflight] Pulling images required for setting up a Kubernetes cluster\nerror execution phase preflight: [preflight] Some fatal errors occurred:\n\t[ERROR ImagePull]: failed to pull image registry.k8s.io/kube-proxy:v1.31.0: output: E0101 00:00:00.000000    1234 remote_image.go:180] \"PullImage from image service failed\" err=\"rpc error: code = DeadlineExceeded desc = failed to pull and unpack image \\\"registry.k8s.io/kube-proxy:v1.31.0\\\": failed to resolve reference: context deadline exceeded\"\n, error: exit status 1",
                .kubeadmPull, .network, .containerd
            ),
            (
                "$ docker pull acme/heavy:1\n1: Pulling from acme/heavy\n0123456789ab: Pull complete\nfailed to register layer: Error processing tar file(exit status 1): write /opt/model.bin: no space left on device",
                .dockerPull, .disk, .docker
            ),
        ])
    func runtimeOutputs(text: String, kind: InputKind, cause: PullFailureCause, runtime: ContainerRuntime) throws {
        let report = PullFailureDiagnoser.diagnose(text)
        #expect(report.inputKind == kind)
        #expect(report.cause == cause)
        #expect(report.findings.first?.runtime == runtime)
    }

    /// ctr names the image only on its progress lines; the bare error after them must borrow it.
    @Test(
        "ctr progress lines name the image of a bare error",
        arguments: [
            ("ctr: no match for platform in manifest: not found", PullFailureCause.platform),
            ("ctr: failed to copy: httpReadSeeker: failed open: unexpected EOF", .runtime),
        ])
    func ctrProgressLinesGiveTheImage(error: String, cause: PullFailureCause) throws {
        let text = """
            127.0.0.1:5000/team/app:1.0:                                        resolving      |\u{1B}[32m\u{1B}[0m--------------------------------------|
            elapsed: 0.1 s                                                      total:   0.0 B (0.0 B/s)
            127.0.0.1:5000/team/app:1.0:                                        resolved       |\u{1B}[32m++++++++++++++++++++++++++++++++++++++\u{1B}[0m|
            manifest-sha256:f677a0019ecf510f37412c7e8896140702c042ba42fe6a6b07da0d75f08a767a: done           |\u{1B}[32m++++++++++++++++++++++++++++++++++++++\u{1B}[0m|
            elapsed: 0.2 s                                                      total:  401.0  (1.8 KiB/s)
            \(error)
            """
        let finding = try #require(PullFailureDiagnoser.diagnose(text).findings.first)
        #expect(finding.cause == cause)
        #expect(finding.image?.original == "127.0.0.1:5000/team/app:1.0")
        #expect(finding.evidence.line == 6)
    }

    /// Docker Hub's API host in a manifest URL names the image as `docker.io/…`.
    @Test func dockerHubAPIHostNamesADockerHubImage() throws {
        let text = #"failed to do request: Head "https://registry-1.docker.io/v2/library/redis/manifests/7.2": dial tcp 54.1.2.3:443: i/o timeout"#
        let finding = try #require(PullFailureDiagnoser.diagnose(text).findings.first)
        #expect(finding.cause == .network)
        #expect(finding.image?.normalized == "docker.io/library/redis:7.2")
        #expect(finding.registry?.family == .dockerhub)
    }

    /// CRI-O's short-name search pulls `team/app` from the first registry it is configured with;
    /// the finding names the registry it asked, not Docker Hub.
    @Test func shortNameSearchNamesTheRegistryAsked() throws {
        let text =
            #"Failed to pull image "team/app:2.1": initializing source docker://quay.example.org/team/app:2.1: reading manifest 2.1 in quay.example.org/team/app: unauthorized: access to the requested resource is not authorized"#
        let finding = try #require(PullFailureDiagnoser.diagnose(text).findings.first)
        #expect(finding.cause == .auth)
        #expect(finding.image?.normalized == "quay.example.org/team/app:2.1")
        #expect(finding.registry?.host == "quay.example.org")
        // containerd spells a short name as Docker Hub's, which it is: the pod's spelling stays.
        let containerd =
            #"Failed to pull image "team/app:2.1": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/team/app:2.1": failed to resolve reference "docker.io/team/app:2.1": docker.io/team/app:2.1: not found"#
        let hub = try #require(PullFailureDiagnoser.diagnose(containerd).findings.first)
        #expect(hub.image?.original == "team/app:2.1")
        #expect(hub.registry?.host == "docker.io")
    }

    @Test func kubeletJournalGivesNode() throws {
        let text =
            "Mar 02 10:11:12 node-5 kubelet[812]: E0302 10:11:12.000001     812 pod_workers.go:1301] \"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"app\\\" with ErrImagePull: \\\"manifest unknown\\\"\" pod=\"shop/app-1\""
        let finding = try #require(PullFailureDiagnoser.diagnose(text).findings.first)
        #expect(finding.node == "node-5")
        #expect(finding.pod == "app-1")
        #expect(finding.namespace == "shop")
        #expect(finding.cause == .imageNotFound)
    }
}
