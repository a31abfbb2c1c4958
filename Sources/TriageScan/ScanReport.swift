import TriageDiagnosis

/// The result of a scan: failing containers grouped by cause, registry and image. The JSON keys
/// are part of Triage's interface for scripts: keep them.
public struct ScanReport: Codable, Sendable, Equatable {
    /// One failing container.
    public struct PodEntry: Codable, Sendable, Equatable {
        /// Its number in the text output, for `triage scan --run N`.
        public var number: Int
        /// The pod's namespace.
        public var namespace: String
        /// The pod's name.
        public var pod: String
        /// The container's name.
        public var container: String
        /// Whether it is an init container.
        public var initContainer: Bool
        /// The node, when the pod was scheduled.
        public var node: String?
        /// The waiting reason (`ImagePullBackOff`, `CrashLoopBackOff`…), or `Terminated` for a
        /// container that ended and is not started again.
        public var reason: String
        /// The managing workload as `kind/name`.
        public var workload: String
        /// For a container that cannot start or keep running: how its last run ended
        /// (`OOMKilled (exit 137)`), when it has run.
        public var lastState: String?
        /// For a container that cannot start or keep running: times it restarted.
        public var restarts: Int?
        /// For a container that cannot start or keep running: the runbook whose `selects:` holds
        /// for it, when the command knows the runbooks.
        public var runbook: String?

        enum CodingKeys: String, CodingKey {
            case number, namespace, pod, container, node, reason, workload, restarts, runbook
            case initContainer = "init_container"
            case lastState = "last_state"
        }

        /// Encodes every key, `null` for an unscheduled pod's node.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(namespace, forKey: .namespace)
            try c.encode(pod, forKey: .pod)
            try c.encode(container, forKey: .container)
            try c.encode(initContainer, forKey: .initContainer)
            try c.encode(node, forKey: .node)
            try c.encode(reason, forKey: .reason)
            try c.encode(workload, forKey: .workload)
            if let restarts {
                try c.encode(restarts, forKey: .restarts)
                try c.encode(lastState, forKey: .lastState)
                try c.encode(runbook, forKey: .runbook)
            }
        }
    }

    /// A workload with failing pods in a group.
    public struct WorkloadEntry: Codable, Sendable, Equatable {
        /// `Deployment`, `StatefulSet`…, or `Pod` for a pod nothing manages.
        public var kind: String
        /// Its name.
        public var name: String
        /// Its namespace.
        public var namespace: String
        /// Its failing containers in the group.
        public var count: Int
    }

    /// Failing containers sharing a cause, a registry and an image.
    public struct Group: Codable, Sendable, Equatable {
        /// The cause label (`auth`, `image-not-found`…).
        public var cause: PullFailureCause
        /// The cause in words.
        public var title: String
        /// The registry host, `docker.io` for short names; the first part of an unparseable reference.
        public var registry: String
        /// The image, normalised when it parses (`docker.io/library/nginx:1.27`).
        public var image: String
        /// Failing containers.
        public var count: Int
        /// The workloads they belong to, most affected first.
        public var workloads: [WorkloadEntry]
        /// Their namespaces, sorted.
        public var namespaces: [String]
        /// Their nodes, sorted.
        public var nodes: [String]
        /// The containers themselves.
        public var pods: [PodEntry]
        /// The first fix step for the group.
        public var fix: String
        /// Every fix step the diagnoser gives, most useful first.
        public var fixSteps: [String]
        /// One waiting message of the group, as the cluster reported it.
        public var message: String
        /// False when no message or event named the cause (only a back-off was seen).
        public var explained: Bool

        enum CodingKeys: String, CodingKey {
            case cause, title, registry, image, count, workloads, namespaces, nodes, pods, fix, message, explained
            case fixSteps = "fix_steps"
        }
    }

    /// A namespace the scan could not read.
    public struct Unscanned: Codable, Sendable, Equatable {
        /// The namespace.
        public var namespace: String
        /// Why (kubectl's message).
        public var reason: String

        /// Creates an entry.
        public init(namespace: String, reason: String) {
            self.namespace = namespace
            self.reason = reason
        }
    }

    /// Pods read.
    public var totalPods: Int
    /// Failing containers (and init containers).
    public var failing: Int
    /// Pods with at least one failing container.
    public var failingPods: Int
    /// Groups, largest first.
    public var groups: [Group]
    /// Namespaces that could not be read; the scan is partial when there are any.
    public var unscanned: [Unscanned]
    /// Containers that have their image but cannot start or keep running, numbered after the
    /// failing pulls, each with its `lastState`, `restarts` and `runbook`.
    public var restarting: [PodEntry] = []

    enum CodingKeys: String, CodingKey {
        case failing, groups, unscanned, restarting
        case totalPods = "total_pods"
        case failingPods = "failing_pods"
    }

    /// Every failing container, in the order of the text output.
    public var entries: [PodEntry] { groups.flatMap(\.pods) }
}
