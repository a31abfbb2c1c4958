import Foundation

/// The objects a ``KubeAPIFixture`` serves for one pod that cannot pull an image, built as the
/// kubelet and controllers would have left them: a Deployment → ReplicaSet → Pod on one node,
/// its ServiceAccount and pull secrets, and the events `kubectl describe` lists.
///
/// By default the pod has one container waiting in `ImagePullBackOff` with the runtime's error
/// in its message (as kubelet 1.32 writes it) and the events include
/// `Failed to pull image "IMAGE": ERROR`. The other properties describe the cases the events
/// alone do not explain: init containers and sidecars, a pod that recovered, events about an
/// image the spec no longer uses, events that expired, pull secrets named by the pod or its
/// ServiceAccount, and a rollout in progress.
public struct KubeObjects: Sendable {
    /// One container of the pod: its spec and its status.
    public struct Container: Sendable {
        /// What the container's status says now.
        public enum State: Sendable {
            /// Waiting with `reason` (`ImagePullBackOff`, `ErrImagePull`…) and `message` (empty before 1.32).
            case waiting(reason: String, message: String)
            /// Running since `minutesAgo`.
            case running(minutesAgo: Int)
            /// Ended, and not restarted (`restartPolicy: Never`).
            case terminated(Termination)
        }

        /// How a container's process ended, as the kubelet reports it.
        public struct Termination: Sendable {
            /// `Error`, `OOMKilled`, `Completed`, `StartError`…
            public var reason: String
            /// The exit code.
            public var exitCode: Int
            /// The runtime's message, if any.
            public var message: String?
            /// Seconds it ran.
            public var ranSeconds: Int

            /// A termination.
            public init(reason: String, exitCode: Int, message: String? = nil, ranSeconds: Int = 20) {
                self.reason = reason
                self.exitCode = exitCode
                self.message = message
                self.ranSeconds = ranSeconds
            }
        }

        /// A liveness probe on HTTP `path`.
        public struct Probe: Sendable {
            /// The HTTP path.
            public var path: String
            /// Seconds before the first probe.
            public var initialDelaySeconds: Int
            /// Seconds between probes.
            public var periodSeconds: Int
            /// Failures in a row that fail the probe.
            public var failureThreshold: Int

            /// A probe.
            public init(path: String = "/healthz", initialDelaySeconds: Int = 0, periodSeconds: Int = 10, failureThreshold: Int = 3) {
                self.path = path
                self.initialDelaySeconds = initialDelaySeconds
                self.periodSeconds = periodSeconds
                self.failureThreshold = failureThreshold
            }
        }

        /// The container's name.
        public var name: String
        /// The image its spec asks for.
        public var image: String
        /// Its status now.
        public var state: State
        /// `IfNotPresent`, `Always` or `Never`.
        public var pullPolicy: String
        /// For an init container, `Always` makes it a native sidecar.
        public var restartPolicy: String?
        /// How it ended before its last restart; nil when it has not restarted.
        public var lastState: Termination?
        /// Times it restarted.
        public var restartCount = 0
        /// `resources.limits` (`memory` → `256Mi`).
        public var limits: [String: String] = [:]
        /// Its liveness probe.
        public var livenessProbe: Probe?
        /// The entrypoint override and its arguments.
        public var command: [String] = [], args: [String] = []
        /// ConfigMaps and Secrets its environment reads whole (`envFrom`).
        public var envFromConfigMaps: [String] = [], envFromSecrets: [String] = []
        /// What `kubectl logs` prints for the container now, and with `--previous`.
        public var logs = "", previousLogs = ""

        /// A container of `image` in `state`.
        public init(name: String, image: String, state: State, pullPolicy: String = "IfNotPresent", restartPolicy: String? = nil) {
            self.name = name
            self.image = image
            self.state = state
            self.pullPolicy = pullPolicy
            self.restartPolicy = restartPolicy
        }
    }

    /// One event about the pod.
    public struct Event: Sendable {
        /// `Normal` or `Warning`.
        public var type: String
        /// `Failed`, `BackOff`, `Pulling`, `Pulled`, `Scheduled`…
        public var reason: String
        /// The event's message.
        public var message: String
        /// The container it is about (its field path), or nil for the pod.
        public var container: String?
        /// When it was first and last seen, in minutes before now, and how often.
        public var firstMinutesAgo: Int, lastMinutesAgo: Int, count: Int

