import Testing
@testable import TriageDiagnosis

/// Output that mentions images, registries or network errors without any image pull failing:
/// successful pulls, crashing or killed containers, probes, scheduling, container config and
/// sandbox network errors. Shaped after the kubelet's event and log formats, with invented names.
@Suite("Texts that are not pull failures")
struct NotPullFailureTests {
    /// A text that must give no finding.
    struct Example: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    static let examples: [Example] = [
        Example(
            name: "successful pull events",
            text: """
                  Normal  Scheduled  40s  default-scheduler  Successfully assigned shop/web-1 to node-a
                  Normal  Pulling    39s  kubelet            Pulling image "reg.corp.test/shop/web:2.1"
                  Normal  Pulled     31s  kubelet            Successfully pulled image "reg.corp.test/shop/web:2.1" in 8.1s (8.1s including waiting). Image size: 48213557 bytes.
                  Normal  Created    31s  kubelet            Created container web
                  Normal  Started    30s  kubelet            Started container web
                """),
        Example(
            name: "image already present",
            text: """
                  Normal  Pulled   5s  kubelet  Container image "reg.corp.test/shop/web:2.1" already present on machine
                  Normal  Created  5s  kubelet  Created container web
                """),
        Example(
            name: "crash loop describe",
            text: """
                    State:          Waiting
                      Reason:       CrashLoopBackOff
                    Last State:     Terminated
                      Reason:       Error
                      Exit Code:    1
                  Normal   Pulled   2m (x5 over 4m)  kubelet  Container image "reg.corp.test/shop/web:2.1" already present on machine
                  Warning  BackOff  1s (x20 over 4m) kubelet  Back-off restarting failed container web in pod web-1_shop(0a1b2c3d-0000-4000-8000-000000000001)
                """),
        Example(
            name: "crash loop kubelet log",
            text:
                #"E0301 10:11:12.131415    2112 pod_workers.go:1301] "Error syncing pod, skipping" err="failed to \"StartContainer\" for \"web\" with CrashLoopBackOff: \"back-off 5m0s restarting failed container=web pod=web-1_shop(0a1b2c3d)\"" pod="shop/web-1" podUID="0a1b2c3d""#
        ),
        Example(
            name: "OOM killed",
            text: """
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                    Image:          reg.corp.test/shop/web:2.1
                """),
        Example(
            name: "liveness probe refused",
            text: """
                  Warning  Unhealthy  12s (x3 over 32s)  kubelet  Liveness probe failed: Get "http://10.244.1.7:8080/healthz": dial tcp 10.244.1.7:8080: connect: connection refused
                  Normal   Killing    12s                kubelet  Container web failed liveness probe, will be restarted
                  Normal   Pulled     11s                kubelet  Container image "reg.corp.test/shop/web:2.1" already present on machine
                """),
        Example(
            name: "readiness probe timeout",
            text:
                #"  Warning  Unhealthy  3s  kubelet  Readiness probe failed: Get "https://10.244.1.7:8443/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"#
        ),
        Example(
            name: "probe kubelet log",
            text:
                #"I0301 10:11:12.131415    2112 prober.go:107] "Probe failed" probeType="Liveness" pod="shop/web-1" podUID="0a1b2c3d" containerName="web" probeResult="failure" output="Get \"http://10.244.1.7:8080/healthz\": dial tcp 10.244.1.7:8080: connect: connection refused""#
        ),
        Example(
            name: "scheduling failure",
            text:
                "  Warning  FailedScheduling  10s  default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."
        ),
        Example(
            name: "missing config map",
            text: """
                  Normal   Pulled  6s (x3 over 20s)  kubelet  Container image "reg.corp.test/shop/web:2.1" already present on machine
                  Warning  Failed  6s (x3 over 20s)  kubelet  Error: configmap "web-config" not found
                """),
        Example(
            name: "missing secret key",
            text: """
                  Normal   Pulled  6s  kubelet  Container image "reg.corp.test/shop/web:2.1" already present on machine
                  Warning  Failed  6s  kubelet  Error: couldn't find key DB_PASSWORD in Secret shop/web-db
                """),
        Example(
            name: "entrypoint not found",
            text: """
                  Normal   Pulled  3s  kubelet  Container image "reg.corp.test/shop/web:2.1" already present on machine
                  Warning  Failed  3s  kubelet  Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/srv/run": stat /srv/run: no such file or directory: unknown
                """),
        Example(
            name: "executable not in PATH",
            text: """
                  Normal   Pulled  3s  kubelet  Successfully pulled image "reg.corp.test/shop/web:2.1" in 1.2s (1.2s including waiting). Image size: 1234 bytes.
                  Warning  Failed  3s  kubelet  Error: failed to start container "web": Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "serve": executable file not found in $PATH: unknown
                """),
        Example(
            name: "sandbox network plugin unauthorized",
            text:
                #"  Warning  FailedCreatePodSandBox  4s  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "5e6f7a8b": plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized"#
        ),
        Example(
            name: "image garbage collection",
            text:
                "  Warning  ImageGCFailed  2m  kubelet  failed to garbage collect required amount of images. Attempted to free 2147483648 bytes, but only found 0 bytes eligible to free."
        ),
        Example(
            name: "docker pull success",
            text: """
                $ docker pull reg.corp.test/shop/web:2.1
                2.1: Pulling from shop/web
                5a6b7c8d: Pull complete
                Digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                Status: Downloaded newer image for reg.corp.test/shop/web:2.1
                """),
        Example(
            name: "podman pull success",
            text: """
                Trying to pull reg.corp.test/shop/web:2.1...
                Getting image source signatures
                Copying blob sha256:5a6b7c8d done
                Copying config sha256:9e8f7a6b done
                Writing manifest to image destination
                Storing signatures
                """),
        Example(
            name: "crictl and ctr pull success",
            text: """
                Image is up to date for sha256:9e8f7a6b5c4d3e2f1a0b9e8f7a6b5c4d3e2f1a0b9e8f7a6b5c4d3e2f1a0b9e8f
                reg.corp.test/shop/web:2.1: resolved       |++++++++++++++++++++++++++++++++++++++|
                elapsed: 2.4 s                              total:  12.1 M (5.0 MiB/s)
                unpacking linux/amd64 sha256:9e8f7a6b...    done: 310.2ms
                """),
        Example(
            name: "kubelet journal: API server refused",
            text: """
                Mar 02 10:11:10 node-5 kubelet[812]: I0302 10:11:10.000001     812 kuberuntime_image.go:55] "Pulling image" image="reg.corp.test/shop/web:2.1"
                Mar 02 10:11:12 node-5 kubelet[812]: E0302 10:11:12.000001     812 reflector.go:158] "Unhandled Error" err="k8s.io/client-go/informers/factory.go:160: Failed to watch *v1.Service: failed to list *v1.Service: Get \\"https://10.0.0.1:6443/api/v1/services?limit=500\\": dial tcp 10.0.0.1:6443: connect: connection refused" logger="UnhandledError"
                """),
        Example(
            name: "crictl pull done, then the app is not reachable",
            text: """
                $ sudo crictl pull reg.corp.test/shop/web:2.1
                Image is up to date for sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                $ curl http://10.0.0.5:8080/
                curl: (7) Failed to connect to 10.0.0.5 port 8080: Connection refused
                """),
        Example(
            name: "get pods without pull errors",
            text: """
                NAME     READY   STATUS             RESTARTS      AGE
                web-1    0/1     CrashLoopBackOff   6 (30s ago)   8m
                web-2    0/1     OOMKilled          2 (10s ago)   8m
                job-1    0/1     Completed          0             8m
                """),
    ]

