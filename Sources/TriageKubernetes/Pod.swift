import TriageJSON

/// A pod, from `kubectl get pod NAME -o json`.
public struct Pod: KubernetesObject, Equatable {
    /// `Pod`.
    public static let kind = "Pod"

    /// Its metadata.
    public var metadata: ObjectMeta
    /// What it asks for.
    public var spec: PodSpec
    /// What the kubelet reports.
    public var status: PodStatus

    /// Reads a pod.
    public init(json: JSONValue) {
        metadata = ObjectMeta(json: json["metadata"] ?? .null)
        spec = PodSpec(json: json["spec"] ?? .null)
        status = PodStatus(json: json["status"] ?? .null)
    }

    /// Its name.
    public var name: String { metadata.name }

    /// Its namespace (`default` when the object names none).
    public var namespace: String { metadata.namespace ?? "default" }

    /// The status of the container called `name` of kind `kind`.
    public func status(of container: Container) -> ContainerStatus? {
        status.containerStatuses.first { $0.kind == container.kind && $0.name == container.name }
    }

    /// The spec of the container a status is for.
    public func container(for status: ContainerStatus) -> Container? {
        spec.containers.first { $0.kind == status.kind && $0.name == status.name }
    }

    /// Whether it runs as declared: it succeeded, or it is running, every regular container and
    /// sidecar runs, none is in trouble (see ``ContainerStatus/isInTrouble``) and the pod is
    /// ready. Nothing for a runbook to do.
    public var runsAsDeclared: Bool {
        if status.phase == "Succeeded" { return true }
        guard status.phase == "Running" else { return false }
        let serving = spec.containers.filter { $0.kind == .regular || $0.isSidecar }
        let running = !serving.isEmpty && serving.allSatisfy { self.status(of: $0)?.state.isRunning == true }
        return running && !status.containerStatuses.contains(where: \.isInTrouble) && status.condition("Ready")?.status == "True"
    }

    /// The statuses of the containers waiting for one of `reasons`, init containers first.
    public func containers(waitingFor reasons: Set<String>) -> [ContainerStatus] {
        status.containerStatuses.filter { $0.state.waitingReason.map(reasons.contains) ?? false }
    }
}

/// The part of the pod spec Triage reads.
public struct PodSpec: Sendable, Equatable {
    /// The node it is scheduled to; nil before scheduling.
    public var nodeName: String?
    /// Its ServiceAccount (`default` when the spec names none).
    public var serviceAccountName: String
    /// The names of its own `imagePullSecrets`.
    public var imagePullSecrets: [String]
    /// `Always`, `OnFailure` or `Never`; `Always` when the spec leaves it out.
    public var restartPolicy: String
    /// Every container: init containers, then regular, then ephemeral ones.
    public var containers: [Container]
    /// Its volumes.
    public var volumes: [Volume]

    /// Reads `spec`.
    public init(json: JSONValue) {
        nodeName = json["nodeName"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        serviceAccountName = json["serviceAccountName"]?.string ?? json["serviceAccount"]?.string ?? "default"
        imagePullSecrets = json["imagePullSecrets"]?.elements.compactMap { $0["name"]?.string } ?? []
        restartPolicy = json["restartPolicy"]?.string ?? "Always"
        containers = ContainerKind.allCases.flatMap { kind in
            json[kind.specField]?.elements.map { Container(json: $0, kind: kind) } ?? []
        }
        volumes = json["volumes"]?.elements.map(Volume.init(json:)) ?? []
    }

    /// The distinct images of its containers, in spec order.
    public var images: [String] {
        var seen: Set<String> = []
        return containers.map(\.image).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// The part of the pod status Triage reads.
public struct PodStatus: Sendable, Equatable {
    /// `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`.
    public var phase: String?
    /// Why the kubelet itself ended or refused the pod (`Evicted`, `DeadlineExceeded`,
    /// `OutOfcpu`…); nil when it did not.
    public var reason: String?
    /// What the kubelet said about `reason`.
    public var message: String?
    /// Its conditions (`PodScheduled`, `Initialized`, `ContainersReady`, `Ready`…).
    public var conditions: [Condition]
    /// When the kubelet accepted it.
    public var startTime: KubernetesTime?
    /// Every container status: init containers, then regular, then ephemeral ones.
    public var containerStatuses: [ContainerStatus]

    /// Reads `status`.
    public init(json: JSONValue) {
        phase = json["phase"]?.string
        reason = json["reason"]?.string
        message = json["message"]?.string
        conditions = json["conditions"]?.elements.map(Condition.init(json:)) ?? []
        startTime = json["startTime"]?.time
        containerStatuses = ContainerKind.allCases.flatMap { kind in
            json[kind.statusField]?.elements.map { ContainerStatus(json: $0, kind: kind) } ?? []
        }
    }

    /// The condition of type `type`.
    public func condition(_ type: String) -> Condition? {
        conditions.first { $0.type == type }
    }
}

/// A condition of a pod or a node.
public struct Condition: Sendable, Equatable {
    /// Its type (`Ready`, `DiskPressure`…).
    public var type: String
    /// `True`, `False` or `Unknown`.
    public var status: String
    /// Why, in one word.
    public var reason: String?
    /// Why, in a sentence.
    public var message: String?
    /// When the status last changed.
    public var lastTransitionTime: KubernetesTime?

    /// Reads one element of `conditions`.
    public init(json: JSONValue) {
        type = json["type"]?.string ?? ""
        status = json["status"]?.string ?? "Unknown"
        reason = json["reason"]?.string
        message = json["message"]?.string
        lastTransitionTime = json["lastTransitionTime"]?.time
    }
}