        /// An event.
        public init(_ type: String, _ reason: String, _ message: String, container: String?, first: Int, last: Int, count: Int) {
            self.type = type
            self.reason = reason
            self.message = message
            self.container = container
            firstMinutesAgo = first
            lastMinutesAgo = last
            self.count = count
        }
    }

    /// A `kubernetes.io/dockerconfigjson` Secret whose config logs `user` into `registry` with
    /// `password`; it is also in the `last-applied-configuration` annotation, as `kubectl apply` leaves it.
    public struct PullSecret: Sendable {
        /// The Secret's name.
        public var name: String
        /// The registry host the config names.
        public var registry: String
        /// The user name.
        public var user: String
        /// The password planted in the config.
        public var password: String

        /// A pull secret.
        public init(name: String, registry: String, user: String, password: String) {
            self.name = name
            self.registry = registry
            self.user = user
            self.password = password
        }

        /// The `.dockerconfigjson` document, as `kubectl create secret docker-registry` writes it.
        public var dockerConfigJSON: String {
            let auth = Data("\(user):\(password)".utf8).base64EncodedString()
            return #"{"auths":{"\#(registry)":{"username":"\#(user)","password":"\#(password)","auth":"\#(auth)"}}}"#
        }
    }

    /// The pod's name.
    public let pod: String
    /// The namespace.
    public let namespace: String
    /// The image of the first failing container (or of the first container).
    public var image: String { (initContainers + containers).first { if case .waiting = $0.state { true } else { false } }?.image ?? containers[0].image }
    /// The container runtime's error, as the kubelet received it.
    public let error: String
    /// The node the pod runs on.
    public let node = "lab-node"
    /// The Deployment that owns the pod's ReplicaSet.
    public let deployment = "web"
    /// The pod's containers.
    public var containers: [Container]
    /// The pod's init containers (a native sidecar has restartPolicy `Always`).
    public var initContainers: [Container] = []
    /// The pod's events.
    public var events: [Event]
    /// The pod's ServiceAccount and the pull secrets it names.
    public var serviceAccount = "default"
    /// The pull secrets the ServiceAccount names.
    public var serviceAccountPullSecrets: [String] = []
    /// The pull secrets the pod's spec names.
    public var podPullSecrets: [String] = []
    /// The Secrets of the namespace.
    public var secrets: [PullSecret] = []
    /// The node's OS and architecture.
    public var nodePlatform = (os: "linux", architecture: "amd64")
    /// Whether the Deployment's rollout is complete (its pods available); otherwise it waits on a new ReplicaSet.
    public var rolloutComplete = false
    /// The pod's restartPolicy.
    public var restartPolicy = "Always"
    /// Volumes made from ConfigMaps, mounted by every container at `/etc/NAME`: volume name → ConfigMap name.
    public var configMapVolumes: [String: String] = [:]
    /// Other pods, which run as declared: (namespace, name). The pod lists serve them beside
    /// the pod: a namespace's list those of its namespace, the all-namespaces list every one.
    public var runningPods: [(namespace: String, name: String)] = []

    private var replicaSet: String { "\(deployment)-6d9f7c8b5" }

    /// Objects for `pod` in `namespace`, whose container `app` failed to pull `image` with
    /// `error` (in its 1.32 waiting message and in the events).
    public init(pod: String = "web-6d9f7c8b5-k2x7p", namespace: String = "shop", image: String, error: String) {
        self.pod = pod
        self.namespace = namespace
        self.error = error
        let waiting = "Back-off pulling image \"\(image)\": ErrImagePull: \(error)"
        containers = [Container(name: "app", image: image, state: .waiting(reason: "ImagePullBackOff", message: waiting))]
        events = Self.pullFailure(image: image, error: error, container: "app", pod: pod, namespace: namespace, node: "lab-node")
    }

