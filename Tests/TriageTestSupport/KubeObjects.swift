import Foundation

/// The objects a ``KubeAPIFixture`` serves for one pod stuck in ImagePullBackOff, built as the
/// kubelet and controllers would have left them: a Deployment → ReplicaSet → Pod on one node,
/// the container waiting in `ImagePullBackOff` with the runtime's error in its message (as
/// kubelet 1.32 writes it), and the events `kubectl describe` lists, including
/// `Failed to pull image "IMAGE": ERROR`.
public struct KubeObjects: Sendable {
    /// The pod's name.
    public let pod: String
    /// The namespace.
    public let namespace: String
    /// The image the container asks for.
    public let image: String
    /// The container runtime's error, as the kubelet received it.
    public let error: String
    /// The node the pod runs on.
    public let node = "lab-node"
    /// The Deployment that owns the pod's ReplicaSet.
    public let deployment = "web"

    private var replicaSet: String { "\(deployment)-6d9f7c8b5" }
    private var container: String { "app" }

    /// Objects for `pod` in `namespace`, whose container `image` failed to pull with `error`.
    public init(pod: String = "web-6d9f7c8b5-k2x7p", namespace: String = "shop", image: String, error: String) {
        self.pod = pod
        self.namespace = namespace
        self.image = image
        self.error = error
    }

    /// The pod's API path.
    public var podPath: String { "/api/v1/namespaces/\(namespace)/pods/\(pod)" }

    /// The namespace's pod list path.
    public var podListPath: String { "/api/v1/namespaces/\(namespace)/pods" }

    /// The JSON body for a GET of `path` with `query`, or nil when there is no such object.
    func body(path: String, query: String) -> Data? {
        let objects: [String: [String: Any]] = [
            podPath: podObject,
            podListPath: list("PodList", [podObject]),
            "/api/v1/namespaces/\(namespace)": namespaceObject,
            "/api/v1/namespaces/\(namespace)/events": eventList(query: query),
            "/api/v1/namespaces/\(namespace)/serviceaccounts/default": serviceAccount,
            "/api/v1/nodes/\(node)": nodeObject,
            "/apis/apps/v1/namespaces/\(namespace)/replicasets/\(replicaSet)": replicaSetObject,
            "/apis/apps/v1/namespaces/\(namespace)/deployments/\(deployment)": deploymentObject,
        ]
        return objects[path].flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
    }

    /// A list object of `kind` holding `items`.
    func list(_ kind: String, _ items: [[String: Any]]) -> [String: Any] {
        ["kind": kind, "apiVersion": "v1", "metadata": ["resourceVersion": "4711"], "items": items]
    }

