/// What an output parser is called and which facts it may produce, so a runbook can be checked
/// without running anything.
public struct ParserSignature: Hashable, Sendable {
    public var name: String
    /// One line for `triage lint` and docs.
    public var summary: String
    public var facts: Set<String>

    public init(name: String, summary: String, facts: Set<String>) {
        self.name = name
        self.summary = summary
        self.facts = facts
    }
}

/// Facts every command node produces, whatever its parser.
public enum CommandFacts {
    /// The exit status of the node's command, as a decimal string.
    public static let exitStatus = "exit_status"
    /// `true` when the command ran past its timeout.
    public static let timedOut = "timed_out"
    /// Both names.
    public static let all: Set<String> = [exitStatus, timedOut]
}
