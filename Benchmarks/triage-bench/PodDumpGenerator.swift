import Foundation

/// `triage-bench gen-pods N [FILE]`: a realistic `kubectl get pods -A -o json` dump of N pods
/// (about 4.8 KB each, kubectl's 4-space layout), 10% of them failing to pull with varied
/// causes and containerd or CRI-O wording. Deterministic: the same N gives the same bytes.
struct PodDumpGenerator {
    /// A failure the generator can give a container: waiting reason, image and message.
    struct Failure {
        var reason: String
        var image: String
        var message: String
    }

    let count: Int

    /// `gen-pods N [FILE]`.
    static func main(_ arguments: [String]) -> Int32 {
        guard let count = arguments.first.flatMap({ Int($0) }), count >= 0 else {
            FileHandle.standardError.write(Data("usage: triage-bench gen-pods N [FILE|-]\n".utf8))
            return 2
        }
        return PodDumpGenerator(count: count).write(to: arguments.dropFirst().first)
    }

    /// Writes the dump to `path`, or to standard output when `path` is nil or `-`.
    func write(to path: String?) -> Int32 {
        let file: UnsafeMutablePointer<FILE>?
        let toStandardOutput = path == nil || path == "-"
        file = toStandardOutput ? fdopen(STDOUT_FILENO, "w") : fopen(path!, "w")
        guard let file else {
            FileHandle.standardError.write(Data("cannot write \(path ?? "-"): \(String(cString: strerror(errno)))\n".utf8))
            return 2
        }
        var out = "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n"
        for index in 0..<count {
            out += pod(index)
            out += index == count - 1 ? "\n" : ",\n"
            if out.utf8.count > 1 << 20 { flush(&out, file) }
        }
        out += "    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n"
        flush(&out, file)
        fclose(file)
        return 0
    }

    private func flush(_ text: inout String, _ file: UnsafeMutablePointer<FILE>) {
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        text = ""
        text.reserveCapacity(1 << 21)
    }

    /// Which workload a pod belongs to: kind, workload name, owner name, pod name.
    private func owner(_ index: Int, app: String) -> (kind: String, owner: String, pod: String, hash: String?) {
        let hash = Self.hash(index / 7)
        let suffix = Self.hash(index &* 7919).prefix(5)
        switch index % 10 {
        case 0..<6: return ("ReplicaSet", "\(app)-\(hash)", "\(app)-\(hash)-\(suffix)", hash)
        case 6, 7: return ("StatefulSet", app, "\(app)-\(index % 5)", nil)
        case 8: return ("DaemonSet", "\(app)-agent", "\(app)-agent-\(suffix)", nil)
        default: return ("Job", "\(app)-report-\(28_900_000 + index % 3)", "\(app)-report-\(28_900_000 + index % 3)-\(suffix)", nil)
        }
    }

