import TriageModel

/// A pod some of whose containers cannot pull their image, from `kubectl get pods -o json`.
public struct FailingPod: Sendable, Equatable {
    public var name: String
    public var namespace: String
    /// The waiting reasons of the failing containers, e.g. `ImagePullBackOff`.
    public var reasons: [String]
    /// The images those containers ask for.
    public var images: [String]

    /// The pods in a `kubectl get pods -o json` list that are failing image pulls, in list order.
    public static func parse(_ output: String) -> [FailingPod] {
        guard let list = JSONFacts.object(output) else { return [] }
        let items = list["kind"] as? String == "Pod" ? [list] : (list["items"] as? [[String: Any]] ?? [])
        return items.compactMap { pod in
            guard let name = pod.string(at: "metadata.name") else { return nil }
            let statuses = (pod.value(at: "status.initContainerStatuses") as? [[String: Any]] ?? [])
                + (pod.value(at: "status.containerStatuses") as? [[String: Any]] ?? [])
            let failing = statuses.compactMap { status -> (String, String)? in
                guard let reason = (status["state"] as? [String: Any]).flatMap({ ($0["waiting"] as? [String: Any])?["reason"] as? String }),
                      PodParser.pullReasons.contains(reason) else { return nil }
                return (reason, status["image"] as? String ?? "")
            }
            guard !failing.isEmpty else { return nil }
            return FailingPod(name: name, namespace: pod.string(at: "metadata.namespace") ?? "", reasons: failing.map(\.0), images: failing.map(\.1))
        }
    }
}
