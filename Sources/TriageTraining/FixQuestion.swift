import TriageEngine
import TriageModel

/// The question after the cause: which command fixes it on this cluster. The right answer is the
/// ending's first fix step that makes a change of its own (one no ending of another cause makes:
/// a restart or a rollback that many endings share retries or undoes, it fixes nothing) and whose
/// values are all known; the other options are that command aimed at the wrong place (an input's
/// default instead of this cluster's value) and the fixes of endings of other causes (one cause's
/// endings share their fix). A typed answer is compared argument by argument, never run.
struct FixQuestion {
    /// One command offered.
    struct Option: Equatable {
        var invocation: CommandInvocation
        /// Why it is wrong; nil for the right one.
        var whyWrong: String?
    }

    /// The step's words, shown with the right command.
    let text: String
    let right: CommandInvocation
    /// The options in the order shown.
    let options: [Option]
    /// Each value the runbook filled in, with the name of what it is (`namespace`, `workload`).
    private let filled: [(value: String, name: String)]

    /// The question for `diagnosis`, nil when none of its fix steps has a command that makes a
    /// change of its own with every value known, or there is no wrong command to set beside it.
    init?(diagnosis: Diagnosis, at ending: String, session: Session, runbook: Runbook, seed: UInt64) {
        let applicable = diagnosis.fix.filter { $0.when?.evaluate(session.facts).holds ?? true }
        let shared = Self.changes(ofCausesOtherThan: diagnosis.cause, in: runbook)
        guard let (step, template, right) = Self.firstChange(applicable.filter { !shared.contains($0.command?.arguments ?? []) }, session) else { return nil }
        text = session.render(step.text)
        self.right = right
        var filled: [(String, String)] = []
        if right.arguments.count == template.arguments.count {
            for (argument, value) in zip(template.arguments, right.arguments) where !argument.placeholders.isEmpty {
                filled.append((value, argument.placeholders.map(BranchWords.words(fact:)).joined(separator: " and ")))
            }
        }
        self.filled = filled
        var options = [Option(invocation: right, whyWrong: nil)]
        func add(_ invocation: CommandInvocation, _ why: String) {
            guard !options.contains(where: { $0.invocation.arguments == invocation.arguments }) else { return }
            options.append(Option(invocation: invocation, whyWrong: why))
        }
        for input in runbook.inputs {
            guard let fallback = input.defaultValue, let value = session.inputs[input.name], value != fallback,
                right.arguments.count == template.arguments.count,
                template.arguments.contains(where: { $0.placeholders.contains(input.name) })
            else { continue }
            var arguments = right.arguments
            for (index, argument) in template.arguments.enumerated() where argument.placeholders.contains(input.name) {
                arguments[index] = argument.render { $0 == input.name ? fallback : session.facts[$0]?.values.joined(separator: ",") }
            }
            var wrong = right
            wrong.arguments = arguments
            add(wrong, "it works on \(BranchWords.words(fact: input.name)) \(fallback), but here the \(BranchWords.words(fact: input.name)) is \(value)")
        }
        let own = Set(applicable.compactMap { session.resolve($0).invocation?.arguments })
        var others: [Option] = []
        for node in runbook.nodes where node.id != ending {
            guard let other = node.diagnosis, other.cause != diagnosis.cause,
                let (otherStep, _, invocation) = Self.firstChange(other.fix, session),
                !own.contains(invocation.arguments),
                !others.contains(where: { $0.invocation.arguments == invocation.arguments })
            else { continue }
            others.append(
                Option(invocation: invocation, whyWrong: "it is the fix for another problem: \(session.render(otherStep.text).trimmingTrailingPeriod)"))
        }
        var generator = SeededGenerator(seed: seed, salt: "fix:" + ending)
        for option in others.shuffled(using: &generator).prefix(max(0, 4 - options.count)) {
            add(option.invocation, option.whyWrong ?? "")
        }
        guard options.count > 1 else { return nil }
        self.options = options.shuffled(using: &generator)
    }

    /// Every command that changes something in the fix of an ending whose cause is not `cause`.
    private static func changes(ofCausesOtherThan cause: String, in runbook: Runbook) -> Set<[Template]> {
        var changes: Set<[Template]> = []
        for node in runbook.nodes {
            guard let other = node.diagnosis, other.cause != cause else { continue }
            for step in other.fix { if let command = step.command, command.mutates { changes.insert(command.arguments) } }
        }
        return changes
    }

    private static func firstChange(_ steps: [FixStep], _ session: Session) -> (FixStep, CommandTemplate, CommandInvocation)? {
        for step in steps {
            guard let template = step.command, template.mutates, let invocation = session.resolve(step).invocation else { continue }
            return (step, template, invocation)
        }
        return nil
    }

    /// The option a number names.
    func option(for reply: String) -> Option? {
        guard let number = Int(reply.trimmingCharacters(in: .whitespaces)), options.indices.contains(number - 1) else { return nil }
        return options[number - 1]
    }

    /// What is wrong with a typed command, in sentences; empty when it is the right one.
    /// Flags are compared in any order, `--flag=value` as `--flag value`, and kubectl's short
    /// flags `-n` and `-o` as `--namespace` and `--output`.
    func problems(with typed: [String]) -> [String] {
        let expected = Self.normalised(right.arguments), given = Self.normalised(typed)
        guard let program = given.first else { return ["the command is empty"] }
        if program != expected.first {
            return ["it runs \(program), but this fix is done with \(right.program)"]
        }
        var problems: [String] = []
        var unmatched = given.dropFirst().reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        var missing: [Int] = []
        let words = Array(expected.dropFirst())
        for (index, word) in words.enumerated() {
            if let count = unmatched[word], count > 0 { unmatched[word] = count - 1 } else { missing.append(index) }
        }
        func filledValue(_ word: String) -> (value: String, name: String)? {
            filled.first { $0.value == word || Self.normalised(["x", $0.value]).dropFirst().contains(word) }
        }
        for index in missing {
            let word = words[index]
            if let filled = filledValue(word) {
                problems.append("it must name this cluster's \(filled.name), \(filled.value)")
            } else if !(word.hasPrefix("-") && missing.contains(index + 1) && filledValue(words[index + 1]) != nil) {
                problems.append("it needs \(ShellQuoting.quote(word))")
            }
        }
        let extra = given.dropFirst().filter { (unmatched[$0] ?? 0) > 0 }
        for word in Set(extra).sorted() { problems.append("\(ShellQuoting.quote(word)) does not belong in it") }
        return problems
    }

    static func normalised(_ arguments: [String]) -> [String] {
        let aliases = ["-n": "--namespace", "-o": "--output"]
        return arguments.flatMap { argument -> [String] in
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                return [String(argument[..<equals]), String(argument[argument.index(after: equals)...])]
            }
            return [aliases[argument] ?? argument]
        }
    }
}
