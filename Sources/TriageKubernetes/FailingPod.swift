import TriageJSON

/// What is kept of a pod that does not run as declared (see ``Pod/runsAsDeclared``): enough to
/// list, group and resolve it when thousands are read, and to decide whether a runbook's
/// `selects:` is worth reading it for.
public struct FailingPod: Sendable, Equatable {
    /// The pod's namespace (`default` when the object names none).
    public var namespace: String
    /// The pod's name.
    public var name: String
    /// The node the pod was scheduled to, if any.
    public var node: String?
    /// The pod's owners.
    public var owners: [OwnerReference]
    /// The `pod-template-hash` label, which names the ReplicaSet's suffix.
    public var templateHash: String?
    /// Its failing containers: init containers first, then regular, then ephemeral ones.
    public var failures: [ContainerFailure]

    /// Creates a failing pod.
    public init(
        namespace: String, name: String, node: String? = nil, owners: [OwnerReference] = [],
        templateHash: String? = nil, failures: [ContainerFailure]
    ) {
        self.namespace = namespace
        self.name = name
        self.node = node
        self.owners = owners
        self.templateHash = templateHash
        self.failures = failures
    }

    /// `pod` when it does not run as declared; nil when it does.
    public init?(pod: Pod) {
        guard !pod.runsAsDeclared else { return nil }
        self.init(
            namespace: pod.namespace, name: pod.name, node: pod.spec.nodeName, owners: pod.metadata.ownerReferences,
            templateHash: pod.metadata.labels["pod-template-hash"], failures: pod.status.containerStatuses.compactMap(ContainerFailure.init(status:)))
    }

    /// The pods of a `kubectl get pods -o json` list (or the one pod) that do not run as
    /// declared, in list order.
    public static func list(in text: String) throws(KubernetesError) -> [FailingPod] {
        try Pod.decodeList(text).compactMap { FailingPod(pod: $0) }
    }
}

/// A container that is not running and not on its way to running: waiting for a reason other
/// than a normal start, or ended with a non-zero exit code and not started again.
public struct ContainerFailure: Sendable, Equatable {
    /// The container's name.
    public var name: String
    /// Which list it is in.
    public var kind: ContainerKind
    /// The image, as its status reports it.
    public var image: String
    /// Why it is waiting (`ErrImagePull`, `CrashLoopBackOff`…), or ``terminated`` when it ended
    /// and is not started again.
    public var reason: String
    /// The waiting message (since Kubernetes 1.32 the last pull error), or the message of its
    /// ending; empty when there is none.
    public var message: String
    /// Times the container restarted.
    public var restartCount: Int
    /// How its last run ended (`OOMKilled`, `Error`…), when it has run before: for an ended
    /// container, how it ended.
    public var lastReason: String?
    /// The exit code of its last run.
    public var lastExitCode: Int?

    /// The ``reason`` of a container that ended and is not started again, as `kubectl describe`
    /// names the state.
    public static let terminated = "Terminated"

    /// Creates a failure.
    public init(
        name: String, kind: ContainerKind = .regular, image: String, reason: String, message: String,
        restartCount: Int = 0, lastReason: String? = nil, lastExitCode: Int? = nil
    ) {
        self.name = name
        self.kind = kind
        self.image = image
        self.reason = reason
        self.message = message
        self.restartCount = restartCount
        self.lastReason = lastReason
        self.lastExitCode = lastExitCode
    }

    /// The failure of a container with `status`; nil when it runs, is on its way to running, or
    /// ended with exit code 0.
    public init?(status: ContainerStatus) {
        let reason: String, message: String?, last: Termination?
        switch status.state {
        case .waiting(let waiting, let text):
            guard let waiting, !ContainerState.startingReasons.contains(waiting) else { return nil }
            (reason, message, last) = (waiting, text, status.lastState.termination)
        case .terminated(let termination):
            guard termination.exitCode != 0 else { return nil }
            (reason, message, last) = (Self.terminated, termination.message, termination)
        case .running, .unknown:
            return nil
        }
        self.init(
            name: status.name, kind: status.kind, image: status.image, reason: reason, message: message ?? "", restartCount: status.restartCount,
            lastReason: last?.reason, lastExitCode: last?.exitCode)
    }

    /// The containers of a pod some runbook chose although none of them fails: those not ready
    /// that did not end well (reason: the waiting reason, `Running` or ``terminated``), or, when
    /// the kubelet reports none, every regular container with the pod's phase as its reason.
    public static func notReady(in pod: Pod) -> [ContainerFailure] {
        let statuses = pod.status.containerStatuses.filter { !$0.ready && $0.state.termination?.exitCode != 0 }
        guard statuses.isEmpty else {
            return statuses.map { status in
                let reason: String
                switch status.state {
                case .waiting(let waiting, _): reason = waiting ?? "Waiting"
                case .running: reason = "Running"
                case .terminated: reason = terminated
                case .unknown: reason = pod.status.phase ?? "Unknown"
                }
                let last = status.lastTermination
                return ContainerFailure(
                    name: status.name, kind: status.kind, image: status.image, reason: reason, message: status.state.waitingMessage ?? "",
                    restartCount: status.restartCount, lastReason: last?.reason, lastExitCode: last?.exitCode)
            }
        }
        return pod.spec.containers.filter { $0.kind == .regular }.map {
            ContainerFailure(name: $0.name, image: $0.image, reason: pod.status.phase ?? "Unknown", message: "")
        }
    }

    /// How its last run ended, in a few words (`OOMKilled (exit 137)`); nil when it has not run.
    public var lastState: String? {
        guard lastReason != nil || lastExitCode != nil else { return nil }
        return (lastReason ?? "ended") + (lastExitCode.map { " (exit \($0))" } ?? "")
    }
}

extension WorkloadResolver {
    /// The workload that declares the failing pod.
    public func workload(of pod: FailingPod) -> Workload {
        workload(namespace: pod.namespace, podName: pod.name, owners: pod.owners, templateHash: pod.templateHash)
    }
}
