import Foundation
import TriageModel

/// The runner a `triage run` session uses, wired from how it runs: cluster commands live here or
/// proposed to a person, node commands live (on the node itself) or proposed, local commands
/// through `local`, every kubectl command scoped to the chosen context and kubeconfig.
///
/// Whether a command that changes things may run is not the runners' to decide: the session
/// driver guards every step (see `GuardedRunner`).
public struct SessionRunners: Sendable {
    /// How the session runs.
    public struct Mode: Sendable {
        /// Cluster commands are shown for a person to run and paste.
        public var propose: Bool
        /// Triage runs on the node: node commands run here.
        public var onNode: Bool

        /// A mode.
        public init(propose: Bool, onNode: Bool) {
            self.propose = propose
            self.onNode = onNode
        }
    }

    /// The runner that runs commands here.
    public let live: LiveRunner
    /// The session's runner.
    public let runner: ClusterScopedRunner

    /// Wires the runners for `mode`: `proposer` for what a person runs (nil when nobody is
    /// there), `local` wrapping the live runner for Triage's own commands.
    public init(
        mode: Mode, live: LiveRunner, kubectl: KubectlOptions, proposer: ProposeRunner?,
        local: (LiveRunner) -> any CommandRunner
    ) {
        let here: any CommandRunner = (mode.propose ? proposer : nil) ?? live
        let onTheNode: any CommandRunner = (mode.onNode ? nil : proposer) ?? live
        self.live = live
        runner = ClusterScopedRunner(base: RoutingRunner(cluster: here, node: onTheNode, local: local(live)), options: kubectl)
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
