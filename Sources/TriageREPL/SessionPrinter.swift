import TriageEngine
import TriageModel
import TriageTerminal

/// Everything the REPL prints, as text, styled when colour is on.
struct SessionPrinter {
    let styler: Styler

    func error(_ message: String) -> String {
        styler.apply(.error, to: "error: ") + message
    }

    func dim(_ text: String) -> String {
        styler.apply(.dim, to: text)
    }

    func welcome(_ runbook: Runbook, inputs: [String: String], mode: REPL.Mode) -> String {
        var text = styler.apply(.heading, to: runbook.title) + "\n"
        if !runbook.summary.isEmpty { text += dim(Self.firstParagraph(runbook.summary)) + "\n" }
        let given = inputs.keys.sorted().map { "\($0)=\(inputs[$0]!)" }.joined(separator: " ")
        let how = switch mode {
        case .live: "live: read-only commands run here; commands that change the cluster ask first"
        case .propose: "propose: Triage shows each command, you run it and paste the output, ending with a line '.'"
        case .replay: "replay: every output comes from the scenario; nothing is executed"
        }
        text += dim("\(given.isEmpty ? "" : given + " · ")\(how)") + "\n"
        text += dim("Enter runs the step; 'help' lists commands; Tab completes.") + "\n"
        return text
    }

    func prompt(for session: Session) -> String {
        let node = session.current
        var parts = [session.runbook.id]
        if let step = node.step {
            parts.append(session.runbook.stepCount.map { "\(step)/\($0)" } ?? "\(step)")
        }
        parts.append(node.id)
        return styler.apply(.prompt, to: "[" + parts.joined(separator: " ") + "] >") + " "
    }

    func header(_ node: Node, session: Session) -> String {
        let step = node.step.map { "Step \($0)\(session.runbook.stepCount.map { "/\($0)" } ?? "") · " } ?? ""
        var text = "\n" + styler.apply(.heading, to: "── \(step)\(node.title)") + "\n"
        if !node.explanation.isEmpty {
            text += Self.firstParagraph(node.explanation) + "\n"
            if node.explanation.contains("\n\n") { text += dim("('explain' for more)") + "\n" }
        }
        if let command = node.command {
            if let invocation = try? session.invocation(for: command) {
                let place = invocation.location == .node ? " (on the node)" : ""
                let warning = invocation.mutates ? styler.apply(.warning, to: " — changes the cluster; asks first") : ""
                text += "Next\(place): " + styler.apply(.command, to: "$ \(invocation)") + warning + "\n"
            }
        } else if let question = node.question {
            text += self.question(question, recorded: nil) + "\n"
            text += dim("Type the answer (Tab completes it), or Enter to be asked.") + "\n"
        }
        return text
    }

    func explanation(of node: Node) -> String {
        node.explanation.isEmpty ? "This step has no explanation.\n" : node.explanation.trimmingTrailingNewlines() + "\n"
    }

    func running(_ invocation: CommandInvocation, mode: REPL.Mode) -> String {
        let label = mode == .replay ? "replaying" : "running"
        return dim(label + ": ") + styler.apply(.command, to: "$ \(invocation)")
    }

    func result(_ result: CommandResult, invocation: CommandInvocation) -> String {
        let lines = result.combinedOutput.split(separator: "\n", omittingEmptySubsequences: false).count
        let status = result.timedOut
            ? styler.apply(.error, to: "timed out after \(Self.seconds(result.duration))")
            : (result.exitStatus == 0 ? styler.apply(.success, to: "exit 0") : styler.apply(.warning, to: "exit \(result.exitStatus)"))
        var text = "\(status) · \(Self.seconds(result.duration)) · \(lines) line\(lines == 1 ? "" : "s") of output ('show' prints it)\n"
        if !result.succeeded, !result.stderr.isEmpty {
            let first = result.stderr.split(separator: "\n").prefix(3).joined(separator: "\n")
            text += styler.apply(.warning, to: first) + "\n"
        }
        return text
    }

    func output(_ result: CommandResult) -> String {
        let text = result.combinedOutput
        return text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }

