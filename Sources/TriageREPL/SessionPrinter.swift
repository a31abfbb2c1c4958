import TriageEngine
import TriageLayout
import TriageModel
import TriageSecrets
import TriageTerminal

/// Everything the REPL prints, as text laid out for the terminal's width, styled when colour is
/// on. Prose is wrapped at spaces; commands break between arguments; quoted output lines break
/// with a marked continuation.
struct SessionPrinter {
    let styler: Styler
    var layout: TextLayout = .unbounded

    /// An error message, wrapped, without a final line end. Its control characters are made
    /// visible: messages quote what was typed, file names and output.
    func error(_ message: String) -> String {
        layout.wrap(styler.apply(.error, to: "error:") + " " + VisibleText.escapingControls(message)).joined(separator: "\n")
    }

    /// `text` faint, as it is (for a part of a line).
    func dim(_ text: String) -> String {
        styler.apply(.dim, to: text)
    }

    /// A line of secondary prose, wrapped and faint, without a final line end.
    func note(_ text: String) -> String {
        styled(layout.wrap(text), .dim)
    }

    /// Each line styled on its own (so a line end never sits inside a style), joined by line ends.
    private func styled(_ lines: [String], _ style: Style?) -> String {
        lines.map { line in style.map { styler.apply($0, to: line) } ?? line }.joined(separator: "\n")
    }

    /// Prose (pre-wrapped or not) reflowed to the width, ending with a line end.
    private func prose(_ text: String, indent: String = "", style: Style? = nil) -> String {
        styled(layout.reflow(text, indent: indent), style) + "\n"
    }

    /// `lead` then `$ command`, broken between arguments when it does not fit, the command
    /// styled; `after` follows on the last line, or on a line of its own when it does not fit.
    private func command(_ invocation: CommandInvocation, lead: String = "", leadStyle: Style? = nil, after: String = "") -> String {
        let lines = layout.command(invocation.arguments.map(ShellQuoting.quote), lead: lead + "$ ")
        var text = lines.enumerated().map { line in
            guard line.offset == 0 else { return styler.apply(.command, to: line.element) }
            let styledLead = leadStyle.map { styler.apply($0, to: lead) } ?? lead
            return styledLead + styler.apply(.command, to: String(line.element.dropFirst(lead.count)))
        }.joined(separator: "\n")
        if !after.isEmpty {
            let last = (lines.last ?? "").displayWidth
            text +=
                layout.width.map { last + after.displayWidth > $0 } == true
                ? "\n" + String(repeating: " ", count: lead.count) + after.drop { $0 == " " } : after
        }
        return text
    }

    func welcome(_ runbook: Runbook, inputs: [String: String], mode: REPL.Mode) -> String {
        var text = styled(layout.wrap(runbook.title), .heading) + "\n"
        if !runbook.intro.isEmpty {
            text += prose(runbook.intro)
        } else if !runbook.summary.isEmpty {
            text += prose(Self.firstParagraph(runbook.summary), style: .dim)
        }
        let given = inputs.keys.sorted().map { "\($0)=\(inputs[$0]!)" }.joined(separator: " ")
        let how =
            switch mode {
            case .live: "live: read-only commands run here; commands that change the cluster ask first"
            case .propose: "propose: Triage shows each command, you run it and paste the output, ending with a line '.'"
            case .replay: "replay: every output comes from the scenario; nothing is executed"
            }
        text += note("\(given.isEmpty ? "" : given + " · ")\(how)") + "\n"
        text += note("Enter runs the step; 'help' lists commands; Tab completes.") + "\n"
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
        var text = "\n" + styled(layout.wrap("── \(step)\(node.title)", indent: "   "), .heading) + "\n"
        if !node.explanation.isEmpty {
            text += prose(Self.firstParagraph(node.explanation))
            if node.explanation.contains("\n\n") { text += dim("('explain' for more)") + "\n" }
        }
        if let command = node.command {
            if let invocation = try? session.invocation(for: command) {
                let place = invocation.location == .node ? " (on the node)" : ""
                let warning = invocation.mutates ? styler.apply(.warning, to: " — changes the cluster; asks first") : ""
                text += self.command(invocation, lead: "Next\(place): ", after: warning) + "\n"
            }
        } else if let question = node.question {
            text += self.question(question, recorded: nil) + "\n"
            text += note("Type the answer (Tab completes it), or Enter to be asked.") + "\n"
        }
        return text
    }

