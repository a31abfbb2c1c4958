import TriageModel

/// One answer a trainee may give at a step: where the runbook could go next, in words.
public struct ChoiceOption: Sendable, Equatable {
    /// The node the branch leads to; also the word a trainee may type (Tab completes it).
    public var target: String
    /// The branch's label, or the target's title when the branch has none.
    public var text: String
}

/// The choices at a node: one per distinct branch target, shuffled by a seed.
public struct StepChoices: Sendable, Equatable {
    /// The options in the order shown.
    public let options: [ChoiceOption]

    /// The choices at `node` of `runbook`, shuffled deterministically by `seed`. Branches that
    /// the session's settings rule out (e.g. a registry query when offline, as every replay is)
    /// are not offered: `facts` are the session's.
    public init(node: Node, runbook: Runbook, seed: UInt64, facts: Facts) {
        var options: [ChoiceOption] = []
        func add(_ target: String, _ label: String?) {
            guard !options.contains(where: { $0.target == target }) else { return }
            let title = runbook.node(target)?.title ?? target
            options.append(ChoiceOption(target: target, text: label ?? title))
        }
        for branch in node.branches where Self.settingsAllow(branch.condition, facts) { add(branch.target, branch.label) }
        if let otherwise = node.otherwise { add(otherwise, nil) }
        var generator = SeededGenerator(seed: seed, salt: node.id)
        self.options = options.shuffled(using: &generator)
    }

    /// False when `condition` requires a session setting (`mode`, `offline`) other than the session's.
    static func settingsAllow(_ condition: Condition, _ facts: Facts) -> Bool {
        switch condition {
        case .equals(let name, _), .oneOf(let name, _), .matches(let name, _):
            return !SessionFacts.all.contains(name) || condition.evaluate(facts).holds
        case .all(let conditions):
            return conditions.allSatisfy { settingsAllow($0, facts) }
        default:
            return true
        }
    }

    /// Whether there is anything to choose between.
    public var isChoice: Bool { options.count > 1 }

    /// The option a reply names: its number (1-based), its target, or an unambiguous prefix of it.
    public func option(for reply: String) -> ChoiceOption? {
        let word = reply.trimmingCharacters(in: .whitespaces).lowercased()
        guard !word.isEmpty else { return nil }
        if let number = Int(word), options.indices.contains(number - 1) { return options[number - 1] }
        if let exact = options.first(where: { $0.target == word }) { return exact }
        let matches = options.filter { $0.target.hasPrefix(word) }
        return matches.count == 1 ? matches[0] : nil
    }
}
