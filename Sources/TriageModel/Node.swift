import TriageJSON

/// One step of a decision tree: it may run a command, ask a question, or conclude with a
/// diagnosis, and then follows the first branch whose condition holds.
public struct Node: Hashable, Codable, Sendable {
    /// The node's id, unique in its runbook.
    public var id: String
    /// A short title, shown as the step is reached.
    public var title: String
    /// Which of the runbook's numbered steps this node belongs to, for the prompt (`2/5`).
    public var step: Int?
    /// The teaching text: why this step, what to look for.
    public var explanation: String
    /// The command whose output this node reads.
    public var command: CommandTemplate?
    /// The named output parser that turns the command's output into facts.
    public var parser: String?
    /// Facts read from the output by patterns, beside the parser's.
    public var extractions: [FactExtraction]
    /// What to ask when no command can answer.
    public var question: Question?
    /// Branches in order; the first whose condition holds is taken.
    public var branches: [Branch]
    /// Where to go when no branch holds.
    public var otherwise: String?
    /// Set on terminal nodes.
    public var diagnosis: Diagnosis?
    /// Hints and concept checks for trainee mode.
    public var teaching: Teaching
    /// Where it is written, for messages.
    public var location: SourceLocation?

    /// Creates a `Node` from its fields.
    public init(
        id: String, title: String, step: Int? = nil, explanation: String = "", command: CommandTemplate? = nil,
        parser: String? = nil, extractions: [FactExtraction] = [], question: Question? = nil,
        branches: [Branch] = [], otherwise: String? = nil, diagnosis: Diagnosis? = nil, location: SourceLocation? = nil,
        teaching: Teaching = .none
    ) {
        self.id = id
        self.title = title
        self.step = step
        self.explanation = explanation
        self.command = command
        self.parser = parser
        self.extractions = extractions
        self.question = question
        self.branches = branches
        self.otherwise = otherwise
        self.diagnosis = diagnosis
        self.teaching = teaching
        self.location = location
    }

    /// Whether the session ends here.
    public var isTerminal: Bool { diagnosis != nil }

    /// Every node this one can lead to, in branch order.
    public var successors: [String] {
        branches.map(\.target) + (otherwise.map { [$0] } ?? [])
    }

    /// The facts this node can add to the session by itself (its extractions and question);
    /// a parser's facts come from the parser's signature.
    public var ownFacts: Set<String> {
        var names = Set(extractions.map(\.fact))
        if let question { names.insert(question.fact) }
        return names
    }
}

/// A command with placeholders, as written in a runbook.
public struct CommandTemplate: Hashable, Codable, Sendable {
    /// The argument vector; each element may hold `{{placeholders}}`.
    public var arguments: [Template]
    /// Where the command runs: the cluster (kubectl), the node, or here.
    public var location: CommandLocation
    /// Whether the command changes the cluster, so runs only after an explicit yes.
    public var mutates: Bool
    /// Seconds before a live run is stopped; the runner's default when absent.
    public var timeout: Double?
    /// Where the command is written, for messages.
    public var sourceLocation: SourceLocation?

    /// Creates a `CommandTemplate` from its fields.
    public init(
        arguments: [Template], location: CommandLocation = .cluster, mutates: Bool = false, timeout: Double? = nil, sourceLocation: SourceLocation? = nil
    ) {
        self.arguments = arguments
        self.location = location
        self.mutates = mutates
        self.timeout = timeout
        self.sourceLocation = sourceLocation
    }

    /// Every placeholder name used in the arguments.
    public var placeholders: [String] { arguments.flatMap(\.placeholders) }
}

/// A fact read from a command's output with a regular expression: the first line that matches
/// gives the value (the first capture group, or the whole match); or, with ``jsonPath``, every
/// value a kubectl-style JSONPath expression selects in the output's JSON.
public struct FactExtraction: Hashable, Codable, Sendable {
    /// The name of the fact read.
    public var fact: String
    /// The regular expression, unless the fact is read by `jsonPath`.
    public var pattern: Pattern?
    /// Collect every matching line instead of the first.
    public var all: Bool
    /// A JSONPath expression (`{.spec.containers[*].image}`), parsed when the runbook loads, read
    /// instead of `pattern`.
    public var jsonPath: JSONPath?
    /// Where it is written, for messages.
    public var location: SourceLocation?
    /// The shape its values must have before a command takes one (`format:`); nil when the
    /// runbook declares none, and then it may not enter a command (see `RunbookValidator`).
    public var format: ValueFormat?

    /// Creates a `FactExtraction` from its fields.
    public init(fact: String, pattern: Pattern?, all: Bool = false, jsonPath: JSONPath? = nil, location: SourceLocation? = nil) {
        self.fact = fact
        self.pattern = pattern
        self.all = all
        self.jsonPath = jsonPath
        self.location = location
    }
}