    /// The events of a failing pull, as the scheduler and kubelet write them: scheduled 12 minutes
    /// ago, four attempts, the last 2 minutes ago, then back-off. `lastMinutesAgo` shifts them all.
    public static func pullFailure(
        image: String, error: String?, container: String, pod: String, namespace: String,
        node: String, lastMinutesAgo: Int = 2
    ) -> [Event] {
        let shift = lastMinutesAgo - 2
        var events = [
            Event("Normal", "Scheduled", "Successfully assigned \(namespace)/\(pod) to \(node)", container: nil, first: 12 + shift, last: 12 + shift, count: 1),
            Event("Normal", "Pulling", "Pulling image \"\(image)\"", container: container, first: 12 + shift, last: 2 + shift, count: 4),
        ]
        if let error {
            events.append(
                Event("Warning", "Failed", "Failed to pull image \"\(image)\": \(error)", container: container, first: 12 + shift, last: 2 + shift, count: 4))
            events.append(Event("Warning", "Failed", "Error: ErrImagePull", container: container, first: 12 + shift, last: 2 + shift, count: 4))
        }
        events.append(Event("Normal", "BackOff", "Back-off pulling image \"\(image)\"", container: container, first: 11 + shift, last: 1 + shift, count: 6))
        events.append(Event("Warning", "Failed", "Error: ImagePullBackOff", container: container, first: 11 + shift, last: 1 + shift, count: 6))
        return events
    }

    /// The pod's API path.
    public var podPath: String { "/api/v1/namespaces/\(namespace)/pods/\(pod)" }

    /// The namespace's pod list path.
    public var podListPath: String { "/api/v1/namespaces/\(namespace)/pods" }

    /// The pod list of every namespace (`kubectl get pods -A`).
    public static let allPodsPath = "/api/v1/pods"

    /// The Deployments list path, which `kubectl rollout status` lists and watches.
    public var deploymentListPath: String { "/apis/apps/v1/namespaces/\(namespace)/deployments" }

    /// The JSON body for a GET of `path` with `query`, or nil when there is no such object.
    func body(path: String, query: String) -> Data? {
        var objects: [String: [String: Any]] = [
            podPath: podObject,
            podListPath: page(of: podObjects(in: namespace), query: query),
            Self.allPodsPath: page(of: podObjects(in: nil), query: query),
            "/api/v1/namespaces/\(namespace)": namespaceObject,
            "/api/v1/namespaces/\(namespace)/events": eventList(query: query),
            "/api/v1/namespaces/\(namespace)/serviceaccounts/\(serviceAccount)": serviceAccountObject,
            "/api/v1/namespaces/\(namespace)/secrets": list("SecretList", secrets.map(secretObject)),
            "/api/v1/nodes/\(node)": nodeObject,
            "/apis/apps/v1/namespaces/\(namespace)/replicasets/\(replicaSet)": replicaSetObject,
            "/apis/apps/v1/namespaces/\(namespace)/replicasets": list("ReplicaSetList", [replicaSetObject]),
            "/apis/apps/v1/replicasets": list("ReplicaSetList", [replicaSetObject]),
            "/apis/apps/v1/namespaces/\(namespace)/deployments/\(deployment)": deploymentObject,
            deploymentListPath: list("DeploymentList", [deploymentObject]),
        ]
        for secret in secrets { objects["/api/v1/namespaces/\(namespace)/secrets/\(secret.name)"] = secretObject(secret) }
        for other in runningPods { objects["/api/v1/namespaces/\(other.namespace)/pods/\(other.name)"] = runningPodObject(other) }
        return objects[path].flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
    }

    /// A list object of `kind` holding `items`.
    func list(_ kind: String, _ items: [[String: Any]]) -> [String: Any] {
        ["kind": kind, "apiVersion": "v1", "metadata": ["resourceVersion": "4711"], "items": items]
    }

