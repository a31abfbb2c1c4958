/// The verbs of Docker's command line, shared by podman and nerdctl: which only read.
enum ContainerCLIVerbs {
    /// Global options of docker, podman and nerdctl that may stand before the verb.
    static let globalOptions = OptionGrammar(
        valued: [
            "H", "host", "c", "context", "config", "l", "log-level", "tlscacert", "tlscert", "tlskey",
            "connection", "url", "identity", "root", "runroot", "runtime", "runtime-flag", "storage-driver",
            "storage-opt", "tmpdir", "cgroup-manager", "conmon", "events-backend", "hooks-dir", "module",
            "network-cmd-path", "network-config-dir", "volumepath", "imagestore", "cdi-spec-dir", "ssh", "out",
            "a", "address", "n", "namespace", "snapshotter", "cni-path", "cni-netconfpath", "data-root",
            "hosts-dir", "bridge-ip", "host-gateway-ip",
        ],
        flags: [
            "D", "debug", "tls", "tlsverify", "v", "version", "h", "help", "r", "remote", "syslog",
            "transient-store", "experimental", "insecure-registry", "debug-full", "kube-hide-dupe",
        ]
    )

    /// Top-level verbs that only read.
    static let reading: Set<String> = [
        "ps", "images", "inspect", "logs", "info", "version", "events", "history", "port", "top", "stats",
        "diff", "search", "help", "healthcheck-list",
    ]
    /// Object groups (`docker image ls`), whose own verbs decide.
    static let groups: Set<String> = [
        "image", "container", "network", "volume", "system", "context", "plugin", "node", "service", "secret",
        "config", "stack", "swarm", "manifest", "buildx", "builder", "trust", "pod", "machine", "compose",
        "namespace", "apparmor", "ipfs", "artifact", "farm", "kube",
    ]
    /// Verbs of an object group that only read.
    static let readingInGroup: Set<String> = [
        "ls", "list", "inspect", "history", "logs", "top", "stats", "diff", "port", "df", "info", "events",
        "show", "ps", "exists", "tree", "du", "version", "config", "images",
    ]

    /// Why `words` (the program first) changes something; `nil` when it only reads.
    static func change(_ words: [String], tool: String) -> String? {
        let (found, unknowable) = globalOptions.verb(in: words, from: 1, of: tool)
        guard let verbIndex = found else { return unknowable }
        let verb = words[verbIndex]
        if reading.contains(verb) { return nil }
        guard groups.contains(verb) else { return "`\(tool) \(verb)` changes images, containers or settings on this machine" }
        let (sub, unknowableSub) = globalOptions.verb(in: words, from: verbIndex + 1, of: "\(tool) \(verb)")
        guard let sub else { return unknowableSub }
        if readingInGroup.contains(words[sub]) { return nil }
        return "`\(tool) \(verb) \(words[sub])` changes images, containers or settings on this machine"
    }
}

/// crictl's verbs (cri-tools): which only read.
enum CrictlVerbs {
    /// crictl's global options.
    static let globalOptions = OptionGrammar(
        valued: [
            "r", "runtime-endpoint", "i", "image-endpoint", "t", "timeout", "c", "config", "tracing-endpoint",
            "tracing-sampling-rate-per-million",
        ],
        flags: ["D", "debug", "enable-tracing", "h", "help", "v", "version"]
    )
    /// Verbs that only read.
    static let reading: Set<String> = [
        "ps", "pods", "images", "image", "img", "inspect", "inspecti", "inspectp", "logs", "stats", "statsp",
        "info", "version", "imagefsinfo", "metricdescs", "metricsp", "events", "completion", "help", "h",
    ]

    /// Why `words` (crictl first) changes something; `nil` when it only reads.
    static func change(_ words: [String]) -> String? {
        let (found, unknowable) = globalOptions.verb(in: words, from: 1, of: "crictl")
        guard let index = found else { return unknowable }
        let verb = words[index]
        if reading.contains(verb) { return nil }
        let rest = words[(index + 1)...]
        let onlyReads = rest.contains { $0 == "--list" || $0 == "--get" || $0.hasPrefix("--get=") } && !rest.contains { $0.hasPrefix("--set") }
        if verb == "config", onlyReads { return nil }
        return "`crictl \(verb)` changes images, pods or containers on the node"
    }
}

/// ctr's commands (containerd): which only read.
enum CtrVerbs {
    /// ctr's global options.
    static let globalOptions = OptionGrammar(
        valued: ["a", "address", "n", "namespace", "timeout", "connect-timeout"],
        flags: ["debug", "h", "help", "v", "version"]
    )
    /// Commands that only read.
    static let reading: Set<String> = ["version", "pprof", "events", "event", "plugins", "plugin", "oci", "help", "h", "deprecations"]
    /// Command groups whose subcommand decides.
    static let groups: Set<String> = [
        "images", "image", "i", "containers", "container", "c", "content", "tasks", "task", "t", "snapshots",
        "snapshot", "namespaces", "namespace", "ns", "leases",
    ]
    /// Subcommands that only read (`snapshots mounts` prints mount commands; `images mount` mounts).
    static let readingInGroup: Set<String> = ["list", "ls", "check", "info", "get", "active", "ps", "metrics", "metric", "tree", "usage"]
    static let snapshotGroups: Set<String> = ["snapshots", "snapshot"]

    /// Why `words` (ctr first) changes something; `nil` when it only reads.
    static func change(_ words: [String]) -> String? {
        let (found, unknowable) = globalOptions.verb(in: words, from: 1, of: "ctr")
        guard let index = found else { return unknowable }
        let command = words[index]
        if reading.contains(command) { return nil }
        guard groups.contains(command) else { return "`ctr \(command)` changes images, containers or tasks on the node" }
        let (subIndex, unknowableSub) = globalOptions.verb(in: words, from: index + 1, of: "ctr \(command)")
        guard let subIndex else { return unknowableSub }
        let sub = words[subIndex]
        if readingInGroup.contains(sub) { return nil }
        if snapshotGroups.contains(command), ["mounts", "mount", "m"].contains(sub) { return nil }
        return "`ctr \(command) \(sub)` changes images, containers or tasks on the node"
    }
}