    func transition(_ transition: Transition, newFacts: Facts) -> String {
        var text = ""
        let shown = newFacts.keys.sorted().filter { !CommandFacts.all.contains($0) }
        if !shown.isEmpty {
            text += "Found:\n"
            for name in shown {
                text += "  " + factLine(name, newFacts[name]!, limit: 72) + "\n"
            }
        }
        text += styler.apply(.success, to: "→ \(transition.to)") + dim(" because \(REPLText.reason(transition.reason))") + "\n"
        return text
    }

    func why(_ session: Session) -> String {
        guard let step = session.steps.last else {
            return "No branch has been taken yet: this is the first step.\n"
        }
        var text = "From '\(step.node)' the session went to '\(step.transition.to)' because \(REPLText.reason(step.transition.reason)).\n"
        if case .branch(_, _, _, let witnesses) = step.transition.reason {
            for witness in witnesses {
                guard let evidence = witness.evidence else { continue }
                text += "  \(witness.fact) came from line \(evidence.line) of the output of '\(evidence.node ?? step.node)':\n"
                text += "    " + styler.apply(.evidence, to: evidence.text) + "\n"
            }
        }
        if let node = session.runbook.node(step.node) {
            let untaken = node.branches.map { "  - \($0.condition) → \($0.target)" }
            if !untaken.isEmpty {
                text += dim("The branches of '\(node.id)', in order:\n" + untaken.joined(separator: "\n") + "\n  - otherwise → \(node.otherwise ?? node.id)") + "\n"
            }
        }
        return text
    }

    func lastOutput(_ session: Session) -> String {
        guard let step = session.steps.last(where: { $0.result != nil }), let result = step.result else {
            return "No command has run yet.\n"
        }
        let evidenceLines = Set(step.newFacts.values.compactMap { $0.evidence?.node == step.node ? $0.evidence?.line : nil })
        var text = dim("Output of: $ \(step.invocation?.description ?? step.node)") + "\n"
        let lines = result.combinedOutput.split(separator: "\n", omittingEmptySubsequences: false)
        let width = String(lines.count).count
        for (index, line) in lines.enumerated() where !(index == lines.count - 1 && line.isEmpty) {
            let number = String(index + 1).leftPadded(to: width)
            if evidenceLines.contains(index + 1) {
                text += styler.apply(.evidence, to: "▶ \(number)  \(line)") + "\n"
            } else {
                text += dim("  \(number)  ") + line + "\n"
            }
        }
        return text
    }

    func facts(_ facts: Facts) -> String {
        guard !facts.isEmpty else { return "No facts yet.\n" }
        return facts.keys.sorted().map { factLine($0, facts[$0]!) }.joined(separator: "\n") + "\n"
    }

    func path(_ session: Session) -> String {
        session.path.joined(separator: " → ")
    }

    func help() -> String {
        let width = REPLCommand.words.map(\.word.count).max() ?? 0
        return REPLCommand.words.map { "  " + styler.apply(.command, to: $0.word.padding(toLength: width, withPad: " ", startingAt: 0)) + "  " + $0.help }
            .joined(separator: "\n") + "\n"
    }

    func question(_ question: Question, recorded: String?) -> String {
        var text = styler.apply(.heading, to: question.prompt)
        if case .yesNo = question.kind { text += " (yes/no)" }
        if case .choice(let choices) = question.kind {
            text += "\n" + choices.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        }
        if let recorded { text += "\n" + dim("(the scenario answered: \(recorded); Enter accepts it)") }
        return text
    }

    func answerPrompt(_ question: Question) -> String {
        let hint = switch question.kind {
        case .yesNo: "yes/no"
        case .choice: "choice"
        case .text: "answer"
        }
        return styler.apply(.prompt, to: "  \(hint) >") + " "
    }

    func watching(_ invocation: CommandInvocation, _ watch: Watch) -> String {
        dim("Watching until \(watch.until), every \(Int(watch.every)) s for up to \(Int(watch.within)) s (Ctrl-C stops): ")
            + styler.apply(.command, to: "$ \(invocation)")
    }

