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

    /// Global options that choose the cluster, the credentials or the identity kubectl uses: in a
    /// runbook's command they override the user's `--context` and `--kubeconfig` (the last flag
    /// wins), send the user's credentials to another server, act as another user, or run the
    /// credential plugins of another kubeconfig.
    static let elsewhere: Set<String> = [
        "server", "s", "kubeconfig", "context", "cluster", "user", "as", "as-group", "as-uid", "token", "username", "password",
        "client-key", "client-certificate", "certificate-authority", "insecure-skip-tls-verify", "tls-server-name",
    ]

    /// Options of any verb that write a file: `--profile-output`, and `kubectl kustomize --output`.
    static let writingFiles: Set<String> = ["profile-output"]

    /// Options that take no value, which a word after them cannot belong to. Not `-p` or `-f`:
    /// `logs` reads them as `--previous` and `--follow`, but the verbs that change things as
    /// `--patch` and `--filename`, whose value a `--dry-run` word after them may be.
    static let booleans: Set<String> = [
        "all", "all-namespaces", "A", "overwrite", "force", "wait", "now", "local", "list", "dry-run", "ignore-not-found",
        "previous", "follow", "recursive", "R", "show-labels", "watch", "w", "watch-only", "no-headers", "record", "it", "i", "t",
    ]

    /// Why `words` (kubectl first) changes something; `nil` when it only reads.
    static func change(_ words: [String]) -> String? {
        let options = Array(words.dropFirst().prefix { $0 != "--" })
        if let flag = options.first(where: { optionName($0).map(elsewhere.contains) ?? false }) {
            return "`kubectl \(flag)` points kubectl at a cluster, credentials or identity other than the ones you chose, so what it does cannot be told"
        }
        if let flag = options.first(where: { optionName($0).map(writingFiles.contains) ?? false }) {
            return "`kubectl \(flag)` writes a file"
        }
        let (found, unknowable) = globalOptions.verb(in: words, from: 1, of: "kubectl")
        guard let verbIndex = found else { return unknowable }
        let verb = words[verbIndex]
        let flags = standingFlags(Array(words[(verbIndex + 1)...].prefix { $0 != "--" }))
        if flags.contains("--help") || flags.contains("-h") { return nil }
        let subcommand = globalOptions.verb(in: words, from: verbIndex + 1, of: "kubectl \(verb)").index.map { words[$0] }
        if let sub = subcommand, readingSubcommands[verb]?.contains(sub) == true { return nil }
        if reading.contains(verb) {
            if verb == "cluster-info", options.contains(where: { $0.hasPrefix("--output-directory") }) {
                return "`kubectl cluster-info dump --output-directory` writes files"
            }
            if verb == "kustomize", options.contains(where: { optionName($0) == "output" || optionName($0) == "o" }) {
                return "`kubectl kustomize --output` writes files"
            }
            return nil
        }
        if ["label", "annotate"].contains(verb), let list = flags.last(where: { optionName($0) == "list" }), ["--list", "--list=true"].contains(list) {
            return nil
        }
        if let action = acting[verb] { return "`kubectl \(verb)` \(action)" }
        if dryRunnable.contains(verb) {
            let tokenRequest = verb == "create" && subcommand == "token"
            if !tokenRequest, isDryRun(flags) { return nil }
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

    /// The name of the option `word` spells (`--server=x` and `--server` → `server`, `-sx` → `s`),
    /// or `nil` when it is not an option.
    static func optionName(_ word: String) -> String? {
        if word.hasPrefix("--") {
            let name = word.dropFirst(2).prefix { $0 != "=" }
            return name.isEmpty ? nil : String(name)
        }
        guard word.hasPrefix("-"), let letter = word.dropFirst().first else { return nil }
        return String(letter)
    }

    /// The words of `options` that stand as flags of their own: a word right after an option that
    /// may take a value (`--field-manager --dry-run=client`) may be that value, and kubectl reads
    /// it so, so it cannot make the command read only.
    static func standingFlags(_ options: [String]) -> [String] {
        options.indices.compactMap { index in
            guard index > 0 else { return options[index] }
            let before = options[index - 1]
            guard before.hasPrefix("-"), before.count > 1, !before.contains("=") else { return options[index] }
            let takesNoValue =
                before.hasPrefix("--") ? booleans.contains(String(before.dropFirst(2))) : before.dropFirst().allSatisfy { booleans.contains(String($0)) }
            return takesNoValue ? options[index] : nil
        }
    }
}