    private func timestamp(minutesAgo: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date().addingTimeInterval(TimeInterval(-60 * minutesAgo)))
    }

    private func metadata(_ name: String, uid: String, owner: (kind: String, name: String, apiVersion: String)? = nil,
                          namespaced: Bool = true) -> [String: Any] {
        var object: [String: Any] = [
            "name": name, "uid": uid, "resourceVersion": "4711", "creationTimestamp": timestamp(minutesAgo: 12),
            "labels": ["app": deployment],
        ]
        if namespaced { object["namespace"] = namespace }
        if let owner {
            object["ownerReferences"] = [[
                "apiVersion": owner.apiVersion, "kind": owner.kind, "name": owner.name,
                "uid": "00000000-0000-4000-8000-00000000000\(owner.kind == "Deployment" ? 1 : 2)",
                "controller": true, "blockOwnerDeletion": true,
            ]]
        }
        return object
    }

    private var podSpec: [String: Any] {
        [
            "containers": [[
                "name": container, "image": image, "imagePullPolicy": "IfNotPresent",
                "resources": [String: Any](), "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File",
            ]],
            "restartPolicy": "Always", "serviceAccountName": "default", "serviceAccount": "default",
            "dnsPolicy": "ClusterFirst", "schedulerName": "default-scheduler", "terminationGracePeriodSeconds": 30,
        ]
    }

    private var podObject: [String: Any] {
        var spec = podSpec
        spec["nodeName"] = node
        let waiting = "Back-off pulling image \"\(image)\": ErrImagePull: \(error)"
        return [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": metadata(pod, uid: "00000000-0000-4000-8000-000000000003",
                                 owner: ("ReplicaSet", replicaSet, "apps/v1")),
            "spec": spec,
            "status": [
                "phase": "Pending", "hostIP": "127.0.0.1", "podIP": "10.244.0.17", "podIPs": [["ip": "10.244.0.17"]],
                "qosClass": "BestEffort", "startTime": timestamp(minutesAgo: 12),
                "conditions": [
                    ["type": "PodScheduled", "status": "True", "lastTransitionTime": timestamp(minutesAgo: 12)],
                    ["type": "Initialized", "status": "True", "lastTransitionTime": timestamp(minutesAgo: 12)],
                    ["type": "Ready", "status": "False", "reason": "ContainersNotReady",
                     "message": "containers with unready status: [\(container)]", "lastTransitionTime": timestamp(minutesAgo: 12)],
                    ["type": "ContainersReady", "status": "False", "reason": "ContainersNotReady",
                     "message": "containers with unready status: [\(container)]", "lastTransitionTime": timestamp(minutesAgo: 12)],
                ],
                "containerStatuses": [[
                    "name": container, "image": image, "imageID": "", "ready": false, "restartCount": 0, "started": false,
                    "state": ["waiting": ["reason": "ImagePullBackOff", "message": waiting]],
                ]],
            ] as [String: Any],
        ]
    }

    private func eventList(query: String) -> [String: Any] {
        let selector = query.split(separator: "&").first { $0.hasPrefix("fieldSelector=") }
            .map { String($0.dropFirst("fieldSelector=".count)).removingPercentEncoding ?? "" } ?? ""
        let wanted = selector.split(separator: ",").first { $0.hasPrefix("involvedObject.name=") }
            .map { String($0.dropFirst("involvedObject.name=".count)) }
        let items = wanted == nil || wanted == pod ? events : []
        return list("EventList", items)
    }

    private var events: [[String: Any]] {
        let failures: [(String, String, String, Int, Int, Int)] = [
            ("Normal", "Scheduled", "Successfully assigned \(namespace)/\(pod) to \(node)", 12, 12, 1),
            ("Normal", "Pulling", "Pulling image \"\(image)\"", 12, 2, 4),
            ("Warning", "Failed", "Failed to pull image \"\(image)\": \(error)", 12, 2, 4),
            ("Warning", "Failed", "Error: ErrImagePull", 12, 2, 4),
            ("Normal", "BackOff", "Back-off pulling image \"\(image)\"", 11, 1, 6),
            ("Warning", "Failed", "Error: ImagePullBackOff", 11, 1, 6),
        ]
        return failures.enumerated().map { index, event in
            let (type, reason, message, first, last, count) = event
            return [
                "apiVersion": "v1", "kind": "Event", "type": type, "reason": reason, "message": message, "count": count,
                "metadata": ["name": "\(pod).18a3c\(index)", "namespace": namespace, "resourceVersion": "47\(index)"],
                "involvedObject": [
                    "apiVersion": "v1", "kind": "Pod", "name": pod, "namespace": namespace,
                    "uid": "00000000-0000-4000-8000-000000000003",
                    "fieldPath": reason == "Scheduled" ? "" : "spec.containers{\(container)}",
                ],
                "source": reason == "Scheduled" ? ["component": "default-scheduler"] : ["component": "kubelet", "host": node],
                "reportingComponent": reason == "Scheduled" ? "default-scheduler" : "kubelet",
                "reportingInstance": reason == "Scheduled" ? "" : node,
                "firstTimestamp": timestamp(minutesAgo: first), "lastTimestamp": timestamp(minutesAgo: last),
            ]
        }
    }

    private var namespaceObject: [String: Any] {
        ["apiVersion": "v1", "kind": "Namespace", "status": ["phase": "Active"],
         "metadata": metadata(namespace, uid: "00000000-0000-4000-8000-000000000006", namespaced: false)]
    }

    private var serviceAccount: [String: Any] {
        ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": metadata("default", uid: "00000000-0000-4000-8000-000000000004")]
    }

    private var nodeObject: [String: Any] {
        [
            "apiVersion": "v1", "kind": "Node",
            "metadata": metadata(node, uid: "00000000-0000-4000-8000-000000000005", namespaced: false),
            "status": [
                "nodeInfo": [
                    "architecture": "amd64", "operatingSystem": "linux", "containerRuntimeVersion": "containerd://1.6.20",
                    "kubeletVersion": "v1.32.4", "osImage": "Debian GNU/Linux 12 (bookworm)",
                ],
                "conditions": [["type": "Ready", "status": "True", "reason": "KubeletReady"]],
                "addresses": [["type": "InternalIP", "address": "127.0.0.1"], ["type": "Hostname", "address": node]],
            ] as [String: Any],
        ]
    }

    private var replicaSetObject: [String: Any] {
        [
            "apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": metadata(replicaSet, uid: "00000000-0000-4000-8000-000000000002",
                                 owner: ("Deployment", deployment, "apps/v1")),
            "spec": ["replicas": 1, "selector": ["matchLabels": ["app": deployment]],
                     "template": ["metadata": ["labels": ["app": deployment]], "spec": podSpec]],
        ]
    }

    private var deploymentObject: [String: Any] {
        [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": metadata(deployment, uid: "00000000-0000-4000-8000-000000000001"),
            "spec": ["replicas": 1, "selector": ["matchLabels": ["app": deployment]],
                     "template": ["metadata": ["labels": ["app": deployment]], "spec": podSpec]],
        ]
    }
}