    func poll(_ poll: Watcher.Poll, watch: Watch) -> String {
        let names = watch.until.factNames.union(["waiting_reasons"]).sorted()
        let seen = names.compactMap { name in poll.facts[name].map { "\(name)=\($0.values.joined(separator: ","))" } }
        let status = poll.result.timedOut ? "timed out" : "exit \(poll.result.exitStatus)"
        return dim("  poll \(poll.attempt): \(status)\(seen.isEmpty ? "" : " · " + seen.joined(separator: " · "))")
    }

    func watchOutcome(_ outcome: Watcher.Outcome, watch: Watch) -> String {
        switch outcome {
        case .satisfied(let poll):
            return styler.apply(.success, to: "Recovered: \(watch.until) held at poll \(poll.attempt).") + "\n"
        case .gaveUp(let poll):
            var text = styler.apply(.warning, to: "Not recovered within \(Int(watch.within)) s: \(watch.until) never held.") + "\n"
            if let reasons = poll.facts["waiting_reasons"] {
                text += "  The pod still waits with \(reasons.values.joined(separator: ", ")); if it is the same failure, the fix has not taken effect (the kubelet may still be in its back-off: delete the pod to retry now).\n"
            }
            return text
        }
    }

    func mutationWarning(_ invocation: CommandInvocation) -> String {
        styler.apply(.warning, to: "This command changes the cluster:") + "\n  " + styler.apply(.command, to: "$ \(invocation)") + "\n"
    }

    func confirmPrompt() -> String {
        styler.apply(.prompt, to: "  Run it? [y/N] >") + " "
    }

    func diagnosis(_ session: Session) -> String {
        guard let diagnosis = session.current.diagnosis else { return "" }
        var text = "\n" + styler.apply(.heading, to: "Diagnosis: \(diagnosis.cause)") + "\n"
        text += session.render(diagnosis.summary).trimmingTrailingNewlines() + "\n"
        if let evidence = session.evidence(of: diagnosis) {
            text += "\nEvidence:\n  " + styler.apply(.evidence, to: evidence.trimmingTrailingNewlines()) + "\n"
        }
        let explanation = session.render(diagnosis.explanation).trimmingTrailingNewlines()
        if !explanation.isEmpty { text += "\n\(explanation)\n" }
        let steps = session.fixSteps(of: diagnosis)
        if !steps.isEmpty {
            text += "\n" + styler.apply(.heading, to: "Fix") + "\n"
            for (index, step) in steps.enumerated() {
                text += "  \(index + 1). \(step.text.trimmingTrailingNewlines())\n"
                if let invocation = step.invocation {
                    let note = invocation.mutates ? styler.apply(.warning, to: "  (changes the cluster; 'fix \(index + 1)' asks first)") : ""
                    text += "     " + styler.apply(.command, to: "$ \(invocation)") + note + "\n"
                }
            }
        }
        if let verify = diagnosis.verify.map(session.resolve) {
            let step = session.current.step.map { "Step \($0)\(session.runbook.stepCount.map { "/\($0)" } ?? "") · " } ?? ""
            text += "\n" + styler.apply(.heading, to: "\(step)Verify") + "\n  \(verify.text.trimmingTrailingNewlines())\n"
            if let invocation = verify.invocation {
                text += "     " + styler.apply(.command, to: "$ \(invocation)") + dim("  ('verify' runs it)") + "\n"
            }
        }
        text += dim("Path: " + path(session)) + "\n"
        return text
    }

    /// `name = value  (line N of node)`, the value cut to `limit` characters when given.
    private func factLine(_ name: String, _ fact: Fact, limit: Int? = nil) -> String {
        let source = fact.evidence.map { dim("  (line \($0.line)\($0.node.map { " of \($0)" } ?? ""))") } ?? ""
        var value = fact.values.joined(separator: ", ")
        if let limit, value.count > limit { value = value.prefix(limit - 1) + "…" }
        return "\(name) = \(value)" + source
    }

    static func firstParagraph(_ text: String) -> String {
        let paragraph = text.components(separatedBy: "\n\n").first ?? text
        return paragraph.trimmingTrailingNewlines()
    }

    static func seconds(_ value: Double) -> String {
        value < 1 ? "\(Int((value * 1000).rounded())) ms" : String(format: "%.1f s", value)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
