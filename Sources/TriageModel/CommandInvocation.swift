/// Where a runbook command has to run to see what it needs to see.
public enum CommandLocation: String, Codable, Hashable, Sendable, CaseIterable {
    /// Anywhere with API access to the cluster (kubectl).
    case cluster
    /// On the Kubernetes node itself (crictl, docker, ctr); live mode proposes these unless told
    /// that Triage runs on the node.
    case node
    /// On the machine running Triage, with no cluster access needed.
    case local
}

/// A fully substituted command: an argument vector, never a shell string.
///
/// It is `Hashable` so that a replayed scenario can look up the recorded result of exactly this
/// command.
public struct CommandInvocation: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The program (`arguments[0]`) followed by its arguments.
    public var arguments: [String]
    /// Where the command must run.
    public var location: CommandLocation
    /// Whether the command changes the cluster; such commands run only after an explicit yes.
    public var mutates: Bool
    /// Seconds a live run may take, when the runbook sets it; otherwise the runner's default.
    public var timeout: Double?

    /// Creates a `CommandInvocation` from its fields.
    public init(arguments: [String], location: CommandLocation = .cluster, mutates: Bool = false, timeout: Double? = nil) {
        precondition(!arguments.isEmpty, "a command needs at least a program name")
        self.arguments = arguments
        self.location = location
        self.mutates = mutates
        self.timeout = timeout
    }

    /// The program to run, e.g. `kubectl`.
    public var program: String { arguments[0] }

    /// The command as a user would type it in a POSIX shell, each argument quoted only when needed.
    /// For display and copy-paste only: Triage never hands this string to a shell.
    public var description: String {
        arguments.map(ShellQuoting.quote).joined(separator: " ")
    }
}

/// Quoting for display, so a proposed command can be pasted into a shell unchanged.
public enum ShellQuoting {
    /// `arg` quoted with single quotes when it contains anything a shell would interpret.
    public static func quote(_ arg: String) -> String {
        if arg.isEmpty { return "''" }
        let safe = arg.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9": true
            case "-", "_", ".", "/", ":", "=", "@", "%", "+", ",": true
            default: false
            }
        }
        if safe { return arg }
        return "'" + arg.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
