import ArgumentParser
import TriageCommandSupport
import Foundation
import TriageEngine
import TriageExecution
import TriageModel
import TriageREPL
import TriageRunbooks

extension TriageCommand {
    /// `triage replay`: walk a recorded incident offline.
    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a recorded incident offline: every output comes from the scenario, nothing runs.",
            discussion: "With no scenario, replays the built-in training scenario '\(defaultScenario)'."
        )

        /// The scenario a new user meets first.
        static let defaultScenario = "nginx-tag-typo"

        @Argument(help: "A scenario id (see 'triage list') or a scenario file.", completion: Completions.scenarios)
        var scenario: String = Replay.defaultScenario

        @Flag(help: "Follow the tree alone, answering from the scenario, and print the path and the ending.")
        var noInput = false

        @Option(help: ArgumentHelp("Write the session to this Markdown file as it happens.", valueName: "file"), completion: .file())
        var transcript: String?

        @OptionGroup var library: LibraryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if output.output.isStructured && !noInput {
                throw ValidationError("-o \(output.output.rawValue) needs --no-input: an interactive replay prints for people")
            }
        }

        func run() async throws {
            let workspace = Workspace(library)
            let index = workspace.index()
            let scenario = try Self.find(scenario, lookup: index.scenario, ids: { index.scenarioIDs })
            guard let runbook = index.runbook(scenario.runbook) else {
                throw CommandFailure(
                    "scenario '\(scenario.id)' uses runbook '\(scenario.runbook)', which is not among the runbooks in \(workspace.searched)", status: .usage)
            }
            if noInput {
                let report = await ScenarioReplay(parsers: .standard).replay(scenario, runbook: runbook)
                print(report)
                if !report.passed { throw ExitStatus.nothingWrong.exitCode }
                return
            }
            let session = try Session(runbook: runbook, inputs: scenario.inputs, settings: .replay(of: scenario))
            let interactive = Interactive(terminal: output.terminal)
            let outcome = try await interactive.run(
                session, runner: ReplayRunner(recordings: scenario.recordings), mode: .replay,
                transcriptPath: transcript, suggestedAnswers: scenario.answers
            )
            let expected = scenario.expectation
            guard let diagnosis = outcome.diagnosis else { throw ExitStatus.stoppedBeforeDiagnosis.exitCode }
            let reached = outcome.path.last ?? ""
            let matches = reached == expected.ending && (expected.cause == nil || expected.cause == diagnosis.cause)
            let verdict =
                matches
                ? "You reached '\(reached)' (\(diagnosis.cause)), the ending this scenario expects."
                : "You reached '\(reached)' (\(diagnosis.cause)); this scenario expects '\(expected.ending)'\(expected.cause.map { " (\($0))" } ?? "")."
            interactive.console.line(interactive.terminal.layout.wrap(verdict).joined(separator: "\n"))
            if !matches { throw ExitStatus.nothingWrong.exitCode }
        }

        /// The scenario named by id, or loaded from a file path (its runbook is then found by id
        /// among every runbook loaded).
        static func find(_ name: String, in library: Library) throws -> Scenario {
            try find(name, lookup: library.scenario, ids: { library.scenarios.map(\.id) })
        }

        /// The scenario named by id or file, `lookup` finding one by either and `ids` listing
        /// every id for the message when none is found.
        static func find(_ name: String, lookup: (String) -> Scenario?, ids: () -> [String]) throws -> Scenario {
            let isPath = name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml")
            if !isPath, let scenario = lookup(name) { return scenario }
            if FileManager.default.fileExists(atPath: name) {
                switch LibraryLoader(validator: Workspace.validator).loadScenario(name) {
                case .success(let scenario): return scenario
                case .failure(let error): throw CommandFailure(error.localizedDescription, status: .usage)
                }
            }
            if isPath, let scenario = lookup(name) { return scenario }
            let near = ids().filter { $0.contains(name) || name.contains($0) }
            throw CommandFailure(
                "no scenario '\(name)'\(near.isEmpty ? "" : "; did you mean: \(near.joined(separator: ", "))?") ('\(ProgramName.current) list' shows them all)",
                status: .usage)
        }

        private func print(_ report: ScenarioReplay.Report) {
            if output.output.isStructured { return StructuredOutput.print(SessionReport(replay: report).document, as: output.output) }
            var text = "scenario: \(report.scenario.id) (\(report.scenario.title))\n"
            text += "path: \(report.session?.path.joined(separator: " → ") ?? "-")\n"
            text +=
                "ending: \(report.ending ?? "-")  cause: \(report.cause ?? "-")  expected: \(report.scenario.expectation.ending) (\(report.scenario.expectation.cause ?? "-"))\n"
            text += report.passed ? "passed\n" : "FAILED: \(report.mismatch ?? "")\n"
            StandardStreams.write(text)
        }
    }
}
