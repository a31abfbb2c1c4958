import TriageDiagnosis
import TriageKubernetes

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
        ((try? Pod.decodeList(output)) ?? []).compactMap { pod in
            let failing = pod.containers(waitingFor: PullWaitingReason.names)
            guard !failing.isEmpty else { return nil }
            return FailingPod(name: pod.name, namespace: pod.metadata.namespace ?? "", reasons: failing.compactMap(\.state.waitingReason),
                              images: failing.map(\.image))
        }
    }
}
