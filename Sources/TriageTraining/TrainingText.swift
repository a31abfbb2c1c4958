import TriageEngine
import TriageModel
import TriageTerminal

/// The text trainee mode shows at each moment of an attempt.
enum TrainingText {
    static func introduction(_ scenario: Scenario, inputs: [String: String], styler: Styler) -> String {
        var text = styler.apply(.heading, to: "Training: \(scenario.title)") + "\n"
        text += "Scenario \(scenario.id), \(scenario.difficulty.rawValue).\n"
        let pod = inputs["pod"].map { "Pod \($0)" } ?? "A pod"
        let namespace = inputs["namespace"].map { " in namespace \($0)" } ?? ""
        text += "\(pod)\(namespace) will not start: its image cannot be pulled. Work out why.\n"
        text += "At each step, read the output and say where the runbook should go next: answer with the\n"
        text += "option's number or name (Tab completes). 'hint' shows the line that decides (it costs points),\n"
        text += "'show' prints the output again, 'explain' says what to look for, 'quit' stops.\n"
        return text
    }

    static func step(_ node: Node, invocation: CommandInvocation, output: CommandResult, styler: Styler) -> String {
        let number = node.step.map { "Step \($0): " } ?? ""
        var text = "\n" + styler.apply(.heading, to: number + node.title) + "\n"
        text += styler.apply(.command, to: "$ \(invocation)") + "\n"
        return text + Self.output(output, styler: styler)
    }

    static func output(_ result: CommandResult, styler: Styler) -> String {
        var text = result.combinedOutput
        if !text.hasSuffix("\n") { text += "\n" }
        if result.exitStatus != 0 { text += styler.apply(.dim, to: "(exit status \(result.exitStatus))") + "\n" }
        return text
    }

    static func options(_ choices: StepChoices, styler: Styler) -> String {
        var text = "\nWhat does this output tell you, and where should the runbook go next?\n"
        for (index, option) in choices.options.enumerated() {
            text += "  \(index + 1)) \(option.text)  " + styler.apply(.dim, to: "[\(option.target)]") + "\n"
        }
        return text
    }

    static func hint(_ transition: Transition, styler: Styler) -> String {
        guard case .branch(_, let condition, _, let witnesses) = transition.reason else {
            return "No single line decides this step: what matters is what the output does not say.\n"
        }
        let lines = witnesses.compactMap { witness in
            witness.evidence.map { "  line \($0.line): " + styler.apply(.evidence, to: $0.text.trimmingCharacters(in: .whitespaces)) }
        }
        if lines.isEmpty { return "Look at the facts: \(condition).\n" }
        return "The line that decides:\n" + lines.joined(separator: "\n") + "\n"
    }

    static func verdict(_ step: TrainingStep, transition: Transition, runbook: Runbook, styler: Styler) -> String {
        let title = runbook.node(step.expected)?.title ?? step.expected
        var text = step.isCorrect
            ? styler.apply(.success, to: "Right:") + " the runbook goes to \(title) [\(step.expected)].\n"
            : styler.apply(.error, to: "Not quite:") + " the runbook goes to \(title) [\(step.expected)], not [\(step.chosen)].\n"
        if case .branch(_, let condition, _, let witnesses) = transition.reason {
            text += "Because \(condition)"
            if let evidence = witnesses.compactMap(\.evidence).first {
                text += ", from line \(evidence.line): " + styler.apply(.evidence, to: evidence.text.trimmingCharacters(in: .whitespaces))
            }
            text += "\n"
        } else {
            text += "Because none of the other branches holds.\n"
        }
        return text
    }

    static func explanation(of node: Node, styler: Styler) -> String {
        guard !node.explanation.isEmpty else { return "" }
        return styler.apply(.dim, to: "Why this step:") + "\n" + node.explanation.trimmingCharacters(in: .newlines) + "\n"
    }

    static func conclusion(_ diagnosis: Diagnosis, session: Session, styler: Styler) -> String {
        var text = "\n" + styler.apply(.heading, to: "Diagnosis (\(diagnosis.cause)): \(session.current.title)") + "\n"
        text += session.render(diagnosis.summary).trimmingCharacters(in: .newlines) + "\n"
        if let evidence = session.evidence(of: diagnosis) {
            text += "Evidence: " + styler.apply(.evidence, to: evidence.trimmingCharacters(in: .whitespacesAndNewlines)) + "\n"
        }
        return text
    }
}
