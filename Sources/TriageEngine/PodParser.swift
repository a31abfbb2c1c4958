import Foundation
import TriageModel

/// Reads `kubectl get pod NAME -o json`: where the pod runs, what it pulls, with which
/// credentials, and who owns it.
struct PodParser: OutputParser {
    let signature = ParserSignature(
        name: "pod-json",
        summary: "kubectl get pod -o json: node, images, pull secrets, service account, owner, waiting reasons",
        facts: [
            "pod_found", "phase", "node", "images", "service_account", "pull_secrets", "owner_kind", "owner_name",
            "waiting_reasons", "failing_containers", "failing_images", "workload", "workload_kind", "workload_name",
        ],
        formats: [
            "node": .dns1123Subdomain, "images": .imageReference, "failing_images": .imageReference,
            "service_account": .dns1123Subdomain, "pull_secrets": .dns1123Subdomain, "owner_name": .dns1123Subdomain,
            "workload_name": .dns1123Subdomain, "failing_containers": .dns1123Label,
        ]
    )

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        guard result.succeeded, let pod = JSONFacts.object(result.stdout), pod["kind"] as? String == "Pod" else { return [:] }
        let json = JSONFacts(result.stdout, node: context.node)
        func fact(_ values: [String]) -> Fact? { json.fact(values) }

        var facts: Facts = ["pod_found": Fact("true")]
        let spec = pod["spec"] as? [String: Any] ?? [:]
        let status = pod["status"] as? [String: Any] ?? [:]
        let metadata = pod["metadata"] as? [String: Any] ?? [:]
        let containers = (spec["initContainers"] as? [[String: Any]] ?? []) + (spec["containers"] as? [[String: Any]] ?? [])
        facts["phase"] = (status["phase"] as? String).flatMap { fact([$0]) }
        facts["node"] = (spec["nodeName"] as? String).flatMap { fact([$0]) }
        facts["images"] = fact(containers.compactMap { $0["image"] as? String })
        facts["service_account"] = (spec["serviceAccountName"] as? String).flatMap { fact([$0]) }
        facts["pull_secrets"] = fact((spec["imagePullSecrets"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
        let owners = metadata["ownerReferences"] as? [[String: Any]] ?? []
        if let owner = owners.first(where: { $0["controller"] as? Bool == true }) ?? owners.first,
           let kind = owner["kind"] as? String, let name = owner["name"] as? String {
            facts["owner_kind"] = fact([kind])
            facts["owner_name"] = fact([name])
            let hash = (metadata["labels"] as? [String: Any])?["pod-template-hash"] as? String
            let workload = Self.workload(ownerKind: kind, ownerName: name, templateHash: hash)
            facts["workload_kind"] = fact([workload.kind])
            facts["workload_name"] = fact([workload.name])
            facts["workload"] = json.fact(["\(workload.kind.lowercased())/\(workload.name)"], seenAt: "\"\(name)\"")
        }
        let statuses = (status["initContainerStatuses"] as? [[String: Any]] ?? []) + (status["containerStatuses"] as? [[String: Any]] ?? [])
        let waiting = statuses.compactMap { status -> (name: String, image: String, reason: String)? in
            guard let state = status["state"] as? [String: Any],
                  let waiting = state["waiting"] as? [String: Any],
                  let reason = waiting["reason"] as? String,
                  let name = status["name"] as? String else { return nil }
            return (name, status["image"] as? String ?? "", reason)
        }
        facts["waiting_reasons"] = fact(waiting.map(\.reason))
        let failing = waiting.filter { Self.pullReasons.contains($0.reason) }
        facts["failing_containers"] = fact(failing.map(\.name))
        facts["failing_images"] = fact(failing.map(\.image).filter { !$0.isEmpty })
        return facts
    }

    /// The waiting reasons that mean a container's image cannot be pulled.
    static let pullReasons: Set = ["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "RegistryUnavailable"]

    /// Where the image is declared, from the pod's controller: a ReplicaSet's Deployment is its
    /// name less the `-<pod-template-hash>` the Deployment controller appends; a Job named
    /// `<name>-<digits>` was made by the CronJob `<name>`. Other controllers declare it themselves.
    static func workload(ownerKind: String, ownerName: String, templateHash: String?) -> (kind: String, name: String) {
        if ownerKind == "ReplicaSet", let hash = templateHash, ownerName.hasSuffix("-" + hash) {
            return ("Deployment", String(ownerName.dropLast(hash.count + 1)))
        }
        if ownerKind == "Job", let dash = ownerName.lastIndex(of: "-"),
           ownerName[ownerName.index(after: dash)...].count >= 8,
           ownerName[ownerName.index(after: dash)...].allSatisfy(\.isNumber) {
            return ("CronJob", String(ownerName[..<dash]))
        }
        return (ownerKind, ownerName)
    }
}