/// A question put to the user where no command can answer.
public struct Question: Hashable, Codable, Sendable {
    /// The kind of answer expected.
    public enum Kind: Hashable, Codable, Sendable {
        case yesNo
        case choice([String])
        /// Free text, validated by a regular expression when one is given.
        case text(pattern: Pattern?)
    }

    /// The question put to the user.
    public var prompt: String
    /// The kind of answer expected.
    public var kind: Kind
    /// The fact the answer is stored as (`yes`/`no` for yes-no questions).
    public var fact: String

    /// Creates a `Question` from its fields.
    public init(prompt: String, kind: Kind, fact: String) {
        self.prompt = prompt
        self.kind = kind
        self.fact = fact
    }

    /// The answers completion offers at the prompt.
    public var suggestions: [String] {
        switch kind {
        case .yesNo: ["yes", "no"]
        case .choice(let choices): choices
        case .text: []
        }
    }
}

/// A conditional edge of the tree.
public struct Branch: Hashable, Codable, Sendable {
    /// What must hold over the facts for the branch to be taken.
    public var condition: Condition
    /// The id of the node the branch leads to.
    public var target: String
    /// Optional words for `why`, e.g. "the registry says the tag does not exist".
    public var label: String?
    /// For trainees: what in the output shows that this branch holds, in words.
    public var hint: String?
    /// Where it is written, for messages.
    public var location: SourceLocation?

    /// Creates a `Branch` from its fields.
    public init(condition: Condition, target: String, label: String? = nil, location: SourceLocation? = nil, hint: String? = nil) {
        self.condition = condition
        self.target = target
        self.label = label
        self.hint = hint
        self.location = location
    }
}

/// What a diagnosis tells about the problem, which decides the exit status of a session.
public enum DiagnosisOutcome: String, Hashable, Codable, Sendable, CaseIterable {
    /// The cause was found (the default).
    case causeFound = "cause-found"
    /// Triage looked and found nothing wrong.
    case nothingWrong = "nothing-wrong"
    /// Triage could not look: the cluster or the registry could not be asked.
    case couldNotLook = "could-not-look"
}

/// The conclusion of a terminal node.
public struct Diagnosis: Hashable, Codable, Sendable {
    /// A short machine-readable cause, e.g. `auth`.
    public var cause: String
    /// Whether the cause was found, nothing is wrong, or nothing could be asked.
    public var outcome: DiagnosisOutcome
    /// One line a person reads first.
    public var summary: Template
    /// The fix in one short line, offered when training asks which fix removes the cause.
    public var remedy: Template?
    /// Why this is the cause and what it means.
    public var explanation: Template
    /// The evidence to quote, usually a placeholder such as `{{evidence}}`.
    public var evidence: Template?
    /// What to do, in order.
    public var fix: [FixStep]
    /// How to check that the fix worked.
    public var verify: FixStep?

    /// Creates a `Diagnosis` from its fields.
    public init(
        cause: String, outcome: DiagnosisOutcome = .causeFound, summary: Template, explanation: Template,
        evidence: Template? = nil, fix: [FixStep], verify: FixStep? = nil, remedy: Template? = nil
    ) {
        self.cause = cause
        self.outcome = outcome
        self.summary = summary
        self.remedy = remedy
        self.explanation = explanation
        self.evidence = evidence
        self.fix = fix
        self.verify = verify
    }
}

/// One step of a fix or a verification: words, and optionally the command that does it.
public struct FixStep: Hashable, Codable, Sendable {
    /// What to do, in words; placeholders are filled in from the facts.
    public var text: Template
    /// The command that does it, when there is one.
    public var command: CommandTemplate?
    /// For a verification: run the command again and again until a condition holds.
    public var watch: Watch?
    /// The step applies only when this holds over the session's facts (e.g. the registry's
    /// family); a step whose condition fails is left out.
    public var when: Condition?

    /// Creates a `FixStep` from its fields.
    public init(text: Template, command: CommandTemplate? = nil, watch: Watch? = nil, when: Condition? = nil) {
        self.text = text
        self.command = command
        self.watch = watch
        self.when = when
    }
}

/// Polling a command until what it prints shows success, or a deadline passes: how Step 5 waits
/// for a pod to recover without a `-w` that never ends.
public struct Watch: Hashable, Codable, Sendable {
    /// The parser that reads each poll's output.
    public var parser: String?
    /// The condition that means "recovered".
    public var until: Condition
    /// Seconds between polls.
    public var every: Double
    /// Seconds before giving up.
    public var within: Double

    /// Creates a `Watch` from its fields.
    public init(parser: String?, until: Condition, every: Double, within: Double) {
        self.parser = parser
        self.until = until
        self.every = every
        self.within = within
    }
}
