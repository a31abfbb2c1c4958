import TriageKubernetes
import TriageScan

/// Small pod lists written by hand, in kubectl's layout.
enum Fixtures {
    /// One container status; `reason` nil for a running container.
    static func status(_ name: String, image: String, reason: String? = nil, message: String = "") -> String {
        let state = reason.map { #"{"waiting": {"message": "\#(message)", "reason": "\#($0)"}}"# } ?? #"{"running": {"startedAt": "2025-01-01T00:00:00Z"}}"#
        return #"{"image": "\#(image)", "imageID": "", "lastState": {}, "name": "\#(name)", "ready": false, "restartCount": 3, "state": \#(state)}"#
    }

    /// One container status that ended with `reason` and `exitCode` and was not started again.
    static func ended(_ name: String, image: String, reason: String, exitCode: Int, message: String? = nil) -> String {
        let text = message.map { #", "message": "\#($0)""# } ?? ""
        return
            #"{"image": "\#(image)", "imageID": "\#(image)@sha256:ab", "lastState": {}, "name": "\#(name)", "ready": false, "restartCount": 0, "state": {"terminated": {"containerID": "containerd://cd", "exitCode": \#(exitCode), "reason": "\#(reason)"\#(text), "startedAt": "2026-12-03T04:00:00Z", "finishedAt": "2026-12-03T04:00:07Z"}}}"#
    }

    /// One pod; `owner` is (kind, name). Its phase is `phase`, or Running and ready when every
    /// container runs, else Pending.
    static func pod(
        _ name: String, namespace: String = "shop", node: String? = "node-1", owner: (String, String)? = nil,
        hash: String? = nil, containers: [String] = [], initContainers: [String] = [], withStatus: Bool = true, phase: String? = nil
    ) -> String {
        let owners =
            owner.map {
                #", "ownerReferences": [{"apiVersion": "apps/v1", "blockOwnerDeletion": true, "controller": true, "kind": "\#($0.0)", "name": "\#($0.1)", "uid": "u-1"}]"#
            } ?? ""
        let labels = hash.map { #", "labels": {"app": "x", "pod-template-hash": "\#($0)"}"# } ?? ""
        let nodeField = node.map { #""nodeName": "\#($0)", "# } ?? ""
        let running = !containers.isEmpty && containers.allSatisfy { $0.contains(#""running""#) }
        let phase = phase ?? (running ? "Running" : "Pending")
        let status =
            withStatus
            ? #", "status": {"phase": "\#(phase)", "conditions": [{"type": "Ready", "status": "\#(running ? "True" : "False")", "lastProbeTime": null}], "containerStatuses": [\#(containers.joined(separator: ", "))], "initContainerStatuses": [\#(initContainers.joined(separator: ", "))]}"#
            : ""
        return #"""
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "\#(name)", "namespace": "\#(namespace)"\#(labels)\#(owners), "managedFields": [{"fieldsV1": {"f:spec": {"f:containers": {}}}, "time": "2025-01-01T00:00:00Z"}], "uid": "x"}, "spec": {\#(nodeField)"containers": [{"name": "app", "image": "x", "ports": [{"containerPort": 8080}], "resources": {"limits": {"cpu": 0.5, "memory": 1e9}}}], "priority": -1}\#(status)}
            """#
    }

    /// A `List` of `pods`.
    static func list(_ pods: [String]) -> String {
        "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n" + pods.joined(separator: ",\n")
            + "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\"resourceVersion\": \"\"}\n}\n"
    }

    static let notFound =
        #"Back-off pulling image \"nginx:1.99\": ErrImagePull: failed to pull and unpack image \"docker.io/library/nginx:1.99\": failed to resolve reference \"docker.io/library/nginx:1.99\": docker.io/library/nginx:1.99: not found"#
    static let unauthorized =
        #"failed to pull and unpack image \"registry.corp.example.com/shop/api:2.0\": failed to resolve reference \"registry.corp.example.com/shop/api:2.0\": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://registry.corp.example.com/token?scope=repository%3Ashop%2Fapi%3Apull\u0026service=x: 401 Unauthorized"#
    static let backOffOnly = #"Back-off pulling image \"quay.io/acme/reports:3.1\""#

    /// A list with failures of three kinds across deployments, a statefulset and a cronjob.
    static let mixed = list([
        pod(
            "web-7d9f8c6b5-aaaaa", owner: ("ReplicaSet", "web-7d9f8c6b5"), hash: "7d9f8c6b5",
            containers: [status("web", image: "nginx:1.99", reason: "ImagePullBackOff", message: notFound)]),
        pod(
            "web-7d9f8c6b5-bbbbb", node: "node-2", owner: ("ReplicaSet", "web-7d9f8c6b5"), hash: "7d9f8c6b5",
            containers: [status("web", image: "nginx:1.99", reason: "ErrImagePull", message: notFound)]),
        pod(
            "api-0", namespace: "pay", owner: ("StatefulSet", "api"),
            containers: [status("api", image: "registry.corp.example.com/shop/api:2.0", reason: "ErrImagePull", message: unauthorized)]),
        pod(
            "report-28900000-xyz12", namespace: "ops", owner: ("Job", "report-28900000"),
            initContainers: [status("fetch", image: "quay.io/acme/reports:3.1", reason: "ImagePullBackOff", message: backOffOnly)]),
        pod("healthy-1", containers: [status("app", image: "nginx:1.27")]),
        pod("no-status", withStatus: false),
    ])

    /// Reads `text` in pieces of `pieceSize` bytes.
    static func read(_ text: String, pieceSize: Int = .max, chunkSize: Int = 1 << 20) throws(ScanError) -> (summary: PodListReader.Summary, pods: [FailingPod])
    {
        var source = MemorySource(Array(text.utf8), pieceSize: pieceSize)
        var pods: [FailingPod] = []
        let summary = try PodListReader(chunkSize: chunkSize).read(from: &source) { pods.append($0) }
        return (summary, pods)
    }
}
