import ArgumentParser
import Foundation
import TriageCommandSupport
import TriageModel
import TriageTraining

extension TriageCommand {
    /// `triage new`: files an author starts from.
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a file for an author: a scenario skeleton for a runbook.",
            subcommands: [NewScenario.self]
        )
    }

    /// `triage new scenario`: a scenario skeleton with every command of a runbook.
    struct NewScenario: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scenario",
            abstract: "Write a scenario skeleton for a runbook: every key, every node's command, TODO where the incident goes.",
            discussion: """
                The file's name is the scenario's id. Each command's arguments are filled with the inputs \
                given (else their defaults); fill in what each command printed, delete those the incident \
                never reaches, choose the ending, then check it with 'triage lint FILE' and 'triage replay \
                FILE --no-input'. An existing file is never replaced.
                """
        )

        @Argument(
            help: ArgumentHelp("The file to write, named after the scenario id (default: my-RUNBOOK.yaml).", valueName: "file"),
            completion: .file(extensions: ["yaml"]))
        var file: String?

        @Option(help: "The runbook the scenario is for (see 'triage list').", completion: Completions.runbooks)
        var runbook: String

        @Option(name: .customLong("input"), help: ArgumentHelp("A runbook input as NAME=VALUE, filled into the commands (repeat it).", valueName: "name=value"))
        var inputs: [String] = []

        @OptionGroup var library: LibraryOptions

        func validate() throws {
            for input in inputs where !input.contains("=") || input.hasPrefix("=") {
                throw ValidationError("--input is '\(VisibleText.escapingControls(input))'; expected NAME=VALUE, like pod=web-1")
            }
            if let file, !(file.hasSuffix(".yaml") || file.hasSuffix(".yml")) {
                throw ValidationError("the scenario file must end in .yaml, not '\(VisibleText.escapingControls(file))'")
            }
        }

        func run() async throws {
            let library = Workspace(self.library).loadLibrary()
            guard let book = library.runbook(runbook) else {
                let known = library.runbooks.map(\.id).joined(separator: ", ")
                throw CommandFailure("no runbook '\(VisibleText.escapingControls(runbook))'; the runbooks are: \(known)", status: .usage)
            }
            var values: [String: String] = [:]
            for input in inputs {
                let name = String(input.prefix { $0 != "=" }), value = String(input.drop { $0 != "=" }.dropFirst())
                guard let spec = book.input(name) else {
                    throw CommandFailure(
                        "--input \(VisibleText.escapingControls(name)): runbook '\(book.id)' has no such input; its inputs are \(book.inputs.map(\.name).joined(separator: ", "))",
                        status: .usage)
                }
                if let problem = spec.format.problem(with: value) {
                    throw CommandFailure("--input \(name)=\(VisibleText.escapingControls(value)): the value \(problem)", status: .usage)
                }
                values[name] = value
            }
            let path = file ?? "my-\(book.id).yaml"
            let id: String
            do {
                id = try ScenarioSkeleton.write(runbook: book, inputs: values, to: URL(fileURLWithPath: path), program: ProgramName.current)
            } catch {
                throw CommandFailure(error.localizedDescription, status: .usage)
            }
            let commands = book.nodes.filter { $0.command != nil }.count
            StandardStreams.writeError(
                "Wrote scenario '\(id)' to \(VisibleText.escapingControls(path)) with \(commands) command\(commands == 1 ? "" : "s") to fill in; then '\(ProgramName.current) lint \(VisibleText.escapingControls(path))'.\n"
            )
        }
    }
}
