import Foundation
import TriageModel

/// The start of a new scenario for a runbook: every key of the format, one recording per node
/// that runs a command (its arguments filled with the inputs given), an answer per question and
/// the endings to choose from, with `TODO` where the author writes what happened. Until every
/// `TODO` is replaced, `triage lint` says what is missing.
public enum ScenarioSkeleton {
    /// The skeleton of scenario `id` for `runbook`, with `inputs` (else each input's default);
    /// `program` is how the comments name Triage (`triage`, or `kubectl triage` as a plugin).
    public static func text(runbook: Runbook, id: String, inputs: [String: String], program: String = "triage") -> String {
        var values = inputs
        for input in runbook.inputs where values[input.name] == nil {
            if let fallback = input.defaultValue { values[input.name] = fallback }
        }
        var lines = [
            "# A scenario for the runbook \(runbook.id), written by '\(program) new scenario'. Replace every TODO:",
            "# paste what each command printed, delete the commands this incident never reaches, choose",
            "# the ending, then check it with '\(program) lint FILE' and '\(program) replay FILE --no-input'.",
            "id: \(id)",
            "runbook: \(runbook.id)",
            "title: TODO what happened, in one line",
            "difficulty: beginner          # beginner, intermediate or advanced",
            "teaches: |                    # shown in the debrief, after the attempt",
            "  TODO what this incident teaches",
            "practises: TODO what the trainee practises, without naming the cause (the menu shows it)",
            "required: []                  # steps (node ids) a trainee must decide right to pass",
            "inputs:",
        ]
        for input in runbook.inputs {
            let note = input.description.isEmpty ? "" : "  # \(input.description)"
            if let value = values[input.name] {
                lines.append("  \(input.name): \(ScenarioYAML.quoted(value))\(note)")
            } else if input.required {
                lines.append("  \(input.name): TODO\(note)")
            } else {
                lines.append("  # \(input.name): VALUE\(note) (optional)")
            }
        }
        lines.append("commands:")
        for node in runbook.nodes {
            guard let command = node.command else { continue }
            let arguments = command.arguments.map { $0.render { values[$0] } }
            let unfilled = command.arguments.flatMap(\.placeholders).filter { values[$0] == nil }
            lines.append("  # \(node.id): \(node.title)" + (node.step.map { " (step \($0))" } ?? ""))
            let inputs = Set(runbook.inputs.map(\.name))
            let sources = [
                (unfilled.filter(inputs.contains), "the value given under inputs:"),
                (unfilled.filter { !inputs.contains($0) }, "the value the earlier output gives"),
            ]
            for (names, source) in sources where !names.isEmpty {
                lines.append("  # TODO replace " + names.map { "{{\($0)}}" }.joined(separator: ", ") + " with " + source)
            }
            lines += [
                "  - run: [" + arguments.map(ScenarioYAML.flowItem).joined(separator: ", ") + "]",
                "    stdout: |",
                "      TODO paste what the command printed on standard output",
                "    stderr: \"\"                # what it printed on standard error",
                "    exit: 0                   # its exit status, 0 to 255",
                "    duration: 0.5             # seconds it took",
                "    timed_out: false          # true when it was stopped at its timeout",
            ]
        }
        let questions = runbook.nodes.filter { $0.question != nil }
        lines.append(questions.isEmpty ? "answers: {}" : "answers:")
        for node in questions {
            guard let question = node.question else { continue }
            let kind: String
            switch question.kind {
            case .yesNo: kind = "yes or no"
            case .choice(let choices): kind = "one of " + choices.joined(separator: ", ")
            case .text: kind = "text"
            }
            lines.append("  \(node.id): TODO  # \(question.prompt) (\(kind))")
        }
        let endings = runbook.nodes.filter(\.isTerminal).map(\.id)
        lines += [
            "expect:",
            "  ending: TODO                # one of: " + endings.joined(separator: ", "),
            "  # cause: TODO               # the ending's cause, to check it too",
            "  # path: [\(runbook.start), TODO]   # every node on the way, to pin the path",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

extension ScenarioSkeleton {
    /// Writes the skeleton of `runbook` to `file`, named after the file (`web-typo.yaml` is
    /// scenario `web-typo`), whole or not at all; an existing file is never replaced.
    /// - Returns: the scenario id.
    @discardableResult
    public static func write(runbook: Runbook, inputs: [String: String], to file: URL, program: String = "triage") throws(RecordingError) -> String {
        let name = file.deletingPathExtension().lastPathComponent
        if let problem = ValueFormat.dns1123Label.problem(with: name) { throw .badName(name, problem) }
        if FileManager.default.fileExists(atPath: file.path) {
            throw .cannotWrite(file.path, "it already exists; name another file or move it aside")
        }
        do {
            try AtomicFile.write(text(runbook: runbook, id: name, inputs: inputs, program: program), to: file)
        } catch {
            throw .cannotWrite(file.path, error.reason)
        }
        return name
    }
}
