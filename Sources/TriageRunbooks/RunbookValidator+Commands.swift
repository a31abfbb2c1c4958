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
                checkJSONPatterns(node, command: command, report: report)
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

    /// Triage reads a command's JSON with its JSON reader and matches a `facts:` pattern against
    /// the values decoded: a pattern written for JSON's escaped text (`\\"` for a quote inside a
    /// message) would never match.
    private func checkJSONPatterns(_ node: Node, command: CommandTemplate, report: (SourceLocation?, String) -> Void) {
        guard Self.printsJSON(command) else { return }
        for extraction in node.extractions {
            guard let source = extraction.pattern?.source, let escape = Self.jsonEscape(in: source) else { continue }
            report(
                extraction.location ?? node.location,
                "fact '\(extraction.fact)' of node '\(node.id)' reads the JSON its command prints, whose strings Triage decodes before a pattern sees them, so the pattern's '\(escape)' (JSON's escaped text) never matches; write the text as it reads once decoded (a quote as \", not \\\\\"), or read the value with {jsonpath: '…'}"
            )
        }
    }

    /// Whether the command asks for JSON output (`-o json`, `--output json`, `--output=json`).
    static func printsJSON(_ command: CommandTemplate) -> Bool {
        let arguments = command.arguments.map(\.source)
        return zip(arguments, arguments.dropFirst()).contains { ($0 == "-o" || $0 == "--output") && $1 == "json" }
            || arguments.contains { ["--output=json", "-o=json", "-ojson"].contains($0) }
    }

    /// The first JSON escape sequence a regular expression spells out literally: a backslash
    /// (`\\\\`) followed by the letter of an escape, or by an escaped quote or backslash.
    static func jsonEscape(in source: String) -> String? {
        let scalars = Array(source.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\", index + 2 < scalars.count, scalars[index + 1] == "\\" {
                let next = scalars[index + 2]
                if "\"nrtu/".unicodeScalars.contains(next) { return "\\\\" + String(next) }
                if next == "\\", index + 3 < scalars.count, scalars[index + 3] == "\\" { return "\\\\\\\\" }
                index += 2
            } else {
                index += scalars[index] == "\\" ? 2 : 1
            }
        }
        return nil
    }

    /// The command with each placeholder replaced by a plain word, so that it can be judged
    /// before any value is known; a placeholder where the verb should be reads as an unknown verb.
    static func standIn(for command: CommandTemplate) -> [String] {
        command.arguments.map { argument in argument.render { _ in "value" } }
    }
}
