/// A test over the facts gathered so far, used to choose a branch.
public indirect enum Condition: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Some value of the fact equals `value`.
    case equals(fact: String, value: String)
    /// Some value of the fact is one of `values`.
    case oneOf(fact: String, values: [String])
    /// The fact is known (`true`) or unknown (`false`).
    case present(fact: String, Bool)
    /// Some value of the fact matches the regular expression `pattern`.
    case matches(fact: String, pattern: Pattern)
    /// Some value of the fact equals some value of the fact `other` (e.g. a secret's registries
    /// and the image's registry).
    case inFact(fact: String, other: String)
    /// Every condition holds.
    case all([Condition])
    /// At least one condition holds.
    case any([Condition])
    /// The condition does not hold.
    case not(Condition)

    /// Every fact name the condition reads.
    public var factNames: Set<String> {
        switch self {
        case .equals(let fact, _), .oneOf(let fact, _), .present(let fact, _), .matches(let fact, _):
            [fact]
        case .inFact(let fact, let other):
            [fact, other]
        case .all(let conditions), .any(let conditions):
            conditions.reduce(into: Set()) { $0.formUnion($1.factNames) }
        case .not(let condition):
            condition.factNames
        }
    }

    /// Every regular expression the condition uses, for validation.
    public var patterns: [Pattern] {
        switch self {
        case .matches(_, let pattern): [pattern]
        case .equals, .oneOf, .present, .inFact: []
        case .all(let conditions), .any(let conditions): conditions.flatMap(\.patterns)
        case .not(let condition): condition.patterns
        }
    }

    /// Whether the condition holds over `facts`, and the fact values that made it so.
    public func evaluate(_ facts: Facts) -> ConditionOutcome {
        switch self {
        case .equals(let name, let expected):
            return Self.test(name, in: facts) { $0 == expected }
        case .oneOf(let name, let expected):
            return Self.test(name, in: facts) { expected.contains($0) }
        case .present(let name, let wanted):
            let fact = facts[name]
            let holds = (fact != nil) == wanted
            let witnesses = fact.map { [Witness(fact: name, value: $0.value, evidence: $0.evidence)] } ?? []
            return ConditionOutcome(holds: holds, witnesses: holds ? witnesses : [])
        case .matches(let name, let pattern):
            return Self.test(name, in: facts) { pattern.matches($0) }
        case .inFact(let name, let other):
            let wanted = Set(facts[other]?.values ?? [])
            return Self.test(name, in: facts) { wanted.contains($0) }
        case .all(let conditions):
            var witnesses: [Witness] = []
            for condition in conditions {
                let outcome = condition.evaluate(facts)
                guard outcome.holds else { return .fails }
                witnesses += outcome.witnesses
            }
            return ConditionOutcome(holds: true, witnesses: witnesses)
        case .any(let conditions):
            for condition in conditions {
                let outcome = condition.evaluate(facts)
                if outcome.holds { return outcome }
            }
            return .fails
        case .not(let condition):
            return ConditionOutcome(holds: !condition.evaluate(facts).holds, witnesses: [])
        }
    }

    /// The condition in the runbook's own words, e.g. `cause in [auth, tls]`.
    public var description: String {
        switch self {
        case .equals(let fact, let value): "\(fact) == \(value)"
        case .oneOf(let fact, let values): "\(fact) in [\(values.joined(separator: ", "))]"
        case .present(let fact, let wanted): wanted ? "\(fact) is known" : "\(fact) is unknown"
        case .matches(let fact, let pattern): "\(fact) matches /\(pattern)/"
        case .inFact(let fact, let other): "\(fact) in \(other)"
        case .all(let conditions): "all of (" + conditions.map(\.description).joined(separator: "; ") + ")"
        case .any(let conditions): "any of (" + conditions.map(\.description).joined(separator: "; ") + ")"
        case .not(let condition): "not (\(condition))"
        }
    }

    /// The condition as a sentence for people, fact names read as words: `phase is Running and
    /// there are no failing containers`.
    public var inWords: String {
        func words(_ fact: String) -> String { String(fact.map { $0 == "_" ? " " : $0 }) }
        switch self {
        case .equals(let fact, let value): return "\(words(fact)) is \(value)"
        case .oneOf(let fact, let values): return "\(words(fact)) is one of \(values.joined(separator: ", "))"
        case .present(let fact, let wanted):
            let plural = fact.hasSuffix("s")
            return wanted ? "the \(words(fact)) \(plural ? "are" : "is") known" : "there \(plural ? "are" : "is") no \(words(fact))"
        case .matches(let fact, let pattern): return "\(words(fact)) matches /\(pattern)/"
        case .inFact(let fact, let other): return "\(words(fact)) is among the \(words(other))"
        case .all(let conditions): return conditions.map(\.inWords).joined(separator: " and ")
        case .any(let conditions): return conditions.map(\.inWords).joined(separator: " or ")
        case .not(.present(let fact, let wanted)): return Condition.present(fact: fact, !wanted).inWords
        case .not(.equals(let fact, let value)): return "\(words(fact)) is not \(value)"
        case .not(let condition): return "not (\(condition.inWords))"
        }
    }

    private static func test(_ name: String, in facts: Facts, _ predicate: (String) -> Bool) -> ConditionOutcome {
        guard let fact = facts[name], let value = fact.values.first(where: predicate) else { return .fails }
        return ConditionOutcome(holds: true, witnesses: [Witness(fact: name, value: value, evidence: fact.evidence)])
    }
}

/// The fact value that made a condition hold, with the output line it came from.
public struct Witness: Hashable, Codable, Sendable {
    /// The fact tested.
    public var fact: String
    /// The value that made the condition hold.
    public var value: String
    /// The output line the value was read from, when it came from output.
    public var evidence: Evidence?

    /// Creates a `Witness` from its fields.
    public init(fact: String, value: String, evidence: Evidence?) {
        self.fact = fact
        self.value = value
        self.evidence = evidence
    }
}

/// The result of evaluating a condition.
public struct ConditionOutcome: Hashable, Sendable {
    /// Whether the condition holds.
    public var holds: Bool
    /// The fact values that made it hold (empty when it does not).
    public var witnesses: [Witness]

    static let fails = ConditionOutcome(holds: false, witnesses: [])
}
