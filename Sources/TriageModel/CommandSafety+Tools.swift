/// A command line shaped as groups of commands and then a command (`gcloud container images
/// list-tags`, `az acr repository show-tags`, `helm repo list`): the command decides, and only the
/// commands in ``reading`` only read. A word that is neither a group nor a reading command is taken
/// to change things, whatever it is: a wrong "it only reads" is the mistake that must not happen.
struct CommandTree: Sendable {
    /// The program's options that may stand before the command.
    var options: OptionGrammar
    /// Words that name a group of commands, whose next word decides.
    var groups: Set<String> = []
    /// Commands that only read (in any group).
    var reading: Set<String>
    /// What a command that changes things changes, in words.
    var changes: String

    /// Why `words` (the program first) changes something; `nil` when it only reads.
    func change(_ words: [String], tool: String) -> String? {
        var path = [tool]
        var index = 1
        while true {
            switch options.nextWord(in: words, from: index) {
            case .end: return nil
            case .unknownOption(let option):
                return "the option `\(option)` stands before the command of `\(path.joined(separator: " "))`, so what it does cannot be told"
            case .word(let found):
                let word = words[found]
                path.append(word)
                if reading.contains(word) { return nil }
                guard groups.contains(word) else { return "`\(path.joined(separator: " "))` \(changes)" }
                index = found + 1
            }
        }
    }
}

/// What the other programs a runbook may run do: the cloud and registry command lines (`helm`,
/// `skopeo`, `aws`, `gcloud`, `az`), Triage itself, the node's service tools, and the utilities
/// that only ever read. A program that none of these knows is taken to change things.
enum ToolVerbs {
    /// Why `words` (the program `tool` first) changes something; `nil` when it only reads.
    static func change(_ words: [String], tool: String) -> String? {
        if readOnlyPrograms.contains(tool) { return nil }
        if tool == "aws" { return AWSVerbs.change(words) }
        if tool == "journalctl" {
            let writes = words.dropFirst().first { word in journalWrites.contains { word == "--\($0)" || word.hasPrefix("--\($0)=") } }
            return writes.map { "`journalctl \($0)` changes the journal" }
        }
        if let tree = trees[tool] { return tree.change(words, tool: tool) }
        return "`\(tool)` is a program Triage does not know, so it may change anything"
    }

    /// Programs that only read, whatever their arguments (none of them writes a file, sets a
    /// setting or runs another program).
    static let readOnlyPrograms: Set<String> = [
        "cat", "head", "tail", "grep", "egrep", "fgrep", "zgrep", "wc", "ls", "stat", "id", "whoami", "groups", "uname", "uptime",
        "free", "df", "du", "nproc", "lscpu", "getent", "nslookup", "dig", "host", "ping", "ping6", "tracepath", "traceroute",
        "echo", "printf", "true", "false", "sleep", "printenv", "which", "jq", "base64", "sha256sum", "sha1sum", "md5sum",
        "readlink", "realpath", "basename", "dirname", "pwd", "test", "[", "ss", "netstat",
    ]

    /// journalctl's options that change the journal rather than read it.
    static let journalWrites = [
        "vacuum-size", "vacuum-time", "vacuum-files", "rotate", "flush", "sync", "relinquish-var", "smart-relinquish-var", "setup-keys", "update-catalog",
    ]

