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
            "waiting_reasons", "failing_containers", "failing_images",
        ]
    )

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        let node = context.node
        guard result.succeeded,
              let data = result.stdout.data(using: .utf8),
              let pod = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              pod["kind"] as? String == "Pod"
        else { return [:] }
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        func evidence(for value: String) -> Evidence? {
            lines.firstIndex { $0.contains("\"\(value)\"") }.map { Evidence(line: $0 + 1, text: String(lines[$0]), node: node) }
        }
        func fact(_ values: [String]) -> Fact? {
            values.isEmpty ? nil : Fact(values: values, evidence: evidence(for: values[0]))
        }

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
        if let owner = (metadata["ownerReferences"] as? [[String: Any]])?.first(where: { $0["controller"] as? Bool == true }) ?? (metadata["ownerReferences"] as? [[String: Any]])?.first {
            facts["owner_kind"] = (owner["kind"] as? String).flatMap { fact([$0]) }
            facts["owner_name"] = (owner["name"] as? String).flatMap { fact([$0]) }
        }
        let statuses = (status["initContainerStatuses"] as? [[String: Any]] ?? []) + (status["containerStatuses"] as? [[String: Any]] ?? [])
        let waiting = statuses.compactMap { status -> (name: String, image: String, reason: String)? in
            guard let state = status["state"] as? [String: Any],
                  let waiting = state["waiting"] as? [String: Any],
                  let reason = waiting["reason"] as? String,
                  let name = status["name"] as? String else { return nil }
            return (name, status["image"] as? String ?? "", reason)
        }
        let pullReasons: Set = ["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "RegistryUnavailable"]
        facts["waiting_reasons"] = fact(waiting.map(\.reason))
        let failing = waiting.filter { pullReasons.contains($0.reason) }
        facts["failing_containers"] = fact(failing.map(\.name))
        facts["failing_images"] = fact(failing.map(\.image).filter { !$0.isEmpty })
        return facts
    }
}
