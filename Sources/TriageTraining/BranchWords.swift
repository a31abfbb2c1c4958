import TriageEngine
import TriageModel
import TriageSecrets
import TriageTerminal

/// What a trainee is told about a node's branches, in words: the runbook's own `hint:`s and
/// labels first, else words derived from the branch conditions. Condition syntax is never shown.
struct BranchWords {
    let node: Node

    /// What shows that the way to `target` is right.
    func reason(for target: String) -> String {
        guard let branch = node.branches.first(where: { $0.target == target }) else {
            return node.teaching.otherwiseHint ?? "none of the signs the other ways look for is in the output"
        }
        return branch.hint ?? branch.label ?? Self.words(branch.condition)
    }

    /// The first hint: where to look, without what it shows. The runbook's `hint:` of the node,
    /// else the things every branch of the node reads, named in words (the deciding branch's
    /// alone would point at the answer), when they are few enough to be a pointer.
    func nudge(for transition: Transition) -> String {
        if let hint = node.teaching.hint { return hint }
        let read = node.branches.reduce(into: Set<String>()) { $0.formUnion($1.condition.factNames) }
        let names = read.subtracting(SessionFacts.all).subtracting(CommandFacts.all).sorted().map(Self.words(fact:))
        guard (1...4).contains(names.count) else { return "Read the output again from the top: what does it say went wrong, and where?" }
        return "Read the output again: what does it say about the \(Self.list(names))?"
    }

    /// The output lines that decided `transition`: each witness's evidence, else the first line
    /// of `output` that holds the witness's value (a value read from JSON names no line itself).
    static func evidence(for transition: Transition, in output: String) -> [Evidence] {
        guard case .branch(_, _, _, let witnesses) = transition.reason else { return [] }
        let lines = output.lines()
        var found: [Evidence] = []
        for witness in witnesses {
            if let evidence = witness.evidence {
                found.append(evidence)
            } else if witness.value.count >= 3, let index = lines.firstIndex(where: { $0.contains(witness.value) }) {
                found.append(Evidence(line: index + 1, text: String(lines[index])))
            }
        }
        return found.reduce(into: []) { kept, evidence in
            if !kept.contains(where: { $0.line == evidence.line }) { kept.append(evidence) }
        }
    }

    /// The second hint: the output line that decides, and what it shows.
    func pointer(for transition: Transition, output: String, styler: Styler) -> String {
        var text = ""
        if case .branch = transition.reason {
            let lines = Self.evidence(for: transition, in: output).map {
                "  line \($0.line): " + styler.apply(.evidence, to: SecretMasker.standard.shown($0))
            }
            if !lines.isEmpty { text += "The line that matters:\n" + lines.joined(separator: "\n") + "\n" }
        } else {
            text += "No single line decides this step: what matters is what the output does not say.\n"
        }
        return text + "What it shows: \(reason(for: transition.to)).\n"
    }

    /// A condition as a sentence for people, without its syntax: no patterns, no operators.
    static func words(_ condition: Condition) -> String {
        switch condition {
        case .equals(let fact, let value): return "the \(words(fact: fact)) is \(value)"
        case .oneOf(let fact, let values): return "the \(words(fact: fact)) is one of \(list(values, or: true))"
        case .present(let fact, true): return "the output shows the \(words(fact: fact))"
        case .present(let fact, false): return "the output shows no \(words(fact: fact))"
        case .matches(let fact, _): return "the \(words(fact: fact)) has the form this way looks for"
        case .inFact(let fact, let other): return "the \(words(fact: fact)) is among the \(words(fact: other))"
        case .all(let conditions): return list(conditions.map(words))
        case .any(let conditions): return list(conditions.map(words), or: true)
        case .not(.present(let fact, let wanted)): return words(.present(fact: fact, !wanted))
        case .not(.equals(let fact, let value)): return "the \(words(fact: fact)) is not \(value)"
        case .not(.inFact(let fact, let other)): return "the \(words(fact: fact)) is not among the \(words(fact: other))"
        case .not(let condition): return "it is not so that \(words(condition))"
        }
    }

    /// A fact name read as words: `secret_for_registry` → `secret for registry`.
    static func words(fact: String) -> String { Session.words(fact: fact) }

    static func list(_ items: [String], or: Bool = false) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items[items.count - 1]
    }
}