    /// Programs whose commands are read from their command tree.
    static let trees: [String: CommandTree] = [
        "helm": CommandTree(
            options: OptionGrammar(
                valued: [
                    "kube-context", "kubeconfig", "namespace", "n", "registry-config", "repository-cache", "repository-config", "burst-limit", "qps",
                    "kube-apiserver", "kube-as-user", "kube-as-group", "kube-ca-file", "kube-tls-server-name", "kube-token", "content-cache",
                ],
                flags: ["debug", "kube-insecure-skip-tls-verify", "help", "h"]),
            groups: ["repo", "plugin", "dependency", "dep", "registry"],
            reading: ["list", "ls", "status", "history", "hist", "get", "show", "inspect", "search", "lint", "version", "env", "help", "completion", "verify"],
            changes: "installs, upgrades, removes or rolls back releases, or changes Helm's repositories and files"),
        "skopeo": CommandTree(
            options: OptionGrammar(
                valued: ["command-timeout", "override-arch", "override-os", "override-variant", "policy", "registries.d", "tmpdir", "user-agent"],
                flags: ["debug", "insecure-policy", "help", "h", "version", "v"]),
            reading: ["inspect", "list-tags", "manifest-digest", "standalone-verify", "help"],
            changes: "copies, deletes or signs images in a registry, or changes its credentials"),
        "gcloud": CommandTree(
            options: OptionGrammar(
                valued: [
                    "project", "format", "region", "zone", "location", "filter", "limit", "sort-by", "page-size", "verbosity", "account", "configuration",
                    "billing-project",
                ],
                flags: ["quiet", "q", "help", "h", "log-http", "user-output-enabled", "no-user-output-enabled"]),
            groups: [
                "container", "images", "artifacts", "docker", "tags", "repositories", "packages", "versions", "files", "auth", "config", "projects", "beta",
                "alpha", "clusters", "node-pools", "operations", "compute", "instances", "iam", "service-accounts", "logging",
            ],
            reading: ["list", "describe", "list-tags", "print-access-token", "print-identity-token", "get-value", "get-iam-policy", "read", "help"],
            changes: "changes cloud resources, credentials or settings"),
        "az": CommandTree(
            options: OptionGrammar(
                valued: ["subscription", "output", "o", "query"],
                flags: ["debug", "verbose", "only-show-errors", "help", "h"]),
            groups: ["acr", "repository", "manifest", "account", "aks", "group", "nodepool", "identity", "role", "assignment", "network", "resource", "vm"],
            reading: [
                "show", "list", "show-tags", "show-manifests", "list-metadata", "check-health", "check-name", "get-access-token", "show-endpoints",
                "get-versions", "get-upgrades", "help",
            ],
            changes: "changes cloud resources, credentials or settings"),
        "systemctl": CommandTree(
            options: OptionGrammar(
                valued: ["type", "t", "state", "property", "p", "lines", "n", "output", "o"],
                flags: [
                    "all", "a", "full", "l", "failed", "system", "user", "quiet", "q", "no-pager", "no-legend", "plain", "value", "help", "h",
                ]),
            reading: [
                "status", "show", "cat", "is-active", "is-enabled", "is-failed", "is-system-running", "list-units", "list-unit-files", "list-sockets",
                "list-timers", "list-jobs", "list-dependencies", "help",
            ],
            changes: "starts, stops or changes services on the node"),
        "triage": triage,
        "kubectl-triage": triage,
    ]

    /// Triage run by a runbook: the commands that only read (`run` and `train` may change things
    /// and write files; `new` writes one).
    static let triage = CommandTree(
        options: OptionGrammar(valued: [], flags: ["help", "h", "version"]),
        reading: ["registry-check", "list", "lint", "diagnose", "scan", "replay", "help"],
        changes: "may change the cluster or write files")
}

/// The AWS command line, `aws SERVICE OPERATION`: operations that describe, list or get only read.
enum AWSVerbs {
    /// aws's global options.
    static let options = OptionGrammar(
        valued: ["region", "profile", "output", "endpoint-url", "query", "cli-read-timeout", "cli-connect-timeout", "color", "ca-bundle", "cli-binary-format"],
        flags: ["debug", "no-verify-ssl", "no-paginate", "no-sign-request", "no-cli-pager", "cli-auto-prompt", "no-cli-auto-prompt", "version", "help"]
    )
    /// Services whose `get-` operations write what they get to a local file.
    static let downloading: Set<String> = ["s3api", "glacier", "mediastore-data", "kinesis-video-archived-media", "kinesis-video-media", "ebs", "lambda"]
    /// Operations that only read, by service, besides `describe-`, `list-`, `batch-get-` and `get-`.
    static let readingOperations: [String: Set<String>] = ["s3": ["ls", "presign"], "configure": ["get", "list", "list-profiles"]]

    /// Why `words` (aws first) changes something; `nil` when it only reads.
    static func change(_ words: [String]) -> String? {
        let (serviceIndex, unknowable) = options.verb(in: words, from: 1, of: "aws")
        guard let serviceIndex else { return unknowable }
        let service = words[serviceIndex]
        if service == "help" { return nil }
        let (operationIndex, unknowableOperation) = options.verb(in: words, from: serviceIndex + 1, of: "aws \(service)")
        guard let operationIndex else { return unknowableOperation }
        let operation = words[operationIndex]
        if operation == "help" || operation == "wait" || readingOperations[service]?.contains(operation) == true { return nil }
        if ["describe-", "list-", "batch-get-"].contains(where: operation.hasPrefix) { return nil }
        if operation.hasPrefix("get-"), !downloading.contains(service) { return nil }
        return "`aws \(service) \(operation)` changes cloud resources, credentials or files"
    }
}
