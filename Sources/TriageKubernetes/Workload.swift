/// The workload that declares a pod: what to change (set image, restart, roll back) to change
/// its pods.
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

/// Finds the workload that declares a pod by walking its controller: Pod → ReplicaSet →
/// Deployment, and Job → CronJob; any other controller (StatefulSet, DaemonSet, a bare
/// ReplicaSet or Job) declares the pod itself, and a pod with no owner is its own workload.
///
/// A ReplicaSet's owner is read from ``replicaSetOwners`` when the ReplicaSets were fetched;
/// otherwise it is the ReplicaSet's name without its `-<pod-template-hash>` suffix (the pod's
/// `pod-template-hash` label says exactly which suffix; without it, a last part in Kubernetes'
/// safe alphabet of 5 to 10 characters). A CronJob names its Jobs `CRONJOB-<scheduled minutes>`,
/// so a Job whose name ends in `-` and eight or more digits belongs to the CronJob named by the rest.
public struct WorkloadResolver: Sendable {
    /// The owner of each known ReplicaSet, keyed by `namespace/name`; nil inside when it has none.
    public var replicaSetOwners: [String: OwnerReference?]

    /// A resolver; `replicaSetOwners` is empty when the ReplicaSets are not known.
    public init(replicaSetOwners: [String: OwnerReference?] = [:]) {
        self.replicaSetOwners = replicaSetOwners
    }

    /// The workload that declares `pod`.
    public func workload(of pod: Pod) -> Workload {
        workload(
            namespace: pod.namespace, podName: pod.name, owners: pod.metadata.ownerReferences,
            templateHash: pod.metadata.labels["pod-template-hash"])
    }

    /// The workload that declares the pod `podName` with these owners and `pod-template-hash` label.
    public func workload(namespace: String, podName: String, owners: [OwnerReference], templateHash: String?) -> Workload {
        guard let owner = owners.first(where: \.controller) ?? owners.first else {
            return Workload(kind: "Pod", name: podName, namespace: namespace)
        }
        switch owner.kind {
        case "ReplicaSet":
            if let known = replicaSetOwners["\(namespace)/\(owner.name)"] {
                guard let parent = known else { return Workload(kind: "ReplicaSet", name: owner.name, namespace: namespace) }
                return Workload(kind: parent.kind, name: parent.name, namespace: namespace)
            }
            let deployment = Self.strippingTemplateHash(owner.name, hash: templateHash)
            return Workload(kind: deployment == nil ? "ReplicaSet" : "Deployment", name: deployment ?? owner.name, namespace: namespace)
        case "Job":
            if let cronJob = Self.cronJobName(ofJob: owner.name) {
                return Workload(kind: "CronJob", name: cronJob, namespace: namespace)
            }
            return Workload(kind: "Job", name: owner.name, namespace: namespace)
        default:
            return Workload(kind: owner.kind, name: owner.name, namespace: namespace)
        }
    }

    /// `name` without its `-<hash>` suffix: the given hash when it matches, else a last part that
    /// looks like one (Kubernetes' safe alphabet, 5 to 10 characters).
    static func strippingTemplateHash(_ name: String, hash: String?) -> String? {
        if let hash, !hash.isEmpty, name.hasSuffix("-" + hash), name.count > hash.count + 1 {
            return String(name.dropLast(hash.count + 1))
        }
        guard let dash = name.lastIndex(of: "-"), dash != name.startIndex else { return nil }
        let suffix = name[name.index(after: dash)...]
        let alphabet = Set("bcdfghjklmnpqrstvwxz2456789")
        guard (5...10).contains(suffix.count), suffix.allSatisfy(alphabet.contains) else { return nil }
        return String(name[..<dash])
    }

    /// The Deployment of a pod known only by its name, when the name has both generated parts of
    /// a Deployment's pod (`web-6d9f7c8b5-k2x7p`: a template hash, then 5 random characters).
    public static func deployment(ofPodNamed name: String, namespace: String) -> Workload? {
        guard let replicaSet = strippingTemplateHash(name, hash: nil), name.count - replicaSet.count == 6,
            let deployment = strippingTemplateHash(replicaSet, hash: nil)
        else { return nil }
        return Workload(kind: "Deployment", name: deployment, namespace: namespace)
    }

    /// The CronJob that created a Job named `name`, when the name has the CronJob pattern.
    static func cronJobName(ofJob name: String) -> String? {
        guard let dash = name.lastIndex(of: "-"), dash != name.startIndex else { return nil }
        let suffix = name[name.index(after: dash)...]
        guard suffix.count >= 8, suffix.allSatisfy(\.isASCII), suffix.allSatisfy(\.isNumber) else { return nil }
        return String(name[..<dash])
    }
}