    func explanation(of node: Node) -> String {
        node.explanation.isEmpty ? "This step has no explanation.\n" : prose(node.explanation)
    }

    func running(_ invocation: CommandInvocation, mode: REPL.Mode) -> String {
        let label = mode == .replay ? "replaying" : "running"
        return command(invocation, lead: label + ": ", leadStyle: .dim)
    }

    func result(_ result: CommandResult, invocation: CommandInvocation) -> String {
        let lines = result.combinedOutput.lines().count
        let status =
            result.timedOut
            ? styler.apply(.error, to: "timed out after \(Self.seconds(result.timeLimit ?? result.duration))")
            : (result.exitStatus == 0 ? styler.apply(.success, to: "exit 0") : styler.apply(.warning, to: "exit \(result.exitStatus)"))
        var text =
            layout.wrap("\(status) · \(Self.seconds(result.duration)) · \(lines) line\(lines == 1 ? "" : "s") of output ('show' prints it)").joined(
                separator: "\n") + "\n"
        if !result.succeeded, !result.stderr.isEmpty {
            let first = result.stderr.lines(omittingEmpty: true).prefix(3).flatMap { layout.verbatim(String($0)) }
            text += styled(first, .warning) + "\n"
        }
        return text
    }

    func output(_ result: CommandResult) -> String {
        let text = result.combinedOutput
        return text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }

    /// What a step found, in short (the headline facts of the node's parser, labelled, then the
    /// facts the runbook itself reads or asks for), and where the branch went.
    func transition(_ transition: Transition, newFacts: Facts, node: Node?, signature: ParserSignature?) -> String {
        var text = found(newFacts, node: node, signature: signature)
        text +=
            layout.wrap(styler.apply(.success, to: "→ \(transition.to)") + " " + dim("because \(REPLText.reason(transition.reason))"), indent: "  ").joined(
                separator: "\n") + "\n"
        return text
    }

    /// `Found:` and a short list: the parser's headline facts first, under their labels, then the
    /// runbook's own facts by name; the rest is counted and left to `facts`.
    private func found(_ facts: Facts, node: Node?, signature: ParserSignature?) -> String {
        let all = facts.keys.filter { !CommandFacts.all.contains($0) }
        guard !all.isEmpty else { return "" }
        var rows = (signature?.headline ?? []).compactMap { headline in facts[headline.fact].map { (headline.label, headline.fact, $0) } }
        let authored = Set((node?.extractions.map(\.fact) ?? []) + (node?.question.map { [$0.fact] } ?? []))
        rows += all.filter { authored.contains($0) && !rows.map(\.1).contains($0) }.sorted().map { ($0, $0, facts[$0]!) }
        let rest = all.count - rows.count
        var text = "Found:" + (rest > 0 ? dim(" (and \(rest) more; 'facts' lists all)") : "") + "\n"
        let labelWidth = rows.map(\.0.displayWidth).max() ?? 0
        for (label, _, fact) in rows {
            let lead = "  " + label + String(repeating: " ", count: labelWidth - label.displayWidth) + "  "
            let value = fact.values.joined(separator: ", ")
            if let evidence = fact.evidence, value == evidence.text.trimmingCharacters(in: .whitespaces) {
                text += styled(layout.verbatim(value, lead: lead), .evidence) + "\n"
            } else {
                text += layout.wrap(value, lead: lead).joined(separator: "\n") + "\n"
            }
        }
        return text
    }

    func why(_ session: Session) -> String {
        guard let step = session.steps.last else {
            return "No branch has been taken yet: this is the first step.\n"
        }
        var text = prose("From '\(step.node)' the session went to '\(step.transition.to)' because \(REPLText.reason(step.transition.reason)).")
        if case .branch(_, _, _, let witnesses) = step.transition.reason {
            for witness in witnesses {
                guard let evidence = witness.evidence else { continue }
                text += prose("\(witness.fact) came from line \(evidence.line) of the output of '\(evidence.node ?? step.node)':", indent: "  ")
                text += styled(layout.verbatim(SecretMasker.standard.shown(evidence), lead: "    "), .evidence) + "\n"
            }
        }
        if let node = session.runbook.node(step.node) {
            let untaken = node.branches.map { "- \($0.condition) → \($0.target)" }
            if !untaken.isEmpty {
                text += note("The branches of '\(node.id)', in order:") + "\n"
                text += prose((untaken + ["- otherwise → \(node.otherwise ?? node.id)"]).joined(separator: "\n"), indent: "  ", style: .dim)
            }
        }
        return text
    }

