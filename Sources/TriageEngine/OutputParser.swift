import TriageModel

/// Reads a command's output into facts. Parsers are pure: the same output gives the same facts.
public protocol OutputParser: Sendable {
    /// The name runbooks use, and the facts this parser may produce.
    var signature: ParserSignature { get }
    /// The facts found in `result`; evidence names `node` as the source.
    func facts(from result: CommandResult, node: String) -> Facts
}

/// The parsers a runbook may name, by name.
public struct ParserCatalog: Sendable {
    private let parsers: [String: any OutputParser]

    public init(_ parsers: [any OutputParser]) {
        self.parsers = Dictionary(parsers.map { ($0.signature.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every parser Triage ships.
    public static let standard = ParserCatalog([
        PullFailureParser(),
        PodParser(),
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
