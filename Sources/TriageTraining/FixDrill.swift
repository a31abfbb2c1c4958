import TriageModel

extension Trainer {
    /// Asks for the fix until the answer is right or the tries are used: a wrong answer says why
    /// it is wrong and, with a try left, may be tried again for part of the points; the fix is
    /// shown only after the last answer.
    func ask(_ fix: any FixPrompt, at node: Node) -> Reply {
        write(fix.menu(styler: styler))
        var tries: [String] = []
        var hints = 0
        while let line = reader.readLine(prompt: prompt(node, "fix?"), completion: { _ in ["hint", "options", "quit"] }) {
            let word = line.trimmingCharacters(in: .whitespaces)
            if refuseInExam(word.lowercased()) { continue }
            switch word.lowercased() {
            case "quit", "q":
                return .quit
            case "options", "":
                write(fix.menu(styler: styler))
                continue
            case "hint":
                if hints == 0 { write(styler.apply(.dim, to: "(a hint: −\(rules.hint) points)") + "\n") }
                hints = 1
                write(fix.hint + "\n")
                continue
            default:
                break
            }
            let kept: String
            let problems: [String]
            switch fix.judge(word) {
            case .unreadable(let problem, let advice):
                write(styler.apply(.error, to: problem) + " " + advice + "\n")
                continue
            case .answer(let answer, let reasons):
                kept = answer
                problems = reasons
            }
            if timeIsUp { return .timeUp }
            tries.append(kept)
            let step = TrainingStep(kind: .fix, node: node.id, expected: fix.expected, tries: tries, hints: hints)
            if !problems.isEmpty {
                write(styler.apply(.error, to: fix.wrongLead) + " " + problems.joined(separator: "; ") + ".\n")
                if tries.count <= settings.retries {
                    write(
                        TrainingText.retry(
                            left: settings.retries - tries.count + 1, worth: rules.wrongChoice - rules.retry * tries.count, of: rules.wrongChoice))
                    continue
                }
            }
            write(fix.verdict(step, styler: styler))
            return .answered(step)
        }
        return .quit
    }
}
