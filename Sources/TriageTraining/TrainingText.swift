import TriageEngine
import TriageModel
import TriageSecrets
import TriageTerminal

/// The text trainee mode shows at each moment of an attempt.
enum TrainingText {
    static func introduction(_ scenario: Scenario, runbook: Runbook, inputs: [String: String], settings: TrainingSettings, rules: ScoringRules, styler: Styler)
        -> String
    {
        var text = styler.apply(.heading, to: (settings.exam ? "Exam: " : "Training: ") + scenario.title) + "\n"
        text += "Difficulty: \(scenario.difficulty.rawValue).\n"
        let given = inputs.keys.sorted().map { "\($0) \(inputs[$0] ?? "")" }.joined(separator: ", ")
        text += "\(runbook.title): \(given). Work out what is wrong, then how to fix it.\n"
        text += "At each step, read the output and say where the runbook should go next: answer with the\n"
        text += "option's number or name (Tab completes). 'show' prints the output again, 'quit' stops.\n"
        if settings.exam {
            text += "Exam rules: no hints, no explanations before you answer, one try per question.\n"
        } else {
            text += "'hint' gives a nudge, then the line that matters (−\(rules.hint) each); 'explain' says what to look for.\n"
            text += "A wrong answer may be tried again once, for part of the points.\n"
        }
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

    /// Why a wrong try was wrong, without giving the right one away.
    static func wrongTry(_ chosen: String, words: BranchWords, styler: Styler) -> String {
        styler.apply(.error, to: "Not [\(chosen)].")
            + " That way is taken when: \(words.reason(for: chosen).trimmingTrailingPeriod). This output does not show that.\n"
    }

    static func retry(left: Int, worth: Int, of full: Int) -> String {
        "Try again (\(left) more \(left == 1 ? "try" : "tries")): a right answer now earns \(max(0, worth)) of its \(full) points.\n"
    }

    static func verdict(_ step: TrainingStep, transition: Transition, node: Node, runbook: Runbook, output: String, styler: Styler) -> String {
        let title = runbook.node(step.expected)?.title ?? step.expected
        var text: String
        if step.isCorrect {
            text = styler.apply(.success, to: "Right:") + " the runbook goes to \(title) [\(step.expected)]"
            text += step.tries.count > 1 ? ", on try \(step.tries.count).\n" : ".\n"
        } else {
            text = styler.apply(.error, to: "Not quite:") + " the runbook goes to \(title) [\(step.expected)], not [\(step.chosen)].\n"
        }
        text += "Why: \(BranchWords(node: node).reason(for: transition.to).trimmingTrailingPeriod)"
        if let evidence = BranchWords.evidence(for: transition, in: output).first {
            text += ", from line \(evidence.line): " + styler.apply(.evidence, to: SecretMasker.standard.shown(evidence))
        } else {
            text += "."
        }
        return text + "\n"
    }

    static func explanation(of node: Node, styler: Styler) -> String {
        guard !node.explanation.isEmpty else { return "" }
        return styler.apply(.dim, to: "Why this step:") + "\n" + node.explanation.trimmingCharacters(in: .newlines) + "\n"
    }

    static func check(_ check: ConceptCheck, choices: [String], styler: Styler) -> String {
        var text = "\n" + styler.apply(.heading, to: "Check:") + " " + check.question.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        for (index, choice) in choices.enumerated() { text += "  \(index + 1)) \(choice)\n" }
        return text
    }

    static func checkVerdict(_ step: TrainingStep, check: ConceptCheck, styler: Styler) -> String {
        var text = step.isCorrect ? styler.apply(.success, to: "Right.") : styler.apply(.error, to: "Not quite:") + " the answer is \(check.answer)."
        if !check.explanation.isEmpty { text += " " + check.explanation.trimmingCharacters(in: .whitespacesAndNewlines) }
        return text + "\n"
    }

    static func fixOptions(_ fix: FixQuestion, styler: Styler) -> String {
        var text = "\nNow the fix. Which command fixes it on this cluster? Answer with its number, or type the command.\n"
        for (index, option) in fix.options.enumerated() {
            text += "  \(index + 1)) " + styler.apply(.command, to: "$ \(option.invocation)") + "\n"
        }
        return text
    }

    /// "Right: that is the fix.", "Right: on try 2." or "Not quite. The fix:", for what follows to name the fix.
    private static func fixVerdictLead(_ step: TrainingStep, styler: Styler) -> String {
        step.isCorrect
            ? styler.apply(.success, to: "Right:") + (step.tries.count > 1 ? " on try \(step.tries.count)." : " that is the fix.")
            : styler.apply(.error, to: "Not quite.") + " The fix:"
    }

    static func fixVerdict(_ step: TrainingStep, fix: FixQuestion, styler: Styler) -> String {
        fixVerdictLead(step, styler: styler) + " \(fix.text)\n  " + styler.apply(.command, to: "$ \(fix.right)") + "\n"
    }

    static func remedyOptions(_ fix: RemedyQuestion) -> String {
        var text = "\nNow the fix. Which fix removes this cause? Answer with its number.\n"
        for (index, option) in fix.options.enumerated() { text += "  \(index + 1)) \(option.text)\n" }
        return text
    }

    /// Whether the fix was got right, the fix, and the runbook's steps for it.
    static func remedyVerdict(_ step: TrainingStep, fix: RemedyQuestion, styler: Styler) -> String {
        var text = fixVerdictLead(step, styler: styler) + (step.isCorrect ? "" : " \(fix.right.text)") + "\n"
        guard !fix.steps.isEmpty else { return text }
        text += "What the runbook says to do:\n"
        for step in fix.steps {
            text += "  - \(step.text.trimmingCharacters(in: .whitespacesAndNewlines))\n"
            if let invocation = step.invocation { text += "    " + styler.apply(.command, to: "$ \(invocation)") + "\n" }
        }
        return text
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

extension String {
    var trimmingTrailingPeriod: String {
        var text = trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