    func lastOutput(_ session: Session) -> String {
        guard let step = session.steps.last(where: { $0.result != nil }), let result = step.result else {
            return "No command has run yet.\n"
        }
        let evidenceLines = Set(step.newFacts.values.compactMap { $0.evidence?.node == step.node ? $0.evidence?.line : nil })
        var text = styled(layout.verbatim("Output of: $ \(step.invocation?.description ?? step.node)"), .dim) + "\n"
        let lines = result.combinedOutput.lines()
        let width = String(lines.count).count
        for (index, line) in lines.enumerated() where !(index == lines.count - 1 && line.isEmpty) {
            let number = String(index + 1).leftPadded(to: width)
            if evidenceLines.contains(index + 1) {
                text += styled(layout.verbatim(String(line), lead: "▶ \(number)  "), .evidence) + "\n"
            } else {
                text +=
                    layout.verbatim(String(line), lead: "  \(number)  ").enumerated()
                    .map { $0.offset == 0 ? dim("  \(number)  ") + $0.element.dropFirst(number.count + 4) : $0.element }
                    .joined(separator: "\n") + "\n"
            }
        }
        return text
    }

    func facts(_ facts: Facts) -> String {
        guard !facts.isEmpty else { return "No facts yet.\n" }
        return facts.keys.sorted().flatMap { layout.wrap(factLine($0, facts[$0]!), indent: "    ") }.joined(separator: "\n") + "\n"
    }

    func path(_ session: Session) -> String {
        session.path.joined(separator: " → ")
    }

    func help() -> String {
        let width = REPLCommand.words.map(\.word.count).max() ?? 0
        let indent = String(repeating: " ", count: width + 4)
        return REPLCommand.words.flatMap {
            layout.wrap($0.help, lead: "  " + styler.apply(.command, to: $0.word.padding(toLength: width, withPad: " ", startingAt: 0)) + "  ", indent: indent)
        }
        .joined(separator: "\n") + "\n"
    }

    func question(_ question: Question, recorded: String?) -> String {
        let yesNo = if case .yesNo = question.kind { " (yes/no)" } else { "" }
        var text = layout.wrap(question.prompt).map { styler.apply(.heading, to: $0) }.joined(separator: "\n") + yesNo
        if case .choice(let choices) = question.kind {
            text += "\n" + choices.enumerated().flatMap { layout.wrap($0.element, lead: "  \($0.offset + 1). ") }.joined(separator: "\n")
        }
        if let recorded { text += "\n" + note("(the scenario answered: \(recorded); Enter accepts it)") }
        return text
    }

    func answerPrompt(_ question: Question) -> String {
        let hint =
            switch question.kind {
            case .yesNo: "yes/no"
            case .choice: "choice"
            case .text: "answer"
            }
        return styler.apply(.prompt, to: "  \(hint) >") + " "
    }

    func watching(_ invocation: CommandInvocation, _ watch: Watch) -> String {
        note("Watching until \(watch.until.inWords), every \(Seconds.whole(watch.every)) s for up to \(Seconds.whole(watch.within)) s (Ctrl-C stops):") + "\n"
            + command(invocation, lead: "  ")
    }

    func poll(_ poll: Watcher.Poll, watch: Watch) -> String {
        pollLine(.poll(attempt: poll.attempt, text: seen(by: poll, watch: watch)), watch: watch)
    }

    /// What a poll saw: its exit status and the facts its watch decides on.
    func seen(by poll: Watcher.Poll, watch: Watch) -> String {
        let names = watch.until.factNames.union(["waiting_reasons"]).sorted()
        let seen = names.compactMap { name in poll.facts[name].map { "\(name.replacingOccurrences(of: "_", with: " ")): \($0.values.joined(separator: ", "))" }
        }
        let status = poll.result.timedOut ? "timed out" : "exit \(poll.result.exitStatus)"
        return "\(status)\(seen.isEmpty ? "" : " · " + seen.joined(separator: " · "))"
    }

    /// One poll's line, or one line for a run of polls that saw the same as the one before them.
    func pollLine(_ line: PollFolder.Line, watch: Watch) -> String {
        switch line {
        case .poll(let attempt, let text):
            return styled(layout.wrap(text, lead: "  poll \(attempt): ", indent: "    "), .dim)
        case .repeated(let from, let through, let since, let text):
            let count = through - from + 1
            let span = Self.span(Double(through - since) * watch.every)
            let lead = count == 1 ? "  poll \(from): " : "  polls \(from)–\(through): "
            return styled(
                layout.wrap("the same as poll \(since) (\(count) \(count == 1 ? "poll" : "polls") over \(span)): \(text)", lead: lead, indent: "    "), .dim)
        }
    }

