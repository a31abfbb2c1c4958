/// What an output parser is called and which facts it may produce, so a runbook can be checked
/// without running anything.
public struct ParserSignature: Hashable, Sendable {
    /// The name a runbook's `parser:` uses.
    public var name: String
    /// One line for `triage lint` and docs.
    public var summary: String
    /// Every fact the parser may produce.
    public var facts: Set<String>
    /// The shape of the facts that may be put into a command: a value read from output is checked
    /// against it before it enters one, as an input is. Facts not named here must be a
    /// ``ValueFormat/word``.
    public var formats: [String: ValueFormat]
    /// The few facts a person wants to see first, in order, each with the words that name it;
    /// the REPL shows these when the parser has read an output and leaves the rest to `facts`.
    public var headline: [Headline]

    /// One fact of the headline and what to call it.
    public struct Headline: Hashable, Sendable {
        /// The fact's name.
        public var fact: String
        /// What a person calls it.
        public var label: String

        /// `fact`, shown as `label`.
        public init(_ fact: String, _ label: String) {
            self.fact = fact
            self.label = label
        }
    }

    /// A parser called `name` that may produce `facts`, of `formats`, showing `headline` first.
    public init(name: String, summary: String, facts: Set<String>, formats: [String: ValueFormat] = [:], headline: [Headline] = []) {
        self.name = name
        self.summary = summary
        self.facts = facts
        self.formats = formats
        self.headline = headline
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

/// Facts every session has from the start, set by how Triage was started rather than by the
/// runbook: runbooks may branch on them.
public enum SessionFacts {
    /// `live`, `propose` or `replay`.
    public static let mode = "mode"
    /// `true` when Triage must make no network access of its own (`--offline`, and always in replay).
    public static let offline = "offline"
    /// Both names.
    public static let all: Set<String> = [mode, offline]
}
