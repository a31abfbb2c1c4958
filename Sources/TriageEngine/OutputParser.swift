import TriageModel

/// What a parser knows besides the output: the node that ran the command and the facts gathered
/// before it (so a parser can compare, e.g. a secret's registries with the image's).
public struct ParserContext: Sendable {
    /// The node whose command printed the output; evidence names it as the source.
    public var node: String
    /// The facts known before this output.
    public var facts: Facts

    /// Creates a `ParserContext` from its fields.
    public init(node: String, facts: Facts = [:]) {
        self.node = node
        self.facts = facts
    }
}

/// Reads a command's output into facts. Parsers are pure: the same output and context give the
/// same facts.
public protocol OutputParser: Sendable {
    /// The name runbooks use, and the facts this parser may produce.
    var signature: ParserSignature { get }
    /// The facts found in `result`.
    func facts(from result: CommandResult, context: ParserContext) -> Facts
}

/// The parsers a runbook may name, by name.
public struct ParserCatalog: Sendable {
    private let parsers: [String: any OutputParser]

    /// Creates a `ParserCatalog` from its fields.
    public init(_ parsers: [any OutputParser]) {
        self.parsers = Dictionary(parsers.map { ($0.signature.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every parser Triage ships.
    public static let standard = ParserCatalog([
        PullFailureParser(),
        PodParser(),
        RegistryCheckParser(),
        NodeParser(),
        ServiceAccountParser(),
        PullSecretsParser(),
        PodEventsParser(),
    ])

    /// The signatures, sorted by name, for the validator and `triage lint`.
    public var signatures: [ParserSignature] {
        parsers.values.map(\.signature).sorted { $0.name < $1.name }
    }

    /// The parser called `name`.
    public func parser(_ name: String) -> (any OutputParser)? {
        parsers[name]
    }
}
