import TriageDiagnosis

/// The workload that manages a pod, found by walking owner references.
public struct Workload: Sendable, Hashable, Codable, Comparable {
    /// `Deployment`, `StatefulSet`, `DaemonSet`, `CronJob`, `Job`, `ReplicaSet` or `Pod` for a bare pod.
    public var kind: String
    /// Its name.
    public var name: String
    /// Its namespace.
    public var namespace: String

    /// Creates a workload.
    public init(kind: String, name: String, namespace: String) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
    }

    /// kubectl's `kind/name` spelling, lower-cased kind (`deployment/web`).
    public var reference: String { "\(kind.lowercased())/\(name)" }

    /// Orders by namespace, kind, then name.
    public static func < (lhs: Workload, rhs: Workload) -> Bool {
        (lhs.namespace, lhs.kind, lhs.name) < (rhs.namespace, rhs.kind, rhs.name)
    }
}

/// Walks Pod → ReplicaSet → Deployment and Job → CronJob.
///
/// A ReplicaSet's Deployment is read from ``replicaSetOwners`` when the ReplicaSets were fetched;
/// otherwise it is the ReplicaSet's name without its pod-template-hash suffix (the pod's
/// `pod-template-hash` label says exactly which suffix). A CronJob's Jobs are named
/// `CRONJOB-<scheduled minutes>`, so a Job whose name ends in `-` and eight or more digits
/// belongs to the CronJob named by the rest.
public struct WorkloadResolver: Sendable {
    /// The owner of each known ReplicaSet, keyed by `namespace/name`; nil inside when it has none.
    public var replicaSetOwners: [String: OwnerReference?]

    /// A resolver; `replicaSetOwners` is empty when the ReplicaSets are not known.
    public init(replicaSetOwners: [String: OwnerReference?] = [:]) {
        self.replicaSetOwners = replicaSetOwners
    }

    /// The workload that manages `pod`.
    public func workload(of pod: FailingPod) -> Workload {
        guard let owner = pod.owners.first(where: \.controller) ?? pod.owners.first else {
            return Workload(kind: "Pod", name: pod.name, namespace: pod.namespace)
        }
        switch owner.kind {
        case "ReplicaSet":
            if let known = replicaSetOwners["\(pod.namespace)/\(owner.name)"] {
                guard let parent = known else { return Workload(kind: "ReplicaSet", name: owner.name, namespace: pod.namespace) }
                return Workload(kind: parent.kind, name: parent.name, namespace: pod.namespace)
            }
            let deployment = WorkloadName.strippingTemplateHash(owner.name, hash: pod.templateHash)
            return Workload(kind: deployment == nil ? "ReplicaSet" : "Deployment", name: deployment ?? owner.name, namespace: pod.namespace)
        case "Job":
            if let cronJob = WorkloadName.cronJobName(ofJob: owner.name) {
                return Workload(kind: "CronJob", name: cronJob, namespace: pod.namespace)
            }
            return Workload(kind: "Job", name: owner.name, namespace: pod.namespace)
        default:
            return Workload(kind: owner.kind, name: owner.name, namespace: pod.namespace)
        }
    }
}
