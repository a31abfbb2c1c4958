/// kubectl's verbs, read from `kubectl --help` and each command group's help (v1.32): which only
/// read, which change the cluster (and honour `--dry-run`), and which always act.
enum KubectlVerbs {
    /// kubectl's global options (`kubectl options`), which may stand before the verb.
    static let globalOptions = OptionGrammar(
        valued: [
            "as", "as-group", "as-uid", "cache-dir", "certificate-authority", "client-certificate", "client-key",
            "cluster", "context", "kubeconfig", "log-flush-frequency", "namespace", "n", "password", "profile",
            "profile-output", "request-timeout", "server", "s", "tls-server-name", "token", "user", "username",
            "v", "vmodule",
        ],
        flags: ["disable-compression", "insecure-skip-tls-verify", "match-server-version", "warnings-as-errors", "help", "h"]
    )

    /// Verbs that only read.
    static let reading: Set<String> = [
        "get", "describe", "explain", "logs", "top", "events", "api-resources", "api-versions", "version",
        "completion", "kustomize", "diff", "wait", "options", "help", "cluster-info",
    ]
    /// Verbs that change the cluster unless `--dry-run=client|server` is given.
    static let dryRunnable: Set<String> = [
        "create", "apply", "patch", "replace", "delete", "set", "scale", "autoscale", "label", "annotate",
        "taint", "cordon", "uncordon", "drain", "expose", "run", "rollout", "auth",
    ]
    /// Subcommands that only read, for verbs whose subcommands differ.
    static let readingSubcommands: [String: Set<String>] = [
        "rollout": ["history", "status"],
        "auth": ["can-i", "whoami"],
        "apply": ["view-last-applied"],
        "config": ["view", "get-contexts", "get-clusters", "get-users", "current-context"],
        "plugin": ["list"],
    ]
    /// Verbs that act whatever their flags, and what they do.
    static let acting: [String: String] = [
        "edit": "edits a live object",
        "exec": "runs a command inside a container",
        "attach": "attaches to a running container's input",
        "cp": "copies files into or out of a container",
        "debug": "adds a debugging container or pod (or a pod on the node)",
        "port-forward": "opens a local port into the cluster, usable by anyone on this machine, and runs until stopped",
        "proxy": "serves the API server on a local port with your credentials, and runs until stopped",
        "certificate": "approves or denies a certificate signing request",
        "config": "changes the kubeconfig file",
        "plugin": "runs a plugin command",
        "alpha": "runs an experimental command",
    ]

    /// Why `words` (kubectl first) changes something; `nil` when it only reads.
    static func change(_ words: [String]) -> String? {
        let (found, unknowable) = globalOptions.verb(in: words, from: 1, of: "kubectl")
        guard let verbIndex = found else { return unknowable }
        let verb = words[verbIndex]
        let options = Array(words[(verbIndex + 1)...].prefix { $0 != "--" })
        if options.contains("--help") || options.contains("-h") { return nil }
        let subcommand = globalOptions.verb(in: words, from: verbIndex + 1, of: "kubectl \(verb)").index.map { words[$0] }
        if let sub = subcommand, readingSubcommands[verb]?.contains(sub) == true { return nil }
        if reading.contains(verb) {
            let dumpsToFiles = verb == "cluster-info" && options.contains { $0.hasPrefix("--output-directory") }
            return dumpsToFiles ? "`kubectl cluster-info dump --output-directory` writes files" : nil
        }
        if ["label", "annotate"].contains(verb), options.contains("--list") || options.contains("--list=true") {
            return nil
        }
        if let action = acting[verb] { return "`kubectl \(verb)` \(action)" }
        if dryRunnable.contains(verb) {
            let tokenRequest = verb == "create" && subcommand == "token"
            if !tokenRequest, isDryRun(options) { return nil }
            if tokenRequest { return "`kubectl create token` issues a ServiceAccount token" }
            return "`kubectl \(verb)` changes the cluster"
        }
        return "`kubectl \(verb)` is not a kubectl command Triage knows (a plugin?), so it may change anything"
    }

    /// Whether the last `--dry-run` among `options` asks for a client or server dry run (a bare
    /// `--dry-run` is kubectl's deprecated spelling of `client`).
    static func isDryRun(_ options: [String]) -> Bool {
        guard let last = options.last(where: { $0 == "--dry-run" || $0.hasPrefix("--dry-run=") }) else { return false }
        if last == "--dry-run" { return true }
        return ["client", "server", "true"].contains(last.dropFirst("--dry-run=".count))
    }
}
