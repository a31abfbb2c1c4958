import Foundation
import TriageModel

/// The runners a `triage run` session uses. Whether a command that changes things may run is not
/// theirs to decide: the session driver guards every step (see `GuardedRunner`).
public enum SessionRunners {
    /// The session's runner, wired from how it runs: cluster commands live here or proposed to a
    /// person (`propose`), node commands live (`onNode`: Triage runs on the node) or proposed,
    /// local commands through `local` wrapping the live runner, every kubectl command scoped to
    /// the chosen context and kubeconfig. `proposer` is nil when nobody is there.
    public static func runner(
        propose: Bool, onNode: Bool, live: LiveRunner, kubectl: KubectlOptions, proposer: ProposeRunner?, local: (LiveRunner) -> any CommandRunner
    ) -> ClusterScopedRunner {
        let here: any CommandRunner = (propose ? proposer : nil) ?? live
        let onTheNode: any CommandRunner = (onNode ? nil : proposer) ?? live
        return ClusterScopedRunner(base: RoutingRunner(cluster: here, node: onTheNode, local: local(live)), options: kubectl)
    }

    /// `kubectl get namespace NAME --output name`: whether a namespace exists.
    public static func namespaceLookup(_ namespace: String) -> CommandInvocation {
        CommandInvocation(arguments: ["kubectl", "get", "namespace", namespace, "--output", "name"])
    }

    /// The namespace the kubeconfig context names (`kubectl config view --minify`), as kubectl
    /// uses it without `-n`; nil when there is none or it is not a namespace name.
    public static func contextNamespace(_ kubectl: KubectlOptions) async -> String? {
        let view = kubectl.scope(CommandInvocation(arguments: ["kubectl", "config", "view", "--minify", "--output", "jsonpath={..namespace}"]))
        guard let result = try? await LiveRunner(timeout: .seconds(5)).run(view), result.succeeded else { return nil }
        let namespace = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return ValueFormat.dns1123Label.problem(with: namespace) == nil ? namespace : nil
    }
}
