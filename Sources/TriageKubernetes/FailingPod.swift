import TriageJSON

/// What is kept of a pod some of whose containers wait for one of a given set of reasons (the
/// pull-failure and start-failure reasons, for the scan): enough to list, group and resolve it
/// when thousands are read.
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

    /// `pod` when some of its containers wait for one of `reasons`; nil otherwise.
    public init?(pod: Pod, waitingFor reasons: Set<String>) {
        let failures = pod.containers(waitingFor: reasons).map { status in
            ContainerFailure(
                name: status.name, kind: status.kind, image: status.image, reason: status.state.waitingReason ?? "",
                message: status.state.waitingMessage ?? "", restartCount: status.restartCount,
                lastReason: status.lastState.termination?.reason, lastExitCode: status.lastState.termination?.exitCode)
        }
        guard !failures.isEmpty else { return nil }
        self.init(
            namespace: pod.namespace, name: pod.name, node: pod.spec.nodeName, owners: pod.metadata.ownerReferences,
            templateHash: pod.metadata.labels["pod-template-hash"], failures: failures)
    }

    /// The failing pods of a `kubectl get pods -o json` list (or of one pod), in list order.
    public static func list(in text: String, waitingFor reasons: Set<String>) throws(KubernetesError) -> [FailingPod] {
        try Pod.decodeList(text).compactMap { FailingPod(pod: $0, waitingFor: reasons) }
    }
}

/// A container waiting for one of the reasons asked for.
public struct ContainerFailure: Sendable, Equatable {
    /// The container's name.
    public var name: String
    /// Which list it is in.
    public var kind: ContainerKind
    /// The image, as its status reports it.
    public var image: String
    /// Why it is waiting (`ErrImagePull`, `CrashLoopBackOff`…).
    public var reason: String
    /// The waiting message (since Kubernetes 1.32 the last pull error); empty when there is none.
    public var message: String
    /// Times the container restarted.
    public var restartCount: Int
    /// How its last run ended (`OOMKilled`, `Error`…), when it has run before.
    public var lastReason: String?
    /// The exit code of its last run.
    public var lastExitCode: Int?

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