    private static func span(_ value: Double) -> String {
        let whole = value.rounded()
        return whole == value && whole < 1e9 ? "\(Int(whole)) s" : "\(value) s"
    }

    func watchOutcome(_ outcome: Watcher.Outcome, watch: Watch) -> String {
        switch outcome {
        case .satisfied(let poll):
            return prose("Recovered at poll \(poll.attempt): \(watch.until.inWords).", style: .success)
        case .gaveUp(let poll):
            var text = prose("Not recovered within \(Seconds.whole(watch.within)) s: it never came to be that \(watch.until.inWords).", style: .warning)
            if let reasons = poll.facts["waiting_reasons"] {
                text += prose(
                    "The pod still waits with \(reasons.values.joined(separator: ", ")); if it is the same failure, the fix has not taken effect (the kubelet may still be in its back-off: delete the pod to retry now).",
                    indent: "  ")
            }
            return text
        }
    }

    func mutationWarning(_ invocation: CommandInvocation) -> String {
        styler.apply(.warning, to: "This command changes the cluster:") + "\n" + command(invocation, lead: "  ") + "\n"
    }

    func confirmPrompt() -> String {
        styler.apply(.prompt, to: "  Run it? [y/N] >") + " "
    }

    func diagnosis(_ session: Session) -> String {
        guard let diagnosis = session.current.diagnosis else { return "" }
        var text = "\n" + styled(layout.wrap("Diagnosis: \(diagnosis.cause)"), .heading) + "\n"
        text += prose(session.render(diagnosis.summary))
        if let evidence = session.evidence(of: diagnosis) {
            let lines = evidence.trimmingTrailingNewlines().lines(omittingEmpty: true).flatMap { layout.verbatim(String($0), lead: "  ") }
            text += "\nEvidence:\n" + styled(lines, .evidence) + "\n"
        }
        let explanation = session.render(diagnosis.explanation).trimmingTrailingNewlines()
        if !explanation.isEmpty { text += "\n" + prose(explanation) }
        let steps = session.fixSteps(of: diagnosis)
        let remedy = session.remedy(of: diagnosis)
        if !steps.isEmpty || remedy != nil {
            text += "\n" + styler.apply(.heading, to: "Fix") + "\n"
            if let remedy { text += prose(remedy, indent: "  ") }
            for (index, step) in steps.enumerated() {
                let lead = "  \(index + 1). "
                var lines = layout.reflow(step.text.trimmingTrailingNewlines(), indent: String(repeating: " ", count: lead.count))
                if !lines.isEmpty { lines[0] = lead + lines[0].dropFirst(lead.count) }
                text += lines.joined(separator: "\n") + "\n"
                if let invocation = step.invocation {
                    let note = invocation.mutates ? styler.apply(.warning, to: "  (changes the cluster; 'fix \(index + 1)' asks first)") : ""
                    text += command(invocation, lead: "     ", after: note) + "\n"
                }
            }
        }
        if let verify = diagnosis.verify.map(session.resolve) {
            let step = session.current.step.map { "Step \($0)\(session.runbook.stepCount.map { "/\($0)" } ?? "") · " } ?? ""
            text += "\n" + styler.apply(.heading, to: "\(step)Verify") + "\n" + prose(verify.text.trimmingTrailingNewlines(), indent: "  ")
            if let invocation = verify.invocation {
                text += command(invocation, lead: "     ", after: dim("  ('verify' runs it)")) + "\n"
            }
        }
        text += styled(layout.wrap("Path: " + path(session), indent: "  "), .dim) + "\n"
        return text
    }

    /// `name = value  (line N of node)`.
    private func factLine(_ name: String, _ fact: Fact) -> String {
        let source = fact.evidence.map { dim("(line \($0.line)\($0.node.map { " of \($0)" } ?? ""))") } ?? ""
        return "\(name) = \(fact.values.joined(separator: ", "))" + (source.isEmpty ? "" : " " + source)
    }

    static func firstParagraph(_ text: String) -> String {
        let paragraph = text.components(separatedBy: "\n\n").first ?? text
        return paragraph.trimmingTrailingNewlines()
    }

    static func seconds(_ value: Double) -> String {
        value < 1 ? "\(Seconds.whole((value * 1000).rounded())) ms" : String(format: "%.1f s", value)
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
