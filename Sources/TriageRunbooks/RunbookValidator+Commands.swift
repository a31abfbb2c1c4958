import TriageModel

extension RunbookValidator {
    /// What each command of the runbook (a node's, a fix step's, a verification's) does, judged
    /// from its argument vector by ``CommandSafety`` rather than from what the file says: a command
    /// that changes things must say `mutates: true`, no command may hand a script to a shell or an
    /// interpreter, and kubectl runs only `where: cluster`, where the user's `--context` and
    /// `--kubeconfig` apply.
    func checkCommands(_ runbook: Runbook, report: (SourceLocation?, String) -> Void) {
        for node in runbook.nodes {
            if let command = node.command {
                checkCommand(command, what: "node '\(node.id)'", fallback: node.location, report: report)
            }
            guard let diagnosis = node.diagnosis else { continue }
            for (index, step) in diagnosis.fix.enumerated() {
                guard let command = step.command else { continue }
                checkCommand(command, what: "fix step \(index + 1) of node '\(node.id)'", fallback: node.location, report: report)
            }
            if let command = diagnosis.verify?.command {
                checkCommand(command, what: "the verification of node '\(node.id)'", fallback: node.location, report: report)
            }
        }
    }

    private func checkCommand(_ command: CommandTemplate, what: String, fallback: SourceLocation?, report: (SourceLocation?, String) -> Void) {
        let location = command.sourceLocation ?? fallback
        let shown = command.arguments.map(\.source).joined(separator: " ")
        let safety = CommandSafety(Self.standIn(for: command))
        if let script = safety.script {
            report(location, "\(what) runs `\(shown)`: \(script). Run the program itself as an argument vector, so that every value put into it is checked")
        } else if let change = safety.change, !command.mutates {
            report(location, "\(what) runs `\(shown)`, which changes things (\(change)), but is not marked 'mutates: true'; say so, and it runs only after an explicit yes")
        }
        if safety.isKubectl, command.location != .cluster {
            report(location, "\(what) runs kubectl with 'where: \(command.location.rawValue)'; kubectl commands run 'where: cluster', where the user's --context and --kubeconfig apply")
        }
    }

    /// The command with each placeholder replaced by a plain word, so that it can be judged
    /// before any value is known; a placeholder where the verb should be reads as an unknown verb.
    static func standIn(for command: CommandTemplate) -> [String] {
        command.arguments.map { argument in argument.render { _ in "value" } }
    }
}
