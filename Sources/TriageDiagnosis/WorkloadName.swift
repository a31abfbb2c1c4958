/// How Kubernetes controllers name what they create, read backwards: a Deployment's ReplicaSet is
/// `DEPLOYMENT-<pod-template-hash>`, its pods `REPLICASET-<5 random characters>`, and a CronJob's
/// Jobs `CRONJOB-<scheduled minutes>`. The random parts use Kubernetes' safe alphabet
/// (`k8s.io/apimachinery/pkg/util/rand`), which has no vowels and no 0, 1 or 3.
public enum WorkloadName {
    private static let safeAlphabet = Set("bcdfghjklmnpqrstvwxz2456789".utf8)

    /// `name` without its `-<hash>` suffix: the given hash when it matches, else a last part that
    /// looks like one (the safe alphabet, 5 to 10 characters).
    public static func strippingTemplateHash(_ name: String, hash: String?) -> String? {
        if let hash, !hash.isEmpty, name.hasSuffix("-" + hash), name.count > hash.count + 1 {
            return String(name.dropLast(hash.count + 1))
        }
        return strippingRandomSuffix(name, lengths: 5...10)
    }

    /// The CronJob that created a Job named `name`, when the name has the CronJob pattern.
    public static func cronJobName(ofJob name: String) -> String? {
        guard let dash = name.lastIndex(of: "-"), dash != name.startIndex else { return nil }
        let suffix = name.utf8[name.utf8.index(after: dash)...]
        guard suffix.count >= 8, suffix.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return String(name[..<dash])
    }

    /// The workload (`deployment/web`) that owns a pod, from its controller's kind and name and
    /// the pod's `pod-template-hash` label: a ReplicaSet reads as its Deployment when its name
    /// carries a template hash, a Job as its CronJob when its name carries a schedule.
    public static func workload(ownerKind kind: String, ownerName name: String, templateHash: String? = nil) -> String {
        switch kind {
        case "ReplicaSet":
            if let deployment = strippingTemplateHash(name, hash: templateHash) { return "deployment/" + deployment }
        case "Job":
            if let cronJob = cronJobName(ofJob: name) { return "cronjob/" + cronJob }
        default:
            break
        }
        return kind.lowercased() + "/" + name
    }

    /// The Deployment of a pod named only by its name, when the name has both generated parts
    /// of a Deployment's pod (`web-6d9f7c8b5-k2x7p` → `deployment/web`); `nil` otherwise.
    public static func deployment(ofPodNamed pod: String) -> String? {
        guard let replicaSet = strippingRandomSuffix(pod, lengths: 5...5),
              let deployment = strippingRandomSuffix(replicaSet, lengths: 5...10) else { return nil }
        return "deployment/" + deployment
    }

    private static func strippingRandomSuffix(_ name: String, lengths: ClosedRange<Int>) -> String? {
        guard let dash = name.lastIndex(of: "-"), dash != name.startIndex else { return nil }
        let suffix = name.utf8[name.utf8.index(after: dash)...]
        guard lengths.contains(suffix.count), suffix.allSatisfy(safeAlphabet.contains) else { return nil }
        return String(name[..<dash])
    }
}
