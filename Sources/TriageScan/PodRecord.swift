import TriageDiagnosis
import TriageKubernetes

/// A container (or init container) waiting because its image could not be pulled.
public struct ContainerFailure: Sendable, Equatable {
    /// The container's name.
    public var name: String
    /// The image the container runs, as the status reports it.
    public var image: String
    /// Why the container is waiting.
    public var reason: PullWaitingReason
    /// The waiting message (since Kubernetes 1.32 it carries the underlying pull error).
    public var message: String
    /// Whether it is an init container.
    public var isInit: Bool

    /// Creates a failure.
    public init(name: String, image: String, reason: PullWaitingReason, message: String, isInit: Bool = false) {
        self.name = name
        self.image = image
        self.reason = reason
        self.message = message
        self.isInit = isInit
    }
}

/// What a scan keeps of a pod with at least one image-pull failure.
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
    /// Its failing containers, init containers first.
    public var failures: [ContainerFailure]

    /// Creates a failing pod.
    public init(namespace: String, name: String, node: String? = nil, owners: [OwnerReference] = [],
                templateHash: String? = nil, failures: [ContainerFailure]) {
        self.namespace = namespace
        self.name = name
        self.node = node
        self.owners = owners
        self.templateHash = templateHash
        self.failures = failures
    }
}
