import TriageModel

extension RunbookValidator {
    /// What each command of the runbook (a node's, a fix step's, a verification's) does, judged
    /// from its argument vector by ``CommandSafety`` rather than from what the file says: a command
    /// that changes things must say `mutates: true`, no command may hand a script to a shell or an
    /// interpreter, kubectl runs only `where: cluster`, where the user's `--context` and
    /// `--kubeconfig` apply, and a fact read by a `facts:` entry enters a command only when the
    /// entry declares the `format:` its values are checked against.
    func checkCommands(_ runbook: Runbook, report: (SourceLocation?, String) -> Void) {
        let inputs = Set(runbook.inputs.map(\.name))
        let unformatted = Set(runbook.nodes.flatMap(\.extractions).filter { $0.format == nil && !inputs.contains($0.fact) }.map(\.fact))
        func check(_ command: CommandTemplate, what: String, fallback: SourceLocation?) {
            checkCommand(command, what: what, fallback: fallback, unformatted: unformatted, report: report)
        }
        for node in runbook.nodes {
            if let command = node.command {
                check(command, what: "node '\(node.id)'", fallback: node.location)
            }
            guard let diagnosis = node.diagnosis else { continue }
            for (index, step) in diagnosis.fix.enumerated() {
                guard let command = step.command else { continue }
                check(command, what: "fix step \(index + 1) of node '\(node.id)'", fallback: node.location)
            }
            if let command = diagnosis.verify?.command {
                check(command, what: "the verification of node '\(node.id)'", fallback: node.location)
            }
        }
    }

    private func checkCommand(
        _ command: CommandTemplate, what: String, fallback: SourceLocation?, unformatted: Set<String>, report: (SourceLocation?, String) -> Void
    ) {
        let location = command.sourceLocation ?? fallback
        for name in Set(command.placeholders).intersection(unformatted).sorted() {
            report(
                location,
                "\(what) puts fact '\(name)' into a command, but its 'facts:' entry declares no 'format:'; write it as {pattern: '…', format: word} (or another format: \(ValueFormat.allCases.map(\.rawValue).joined(separator: ", "))) so that each value is checked before it runs"
            )
        }
        let shown = command.arguments.map(\.source).joined(separator: " ")
        let safety = CommandSafety(Self.standIn(for: command))
        if let script = safety.script {
            report(location, "\(what) runs `\(shown)`: \(script). Run the program itself as an argument vector, so that every value put into it is checked")
        } else if let change = safety.change, !command.mutates {
            report(
                location,
                "\(what) runs `\(shown)`, which changes things (\(change)), but is not marked 'mutates: true'; say so, and it runs only after an explicit yes")
        }
        if safety.isKubectl, command.location != .cluster {
            report(
                location,
                "\(what) runs kubectl with 'where: \(command.location.rawValue)'; kubectl commands run 'where: cluster', where the user's --context and --kubeconfig apply"
            )
        }
    }

    /// The command with each placeholder replaced by a plain word, so that it can be judged
    /// before any value is known; a placeholder where the verb should be reads as an unknown verb.
    static func standIn(for command: CommandTemplate) -> [String] {
        command.arguments.map { argument in argument.render { _ in "value" } }
    }
}