    /// Warnings about other objects (a config map, a probe, the container's process, the pod
    /// sandbox's network, a lifecycle hook), each in a describe table below a normal pull event
    /// and in an events table right below a `Pulling` row of the same pod: the pull events' words
    /// do not make them pull failures.
    static let warningsBesidePullEvents: [Example] = {
        let image = "reg.corp.test/shop/web:2.1"
        let warnings: [(name: String, reason: String, message: String)] = [
            ("config map", "Failed", #"Error: configmap "app-config" not found"#),
            ("liveness probe", "Unhealthy", #"Liveness probe failed: Get "http://10.1.2.3:8080/healthz": dial tcp 10.1.2.3:8080: connect: connection refused"#),
            (
                "missing entrypoint", "Failed",
                #"Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/run": stat /app/run: no such file or directory: unknown"#
            ),
            (
                "sandbox network unauthorized", "FailedCreatePodSandBox",
                #"Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "9f8e7d6c": plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized"#
            ),
            (
                "post-start hook refused", "FailedPostStartHook",
                #"Exec lifecycle hook ([/bin/sh -c curl -sf http://localhost:8080/ready]) for Container "web" in Pod "web-1_shop(0a1b2c3d)" failed - error: command '/bin/sh -c curl -sf http://localhost:8080/ready' exited with 7: curl: (7) Failed to connect to localhost port 8080: Connection refused"#
            ),
            ("crun executable not found", "Failed", "Error: container create failed: executable file `/app/run` not found in $PATH: No such file or directory"),
        ]
        return warnings.flatMap { warning in
            [
                Example(
                    name: "describe: \(warning.name)",
                    text: """
                        Events:
                          Type     Reason     Age               From               Message
                          ----     ------     ----              ----               -------
                          Normal   Scheduled  30s               default-scheduler  Successfully assigned shop/web-1 to node-a
                          Normal   Pulled     6s (x3 over 20s)  kubelet            Container image "\(image)" already present on machine
                          Warning  \(warning.reason)  6s (x3 over 20s)  kubelet  \(warning.message)
                        """),
                Example(
                    name: "events: \(warning.name)",
                    text: """
                        LAST SEEN   TYPE      REASON    OBJECT      MESSAGE
                        3m          Normal    Pulled    pod/web-1   Successfully pulled image "\(image)" in 1.1s (1.1s including waiting). Image size: 1234 bytes.
                        40s         Normal    Pulling   pod/web-1   Pulling image "\(image)"
                        12s         Warning   \(warning.reason)   pod/web-1   \(warning.message)
                        """),
            ]
        }
    }()

    @Test(arguments: examples + warningsBesidePullEvents)
    func givesNoFinding(_ example: Example) {
        let report = PullFailureDiagnoser.diagnose(example.text)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.cause.rawValue): \($0.evidence.match)" })")
    }

    /// Unrelated warnings beside a real pull failure neither add findings nor change its cause.
    @Test func unrelatedWarningsBesideAPullFailure() throws {
        let text = """
              Warning  Unhealthy  2m   kubelet  Liveness probe failed: Get "http://10.244.1.7:8080/healthz": dial tcp 10.244.1.7:8080: connect: connection refused
              Warning  Failed     1m   kubelet  Error: configmap "web-config" not found
              Warning  Failed     20s  kubelet  Failed to pull image "reg.corp.test/shop/api:3.0": rpc error: code = NotFound desc = failed to pull and unpack image "reg.corp.test/shop/api:3.0": failed to resolve reference "reg.corp.test/shop/api:3.0": reg.corp.test/shop/api:3.0: not found
              Normal   BackOff    5s   kubelet  Back-off pulling image "reg.corp.test/shop/api:3.0"
            """
        let report = PullFailureDiagnoser.diagnose(text)
        #expect(report.findings.count == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.cause == .imageNotFound)
        #expect(finding.image?.original == "reg.corp.test/shop/api:3.0")
    }
}
