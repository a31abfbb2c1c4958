import TriageModel

/// Sends each command to the runner for where it must run.
///
/// In live mode the usual set-up is a ``LiveRunner`` for `cluster` and `local`, and a
/// ``ProposeRunner`` for `node` unless Triage itself runs on the node.
public struct RoutingRunner: CommandRunner {
    /// Runs ``CommandLocation/cluster`` commands.
    public let cluster: any CommandRunner
    /// Runs ``CommandLocation/node`` commands.
    public let node: any CommandRunner
    /// Runs ``CommandLocation/local`` commands.
    public let local: any CommandRunner

    /// Routes by location to the given runners.
    public init(cluster: any CommandRunner, node: any CommandRunner, local: any CommandRunner) {
        self.cluster = cluster
        self.node = node
        self.local = local
    }

    /// Runs `invocation` on the runner for its ``CommandInvocation/location``.
    public func run(_ invocation: CommandInvocation) async throws -> CommandResult {
        let runner: any CommandRunner =
            switch invocation.location {
            case .cluster: cluster
            case .node: node
            case .local: local
            }
        return try await runner.run(invocation)
    }
}
