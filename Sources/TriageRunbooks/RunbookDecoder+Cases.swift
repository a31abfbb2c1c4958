import TriageModel
import Yams

/// `{by: FACT, cases: {VALUES: …}}`: a choice made by the value of one fact, written once instead
/// of one `{fact: FACT, equals: VALUE}` condition per branch or fix step. A case's key is a value,
/// or several joined by commas (`gcr, gar`); it stands for `{fact: FACT, equals: VALUE}` (or
/// `in: [VALUES]`), so the decoded runbook is the one the conditions would have given.
extension RunbookDecoder {
    static let caseKeys = ["by", "cases"]

    /// One case of a `by` choice: the condition its key stands for and what it leads to.
    struct Case {
        let condition: Condition
        let keyNode: Yams.Node
        let value: Yams.Node
    }

    /// The fact a `by` choice reads, its cases in order, and every value they name; nil when
    /// the choice is malformed (reported).
    static func decodeCases(_ fields: Fields, _ what: String, _ reader: YAMLReader) -> (fact: String, cases: [Case], values: [String])? {
        let byWhat = "'by' of \(what)"
        let fact = fields["by"].flatMap { reader.word($0, byWhat) }
        if let fact, !Template.isIdentifier(fact), let node = fields["by"] {
            reader.report(node, "\(byWhat): a fact name is letters, digits, '_', '-' and '.', starting with a letter")
            return nil
        }
        guard let fact, let casesNode = fields.require("cases", in: reader),
            let entries = reader.fields(casesNode, "'cases' of \(what)")
        else { return nil }
        if entries.pairs.isEmpty { reader.report(casesNode, "'cases' of \(what) is empty; give each value of '\(fact)' and where it leads") }
        var seen: Set<String> = []
        var cases: [Case] = []
        var values: [String] = []
        for pair in entries.pairs {
            let named = pair.key.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if named.contains(where: \.isEmpty) {
                reader.report(pair.keyNode, "case '\(pair.key)' of \(what) has an empty value; write one value, or several joined by commas")
                continue
            }
            for value in named where !seen.insert(value).inserted {
                reader.report(pair.keyNode, "value '\(value)' of '\(fact)' has two cases in \(what); a value leads one way")
            }
            values += named
            let condition: Condition = named.count == 1 ? .equals(fact: fact, value: named[0]) : .oneOf(fact: fact, values: named)
            cases.append(Case(condition: condition, keyNode: pair.keyNode, value: pair.value))
        }
        return (fact, cases, values)
    }

    /// The branches of `{by: FACT, cases: {VALUES: NODE or {goto, label, hint}}}`, one per case,
    /// each located at its case's key.
    static func decodeCaseBranches(_ fields: Fields, _ what: String, _ reader: YAMLReader) -> [Branch] {
        fields.rejectUnknown(caseKeys, in: reader)
        guard let (_, cases, _) = decodeCases(fields, what, reader) else { return [] }
        return cases.compactMap { item in
            let caseWhat = "case '\(item.keyNode.scalar?.string ?? "")' of \(what)"
            let location = reader.location(item.keyNode)
            if case .scalar = item.value {
                return reader.word(item.value, caseWhat).map { Branch(condition: item.condition, target: $0, location: location) }
            }
            guard let target = reader.fields(item.value, caseWhat) else { return nil }
            target.rejectUnknown(["goto", "label", "hint"], in: reader)
            let node = target.require("goto", in: reader).flatMap { reader.word($0, "'goto' of \(caseWhat)") }
            let label = target["label"].flatMap { reader.string($0, "'label' of \(caseWhat)") }
            let hint = target["hint"].flatMap { reader.paragraphs($0, "'hint' of \(caseWhat)") }
            return node.map { Branch(condition: item.condition, target: $0, label: label, location: location, hint: hint) }
        }
    }

    /// The fix steps of `{by: FACT, cases: {VALUES: STEP or [STEPS]}, otherwise: STEP or [STEPS]}`:
    /// each case's steps apply when the fact has one of its values (and their own `when` holds),
    /// the `otherwise` steps when it has none of them or is unknown.
    static func decodeCaseSteps(_ fields: Fields, _ what: String, _ reader: YAMLReader) -> [FixStep] {
        fields.rejectUnknown(caseKeys + ["otherwise"], in: reader)
        guard let (fact, cases, values) = decodeCases(fields, what, reader) else { return [] }
        var steps: [FixStep] = []
        for item in cases {
            let caseWhat = "case '\(item.keyNode.scalar?.string ?? "")' of \(what)"
            steps += decodeCaseValue(item.value, caseWhat, reader).map { $0.applying(item.condition) }
        }
        if let otherwise = fields["otherwise"] {
            let none: Condition = .not(values.count == 1 ? .equals(fact: fact, value: values[0]) : .oneOf(fact: fact, values: values))
            steps += decodeCaseValue(otherwise, "'otherwise' of \(what)", reader).map { $0.applying(none) }
        }
        return steps
    }

    private static func decodeCaseValue(_ node: Yams.Node, _ what: String, _ reader: YAMLReader) -> [FixStep] {
        guard case .sequence(let items) = node else { return decodeSteps(node, what, reader) }
        return items.enumerated().flatMap { index, item in decodeSteps(item, "step \(index + 1) of \(what)", reader) }
    }
}

extension FixStep {
    /// The step, applying only where `condition` holds as well as its own `when`.
    func applying(_ condition: Condition) -> FixStep {
        var step = self
        step.when = when.map { .all([condition, $0]) } ?? condition
        return step
    }
}