    /// Kubernetes-style suffix characters (no vowels, no look-alikes).
    private static func hash(_ seed: Int) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        var value = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678
        var text = ""
        for _ in 0..<10 {
            text.append(alphabet[Int(value % UInt64(alphabet.count))])
            value /= UInt64(alphabet.count)
            value ^= value >> 7
            value &+= 0x2545_F491
        }
        return text
    }

    /// The failure of the failing pods (every tenth), varied by `index`.
    private func failure(_ index: Int, app: String, namespace: String) -> Failure {
        let variant = (index / 10) % 12
        let tag = "1.\(index % 3).0"
        switch variant {
        case 0:
            let image = "docker.io/library/\(app):\(tag)-missing"
            return Failure(
                reason: "ImagePullBackOff", image: image,
                message:
                    "Back-off pulling image \\\"\(image)\\\": ErrImagePull: failed to pull and unpack image \\\"\(image)\\\": failed to resolve reference \\\"\(image)\\\": \(image): not found"
            )
        case 1:
            let image = "registry.corp.example.com/shop/\(app):\(tag)"
            return Failure(
                reason: "ErrImagePull", image: image,
                message:
                    "rpc error: code = Unknown desc = failed to pull and unpack image \\\"\(image)\\\": failed to resolve reference \\\"\(image)\\\": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://registry.corp.example.com/token?scope=repository%3A\(namespace)%2F\(app)%3Apull\\u0026service=registry.corp.example.com: 401 Unauthorized"
            )
        case 2:
            let image = "quay.io/acme/\(app):\(tag)"
            return Failure(
                reason: "ImagePullBackOff", image: image,
                message:
                    "Back-off pulling image \\\"\(image)\\\": ErrImagePull: rpc error: code = Unknown desc = reading manifest \(tag) in quay.io/acme/\(app): unauthorized: access to the requested resource is not authorized"
            )
        case 3:
            let image = "docker.io/library/redis:7.\(index % 3)"
            return Failure(
                reason: "ImagePullBackOff", image: image,
                message:
                    "Back-off pulling image \\\"\(image)\\\": ErrImagePull: failed to pull and unpack image \\\"\(image)\\\": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/redis/manifests/sha256:4b1e6c3a9f0d2e8b7c5a1f3d9e2b6c8a0f4d7e1b3c5a9f2d8e6b4c0a7f1d3e5b: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"
            )
        case 4:
            let image = "ghcr.io/acme/\(app):\(tag)"
            return Failure(
                reason: "ErrImagePull", image: image,
                message:
                    "failed to pull and unpack image \\\"\(image)\\\": failed to resolve reference \\\"\(image)\\\": failed to do request: Head \\\"https://ghcr.io/v2/acme/\(app)/manifests/\(tag)\\\": dial tcp: lookup ghcr.io on 10.96.0.10:53: server misbehaving"
            )
        case 5:
            let image = "harbor.internal.example.net/platform/\(app):\(tag)"
            return Failure(
                reason: "ImagePullBackOff", image: image,
                message:
                    "Back-off pulling image \\\"\(image)\\\": ErrImagePull: failed to pull and unpack image \\\"\(image)\\\": failed to resolve reference \\\"\(image)\\\": failed to do request: Head \\\"https://harbor.internal.example.net/v2/platform/\(app)/manifests/\(tag)\\\": tls: failed to verify certificate: x509: certificate signed by unknown authority"
            )
        case 6:
            let image = "Registry.Example.com/\(app.capitalized):v\(index % 5)"
            return Failure(
                reason: "InvalidImageName", image: image,
                message:
                    "Failed to apply default image tag \\\"\(image)\\\": couldn't parse image reference \\\"\(image)\\\": invalid reference format: repository name must be lowercase"
            )
        case 7:
            let image = "quay.io/acme/\(app):\(tag)"
            return Failure(reason: "ImagePullBackOff", image: image, message: "Back-off pulling image \\\"\(image)\\\"")
        case 8:
            let image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/\(app):\(tag)"
            return Failure(
                reason: "ErrImagePull", image: image,
                message:
                    "rpc error: code = Unknown desc = Error reading manifest \(tag) in 123456789012.dkr.ecr.eu-west-1.amazonaws.com/\(app): manifest unknown: Requested image not found"
            )
        case 9:
            let image = "local/\(app)-tools:dev"
            return Failure(reason: "ErrImageNeverPull", image: image, message: "Container image \\\"\(image)\\\" is not present with pull policy of Never")
        case 10:
            let image = "docker.io/acme/\(app):\(tag)-arm"
            return Failure(
                reason: "ImagePullBackOff", image: image,
                message:
                    "Back-off pulling image \\\"\(image)\\\": ErrImagePull: failed to pull and unpack image \\\"\(image)\\\": no match for platform in manifest: not found"
            )
        default:
            let image = "gcr.io/acme-prod/\(app):\(tag)"
            return Failure(
                reason: "ImagePullBackOff", image: image,
                message:
                    "Back-off pulling image \\\"\(image)\\\": ErrImagePull: failed to pull and unpack image \\\"\(image)\\\": failed to copy: read tcp 10.0.3.17:41234-\\u003e142.250.102.82:443: read: connection reset by peer"
            )
        }
    }

    /// One element of `items`, indented as kubectl prints it.
    private func pod(_ index: Int) -> String {
        let apps = [
            "web", "api", "checkout", "payments", "search", "catalog", "worker", "auth", "cart", "billing", "ledger", "gateway", "notifier", "recommender",
        ]
        let app = apps[index % apps.count]
        let namespace = "team-\(index % 37)"
        let (kind, ownerName, name, hash) = owner(index, app: app)
        let node = "ip-10-0-\(index % 64)-\(index % 200).eu-west-1.compute.internal"
        let uid = "\(Self.hash(index))-4f2a-\(index % 10_000)"
        let failing = index % 10 == 3
        let fault = failing ? failure(index, app: app, namespace: namespace) : nil
        let initFails = failing && (index / 10) % 5 == 4
        let image =
            fault.map { initFails ? "registry.corp.example.com/base/\(app):stable" : $0.image }
            ?? "registry.corp.example.com/\(namespace)/\(app):1.\(index % 9).0"
        let running = """
                                "running": {
                                    "startedAt": "2025-03-14T08:12:\(10 + index % 50)Z"
                                }
            """
        func waiting(_ fault: Failure) -> String {
            """
                                "waiting": {
                                    "message": "\(fault.message)",
                                    "reason": "\(fault.reason)"
                                }
            """
        }
        let initImage = initFails ? fault!.image : "registry.corp.example.com/base/\(app):stable"
        let initializing = Failure(reason: "PodInitializing", image: image, message: "")
        let completed = """
                                "terminated": {
                                    "exitCode": 0,
                                    "reason": "Completed"
                                }
            """
        let mainState = fault.map { waiting(initFails ? initializing : $0) } ?? running
        let initState = initFails ? waiting(fault!) : completed
        let hashLabel = hash.map { ",\n                    \"pod-template-hash\": \"\($0)\"" } ?? ""
        return """
                    {
                        "apiVersion": "v1",
                        "kind": "Pod",
                        "metadata": {
                            "annotations": {
                                "prometheus.io/scrape": "true",
                                "note": "caf\\u00e9 \\ud83d\\ude80 \\u003cowner\\u003e: \\\\platform\\\\"
                            },
                            "creationTimestamp": "2025-03-14T08:11:\(10 + index % 50)Z",
                            "generateName": "\(ownerName)-",
                            "labels": {
                                "app.kubernetes.io/name": "\(app)",
                                "app.kubernetes.io/part-of": "shop",
                                "version": "v\(index % 3)"\(hashLabel)
                            },
                            "managedFields": [
                                {
                                    "apiVersion": "v1",
                                    "fieldsType": "FieldsV1",
                                    "fieldsV1": {
                                        "f:metadata": {"f:generateName": {}, "f:ownerReferences": {".": {}, "k:{\\"uid\\":\\"\(uid)\\"}": {}}}
                                    },
                                    "manager": "kube-controller-manager",
                                    "operation": "Update",
                                    "time": "2025-03-14T08:11:10Z"
                                }
                            ],
                            "name": "\(name)",
                            "namespace": "\(namespace)",
                            "ownerReferences": [
                                {
                                    "apiVersion": "apps/v1",
                                    "blockOwnerDeletion": true,
                                    "controller": true,
                                    "kind": "\(kind)",
                                    "name": "\(ownerName)",
                                    "uid": "\(uid)"
                                }
                            ],
                            "resourceVersion": "\(81_234_567 + index)",
                            "uid": "\(Self.hash(index + 1))-9c1d-\(index)"
                        },
                        "spec": {
                            "containers": [
                                {
                                    "image": "\(image)",
                                    "imagePullPolicy": "IfNotPresent",
                                    "name": "\(app)",
                                    "ports": [{"containerPort": 8080, "name": "http", "protocol": "TCP"}],
                                    "resources": {"limits": {"cpu": "500m", "memory": "512Mi"}, "requests": {"cpu": "100m", "memory": "128Mi"}}
                                }
                            ],
                            "dnsPolicy": "ClusterFirst",
                            "enableServiceLinks": true,
                            "imagePullSecrets": [{"name": "regcred"}],
                            "initContainers": [
                                {"image": "\(initImage)", "imagePullPolicy": "IfNotPresent", "name": "init-config", "resources": {}}
                            ],
                            "nodeName": "\(node)",
                            "priority": 0,
                            "restartPolicy": "Always",
                            "schedulerName": "default-scheduler",
                            "serviceAccountName": "\(app)",
                            "terminationGracePeriodSeconds": 30
                        },
                        "status": {
                            "conditions": [
                                {"lastProbeTime": null, "lastTransitionTime": "2025-03-14T08:11:10Z", "status": "True", "type": "PodScheduled"},
                                {"lastProbeTime": null, "lastTransitionTime": "2025-03-14T08:12:40Z", "status": "\(failing ? "False" : "True")", "type": "Ready"}
                            ],
                            "containerStatuses": [
                                {
                                    "image": "\(image)",
                                    "imageID": "\(failing ? "" : "registry.corp.example.com/\(namespace)/\(app)@sha256:9b2f1c4e7a0d3b6f8e1c5a9d2b7f4e0c3a6d8b1f5e9c2a7d4b0f6e3c8a1d5b9f")",
                                    "lastState": {},
                                    "name": "\(app)",
                                    "ready": \(!failing),
                                    "restartCount": 0,
                                    "started": \(!failing),
                                    "state": {
                \(mainState)
                                    }
                                }
                            ],
                            "hostIP": "10.0.\(index % 64).\(index % 200)",
                            "initContainerStatuses": [
                                {
                                    "image": "\(initImage)",
                                    "imageID": "",
                                    "lastState": {},
                                    "name": "init-config",
                                    "ready": \(!initFails),
                                    "restartCount": 0,
                                    "state": {
                \(initState)
                                    }
                                }
                            ],
                            "phase": "\(failing ? "Pending" : "Running")",
                            "podIP": "10.1.\(index % 250).\(index % 200)",
                            "qosClass": "Burstable",
                            "startTime": "2025-03-14T08:11:10Z"
                        }
                    }
            """
    }
}