    /// The pods of `namespace` (nil: of every namespace), in the API server's order: by
    /// namespace, then name.
    func podObjects(in namespace: String?) -> [[String: Any]] {
        let all = [(self.namespace, pod, podObject)] + runningPods.map { ($0.namespace, $0.name, runningPodObject($0)) }
        return all.filter { namespace == nil || $0.0 == namespace }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// One page of a pod list, as the API server answers `limit=N` (and `continue=TOKEN` for the
    /// pages after the first): at most N items, and while more remain, a `continue` token and
    /// `remainingItemCount` in the list's metadata. Without `limit`, the whole list.
    func page(of items: [[String: Any]], query: String) -> [String: Any] {
        var fields: [String: String] = [:]
        for field in query.split(separator: "&") {
            let pair = field.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        let start = fields["continue"].flatMap { Data(base64Encoded: $0) }.flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
        guard let limit = fields["limit"].flatMap(Int.init), limit > 0 else { return list("PodList", Array(items.dropFirst(start))) }
        let end = min(items.count, start + limit)
        var object = list("PodList", Array(items[min(start, end)..<end]))
        if end < items.count {
            object["metadata"] = [
                "resourceVersion": "4711", "continue": Data(String(end).utf8).base64EncodedString(), "remainingItemCount": items.count - end,
            ]
        }
        return object
    }

    /// A pod of one running, ready container.
    private func runningPodObject(_ other: (namespace: String, name: String)) -> [String: Any] {
        [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": other.name, "namespace": other.namespace, "uid": "running-\(other.namespace)-\(other.name)"],
            "spec": ["nodeName": node, "restartPolicy": "Always", "containers": [["name": "main", "image": "registry.k8s.io/pause:3.10"]]],
            "status": [
                "phase": "Running", "conditions": [["type": "Ready", "status": "True"]],
                "containerStatuses": [
                    [
                        "name": "main", "image": "registry.k8s.io/pause:3.10", "ready": true, "restartCount": 0, "started": true,
                        "state": ["running": ["startedAt": timestamp(minutesAgo: 30)]],
                    ] as [String: Any]
                ],
            ] as [String: Any],
        ]
    }

    private func timestamp(minutesAgo: Int) -> String {
        timestamp(secondsAgo: 60 * minutesAgo)
    }

    private func timestamp(secondsAgo: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date().addingTimeInterval(TimeInterval(-secondsAgo)))
    }

    /// What `GET …/pods/POD/log` answers: the container's logs (with `previous=true`, those of
    /// its last run, or the API server's 400 when it has not restarted); nil for other paths.
    func logs(path: String, query: String) -> (status: Int, body: Data)? {
        guard path == podPath + "/log" else { return nil }
        let fields = query.split(separator: "&")
        let name = fields.first { $0.hasPrefix("container=") }.map { String($0.dropFirst("container=".count)) } ?? containers[0].name
        guard let container = (initContainers + containers).first(where: { $0.name == name }) else {
            let message = "container \(name) is not valid for pod \(pod)"
            return (400, Self.status(400, "BadRequest", message))
        }
        guard fields.contains("previous=true") else { return (200, Data(container.logs.utf8)) }
        guard container.lastState != nil else {
            return (400, Self.status(400, "BadRequest", "previous terminated container \"\(name)\" in pod \"\(pod)\" not found"))
        }
        return (200, Data(container.previousLogs.utf8))
    }

    private static func status(_ code: Int, _ reason: String, _ message: String) -> Data {
        let object: [String: Any] = [
            "kind": "Status", "apiVersion": "v1", "metadata": [String: Any](), "status": "Failure", "message": message, "reason": reason, "code": code,
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    /// The events of a container that keeps ending: scheduled, image present, created and
    /// started `restarts + 1` times, then the kubelet's back-off. `extra` come before the back-off.
    public static func crashLoop(
        container: String, image: String, pod: String, namespace: String, node: String, restarts: Int,
        extra: [Event] = []
    ) -> [Event] {
        let count = restarts + 1
        return [
            Event("Normal", "Scheduled", "Successfully assigned \(namespace)/\(pod) to \(node)", container: nil, first: 12, last: 12, count: 1),
            Event("Normal", "Pulled", "Container image \"\(image)\" already present on machine", container: container, first: 12, last: 2, count: count),
            Event("Normal", "Created", "Created container: \(container)", container: container, first: 12, last: 2, count: count),
            Event("Normal", "Started", "Started container \(container)", container: container, first: 12, last: 2, count: count),
        ] + extra + [
            Event(
                "Warning", "BackOff", "Back-off restarting failed container \(container) in pod \(pod)_\(namespace)(00000000-0000-4000-8000-000000000003)",
                container: container, first: 11, last: 1, count: max(1, restarts * 2))
        ]
    }

    private func metadata(
        _ name: String, uid: String, owner: (kind: String, name: String, apiVersion: String)? = nil,
        namespaced: Bool = true
    ) -> [String: Any] {
        var object: [String: Any] = [
            "name": name, "uid": uid, "resourceVersion": "4711", "creationTimestamp": timestamp(minutesAgo: 60),
            "labels": ["app": deployment],
        ]
        if namespaced { object["namespace"] = namespace }
        if let owner {
            object["ownerReferences"] = [
                [
                    "apiVersion": owner.apiVersion, "kind": owner.kind, "name": owner.name,
                    "uid": "00000000-0000-4000-8000-00000000000\(owner.kind == "Deployment" ? 1 : 2)",
                    "controller": true, "blockOwnerDeletion": true,
                ]
            ]
        }
        return object
    }

    private func containerSpec(_ container: Container) -> [String: Any] {
        var spec: [String: Any] = [
            "name": container.name, "image": container.image, "imagePullPolicy": container.pullPolicy,
            "resources": [String: Any](), "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
        ]
        if let restartPolicy = container.restartPolicy { spec["restartPolicy"] = restartPolicy }
        if !container.limits.isEmpty { spec["resources"] = ["limits": container.limits, "requests": container.limits] }
        if let probe = container.livenessProbe {
            spec["livenessProbe"] =
                [
                    "httpGet": ["path": probe.path, "port": 8080, "scheme": "HTTP"], "initialDelaySeconds": probe.initialDelaySeconds,
                    "periodSeconds": probe.periodSeconds, "timeoutSeconds": 1, "failureThreshold": probe.failureThreshold, "successThreshold": 1,
                ] as [String: Any]
        }
        if !container.command.isEmpty { spec["command"] = container.command }
        if !container.args.isEmpty { spec["args"] = container.args }
        let envFrom = container.envFromConfigMaps.map { ["configMapRef": ["name": $0]] } + container.envFromSecrets.map { ["secretRef": ["name": $0]] }
        if !envFrom.isEmpty { spec["envFrom"] = envFrom }
        if !configMapVolumes.isEmpty {
            spec["volumeMounts"] = configMapVolumes.keys.sorted().map { ["name": $0, "mountPath": "/etc/\($0)", "readOnly": true] as [String: Any] }
        }
        return spec
    }

    private func terminated(_ termination: Container.Termination, endedMinutesAgo: Int) -> [String: Any] {
        var fields: [String: Any] = [
            "reason": termination.reason, "exitCode": termination.exitCode,
            "startedAt": timestamp(secondsAgo: 60 * endedMinutesAgo + termination.ranSeconds), "finishedAt": timestamp(secondsAgo: 60 * endedMinutesAgo),
            "containerID": "containerd://" + String(repeating: "cd", count: 32),
        ]
        if let message = termination.message { fields["message"] = message }
        return ["terminated": fields]
    }

    private var podSpec: [String: Any] {
        var spec: [String: Any] = [
            "containers": containers.map(containerSpec),
            "restartPolicy": "Always", "serviceAccountName": serviceAccount, "serviceAccount": serviceAccount,
            "dnsPolicy": "ClusterFirst", "schedulerName": "default-scheduler", "terminationGracePeriodSeconds": 30,
        ]
        if !initContainers.isEmpty { spec["initContainers"] = initContainers.map(containerSpec) }
        if !podPullSecrets.isEmpty { spec["imagePullSecrets"] = podPullSecrets.map { ["name": $0] } }
        spec["restartPolicy"] = restartPolicy
        if !configMapVolumes.isEmpty {
            spec["volumes"] = configMapVolumes.keys.sorted().map {
                ["name": $0, "configMap": ["name": configMapVolumes[$0]!, "defaultMode": 420]] as [String: Any]
            }
        }
        return spec
    }

    private func containerStatus(_ container: Container) -> [String: Any] {
        var status: [String: Any] = ["name": container.name, "image": container.image, "restartCount": container.restartCount]
        status["lastState"] = container.lastState.map { terminated($0, endedMinutesAgo: 1) } ?? [String: Any]()
        switch container.state {
        case .waiting(let reason, let message):
            var waiting = ["reason": reason]
            if !message.isEmpty { waiting["message"] = message }
            status["state"] = ["waiting": waiting]
            status["imageID"] = ""
            status["ready"] = false
            status["started"] = false
        case .running(let minutesAgo):
            status["state"] = ["running": ["startedAt": timestamp(minutesAgo: minutesAgo)]]
            status["imageID"] = "\(container.image.split(separator: ":").first ?? "")@sha256:" + String(repeating: "ab", count: 32)
            status["ready"] = true
            status["started"] = true
        case .terminated(let termination):
            status["state"] = terminated(termination, endedMinutesAgo: 3)
            status["imageID"] = "\(container.image.split(separator: ":").first ?? "")@sha256:" + String(repeating: "ab", count: 32)
            status["ready"] = false
            status["started"] = false
        }
        if container.lastState != nil || { if case .terminated = container.state { true } else { false } }() {
            status["imageID"] = "\(container.image.split(separator: ":").first ?? "")@sha256:" + String(repeating: "ab", count: 32)
        }
        return status
    }

    private var failingNames: [String] {
        (initContainers + containers).filter {
            switch $0.state {
            case .waiting, .terminated: true
            case .running: false
            }
        }.map(\.name)
    }

    /// The pod's phase: Failed when a container ended for good, Running once every container was
    /// started at least once, Pending before.
    private var phase: String {
        let all = initContainers + containers
        if all.contains(where: { if case .terminated = $0.state { true } else { false } }) { return "Failed" }
        let started = all.allSatisfy { container in
            if case .running = container.state { return true }
            return container.lastState != nil
        }
        return started ? "Running" : "Pending"
    }

    private var podObject: [String: Any] {
        var spec = podSpec
        spec["nodeName"] = node
        let failing = failingNames
        let initFailing = initContainers.contains { if case .waiting = $0.state { $0.restartPolicy == nil } else { false } }
        let ready: [String: Any] =
            failing.isEmpty
            ? ["type": "Ready", "status": "True", "lastTransitionTime": timestamp(minutesAgo: 5)]
            : [
                "type": "Ready", "status": "False", "reason": "ContainersNotReady",
                "message": "containers with unready status: [\(failing.joined(separator: " "))]", "lastTransitionTime": timestamp(minutesAgo: 12),
            ]
        var status: [String: Any] = [
            "phase": phase, "hostIP": "127.0.0.1", "podIP": "10.244.0.17",
            "podIPs": [["ip": "10.244.0.17"]], "qosClass": "BestEffort", "startTime": timestamp(minutesAgo: 12),
            "conditions": [
                ["type": "PodScheduled", "status": "True", "lastTransitionTime": timestamp(minutesAgo: 12)],
                ["type": "Initialized", "status": initFailing ? "False" : "True", "lastTransitionTime": timestamp(minutesAgo: 12)],
                ready,
                ["type": "ContainersReady", "status": ready["status"]!, "lastTransitionTime": timestamp(minutesAgo: 12)],
            ],
            "containerStatuses": containers.map(containerStatus),
        ]
        if !initContainers.isEmpty { status["initContainerStatuses"] = initContainers.map(containerStatus) }
        var meta = metadata(pod, uid: "00000000-0000-4000-8000-000000000003", owner: ("ReplicaSet", replicaSet, "apps/v1"))
        meta["labels"] = ["app": deployment, "pod-template-hash": "6d9f7c8b5"]
        return ["apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec, "status": status]
    }

    private func eventList(query: String) -> [String: Any] {
        let selector =
            query.split(separator: "&").first { $0.hasPrefix("fieldSelector=") }
            .map { String($0.dropFirst("fieldSelector=".count)).removingPercentEncoding ?? "" } ?? ""
        let wanted = selector.split(separator: ",").first { $0.hasPrefix("involvedObject.name=") }
            .map { String($0.dropFirst("involvedObject.name=".count)) }
        let items = wanted == nil || wanted == pod ? eventObjects : []
        return list("EventList", items)
    }

    private var eventObjects: [[String: Any]] {
        events.enumerated().map { index, event in
            [
                "apiVersion": "v1", "kind": "Event", "type": event.type, "reason": event.reason, "message": event.message, "count": event.count,
                "metadata": ["name": "\(pod).18a3c\(index)", "namespace": namespace, "resourceVersion": "47\(index)"],
                "involvedObject": [
                    "apiVersion": "v1", "kind": "Pod", "name": pod, "namespace": namespace,
                    "uid": "00000000-0000-4000-8000-000000000003",
                    "fieldPath": event.container.map { name in
                        initContainers.contains { $0.name == name } ? "spec.initContainers{\(name)}" : "spec.containers{\(name)}"
                    } ?? "",
                ],
                "source": event.container == nil ? ["component": "default-scheduler"] : ["component": "kubelet", "host": node],
                "reportingComponent": event.container == nil ? "default-scheduler" : "kubelet",
                "reportingInstance": event.container == nil ? "" : node,
                "firstTimestamp": timestamp(minutesAgo: event.firstMinutesAgo), "lastTimestamp": timestamp(minutesAgo: event.lastMinutesAgo),
            ]
        }
    }

    private var namespaceObject: [String: Any] {
        [
            "apiVersion": "v1", "kind": "Namespace", "status": ["phase": "Active"],
            "metadata": metadata(namespace, uid: "00000000-0000-4000-8000-000000000006", namespaced: false),
        ]
    }

    private var serviceAccountObject: [String: Any] {
        var object: [String: Any] = [
            "apiVersion": "v1", "kind": "ServiceAccount", "metadata": metadata(serviceAccount, uid: "00000000-0000-4000-8000-000000000004"),
        ]
        if !serviceAccountPullSecrets.isEmpty { object["imagePullSecrets"] = serviceAccountPullSecrets.map { ["name": $0] } }
        return object
    }

    private func secretObject(_ secret: PullSecret) -> [String: Any] {
        let encoded = Data(secret.dockerConfigJSON.utf8).base64EncodedString()
        let applied =
            #"{"apiVersion":"v1","data":{".dockerconfigjson":"\#(encoded)"},"kind":"Secret","metadata":{"name":"\#(secret.name)","namespace":"\#(namespace)"},"stringData":{"password":"\#(secret.password)"},"type":"kubernetes.io/dockerconfigjson"}"#
        var meta = metadata(secret.name, uid: "00000000-0000-4000-8000-000000000007")
        meta["annotations"] = ["kubectl.kubernetes.io/last-applied-configuration": applied + "\n"]
        return [
            "apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/dockerconfigjson", "metadata": meta,
            "data": [".dockerconfigjson": encoded],
        ]
    }

    private var nodeObject: [String: Any] {
        [
            "apiVersion": "v1", "kind": "Node",
            "metadata": metadata(node, uid: "00000000-0000-4000-8000-000000000005", namespaced: false),
            "status": [
                "nodeInfo": [
                    "architecture": nodePlatform.architecture, "operatingSystem": nodePlatform.os,
                    "containerRuntimeVersion": "containerd://1.6.20", "kubeletVersion": "v1.32.4", "osImage": "Debian GNU/Linux 12 (bookworm)",
                ],
                "conditions": [["type": "Ready", "status": "True", "reason": "KubeletReady"]],
                "addresses": [["type": "InternalIP", "address": "127.0.0.1"], ["type": "Hostname", "address": node]],
            ] as [String: Any],
        ]
    }

    private var replicaSetObject: [String: Any] {
        [
            "apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": metadata(
                replicaSet, uid: "00000000-0000-4000-8000-000000000002",
                owner: ("Deployment", deployment, "apps/v1")),
            "spec": [
                "replicas": 1, "selector": ["matchLabels": ["app": deployment]],
                "template": ["metadata": ["labels": ["app": deployment]], "spec": podSpec],
            ],
            "status": ["replicas": 1, "readyReplicas": rolloutComplete ? 1 : 0, "availableReplicas": rolloutComplete ? 1 : 0, "observedGeneration": 2],
        ]
    }

    /// The Deployment, generation 2, with the status `kubectl rollout status` reads: complete, or
    /// its one updated replica not yet available.
    private var deploymentObject: [String: Any] {
        var meta = metadata(deployment, uid: "00000000-0000-4000-8000-000000000001")
        meta["generation"] = 2
        meta["annotations"] = ["deployment.kubernetes.io/revision": "2"]
        let available = rolloutComplete ? 1 : 0
        return [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": meta,
            "spec": [
                "replicas": 1, "selector": ["matchLabels": ["app": deployment]], "progressDeadlineSeconds": 600,
                "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": "25%", "maxUnavailable": "25%"]],
                "template": ["metadata": ["labels": ["app": deployment]], "spec": podSpec],
            ],
            "status": [
                "observedGeneration": 2, "replicas": 1, "updatedReplicas": 1, "readyReplicas": available,
                "availableReplicas": available, "unavailableReplicas": 1 - available,
                "conditions": [
                    [
                        "type": "Available", "status": rolloutComplete ? "True" : "False",
                        "reason": rolloutComplete ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                        "lastUpdateTime": timestamp(minutesAgo: 12), "lastTransitionTime": timestamp(minutesAgo: 12),
                    ],
                    [
                        "type": "Progressing", "status": "True",
                        "reason": rolloutComplete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                        "message": "ReplicaSet \"\(replicaSet)\" is progressing.",
                        "lastUpdateTime": timestamp(minutesAgo: 12), "lastTransitionTime": timestamp(minutesAgo: 12),
                    ],
                ],
            ] as [String: Any],
        ]
    }
}
