import TriageModel

/// Which cluster, credentials and default namespace kubectl commands should use, as the user chose
/// them on Triage's command line.
///
/// Each value is passed to kubectl as a flag of its own (`--context`, `--kubeconfig`,
/// `--namespace`), so the values are checked up front: non-empty, not starting with `-` (kubectl
/// would read it as another flag), and free of control characters. A `KUBECONFIG` environment
/// variable needs no option here: kubectl reads it from the environment it inherits.
public struct KubectlOptions: Hashable, Sendable {
    /// The kubeconfig context to use (`--context`); `nil` keeps kubectl's current context.
    public let context: String?
    /// The kubeconfig file to use (`--kubeconfig`); `nil` keeps kubectl's default lookup.
    public let kubeconfig: String?
    /// The default namespace (`--namespace`); a `-n` in the command itself still wins.
    public let namespace: String?

    /// Checks and keeps the given values.
    /// - Throws: ``ExecutionError/invalidClusterOption(flag:value:reason:)`` for a value kubectl would
    ///   misread.
    public init(context: String? = nil, kubeconfig: String? = nil, namespace: String? = nil) throws(ExecutionError) {
        try Self.validate(context, flag: "--context")
        try Self.validate(kubeconfig, flag: "--kubeconfig")
        try Self.validate(namespace, flag: "--namespace")
        self.context = context
        self.kubeconfig = kubeconfig
        self.namespace = namespace
    }

    /// The flags to put right after `kubectl`, in a fixed order.
    public var flags: [String] {
        [("--context", context), ("--kubeconfig", kubeconfig), ("--namespace", namespace)]
            .flatMap { flag, value in value.map { [flag, $0] } ?? [] }
    }

    /// `invocation` with ``flags`` inserted right after the word `kubectl` when it runs kubectl (by
    /// any path, through a wrapper, whatever its `where:`); any other invocation unchanged.
    public func scope(_ invocation: CommandInvocation) -> CommandInvocation {
        guard !flags.isEmpty, let index = CommandSafety(invocation.arguments).kubectlIndex else { return invocation }
        var scoped = invocation
        scoped.arguments.insert(contentsOf: flags, at: index + 1)
        return scoped
    }

    private static func validate(_ value: String?, flag: String) throws(ExecutionError) {
        guard let value else { return }
        let reason: String? =
            if value.isEmpty {
                "it is empty"
            } else if value.hasPrefix("-") {
                "it starts with \"-\", so kubectl would read it as another flag"
            } else if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                "it contains a control character"
            } else {
                nil
            }
        if let reason {
            throw .invalidClusterOption(flag: flag, value: value, reason: reason)
        }
    }
}

/// Runs kubectl commands against the cluster the user chose, by adding ``KubectlOptions/flags`` to
/// each kubectl invocation before handing it to the wrapped runner.
///
/// Runbooks and recorded scenarios keep the undecorated command, so a recording made with
/// `--context prod` replays without it: put a ``RecordingRunner`` outside this runner, not inside.
public struct ClusterScopedRunner: CommandRunner {
    /// The runner that receives the decorated invocations.
    public let base: any CommandRunner
    /// The flags to add.
    public let options: KubectlOptions

    /// Wraps `base` so that its kubectl commands target `options`.
    public init(base: any CommandRunner, options: KubectlOptions) {
        self.base = base
        self.options = options
    }

    /// Runs `invocation`, scoped by ``options``, on ``base``.
    public func run(_ invocation: CommandInvocation) async throws -> CommandResult {
        try await base.run(options.scope(invocation))
    }
}
