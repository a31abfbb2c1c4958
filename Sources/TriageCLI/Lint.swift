import ArgumentParser
import TriageCommandSupport
import Foundation
import TriageEngine
import TriageModel
import TriageRunbooks
import TriageTraining

extension TriageCommand {
    /// `triage lint`: check runbooks and replay every scenario.
    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check runbooks and scenarios: every problem with file:line:column, and every scenario replayed to its ending.",
            discussion: "Exits with status 1 when any problem is found."
        )

        @Argument(
            help: "Runbook or scenario files or folders (default: every runbook and scenario Triage finds, built-in ones included).",
            completion: .file(extensions: ["yaml", "yml"]))
        var paths: [String] = []

        @OptionGroup var library: LibraryOptions
        @OptionGroup var output: OutputOptions

        struct Problem: Encodable {
            var file: String
            var line: Int
            var column: Int
            var message: String
        }

        struct ScenarioResult: Encodable {
            var id: String
            var passed: Bool
            var path: [String]
            var cause: String?
            var expectedCause: String?
            var problem: String?

            enum CodingKeys: String, CodingKey {
                case id, passed, path, cause, problem
                case expectedCause = "expected_cause"
            }
        }

        struct Report: Encodable {
            var ok: Bool
            var runbooks: [String]
            var scenarios: [ScenarioResult]
            var problems: [Problem]
        }

        func run() async throws {
            let workspace = Workspace(library)
            var (library, diagnostics) =
                paths.isEmpty
                ? {
                    let (catalogue, problems) = workspace.load(); return (catalogue.library, problems)
                }()
                : LibraryLoader(validator: Workspace.validator, shared: workspace.sharedSnippets).load(paths: paths)
            if !paths.isEmpty, library.scenarios.contains(where: { library.runbook($0.runbook) == nil }) {
                // Scenarios named alone are replayed against the installed runbooks.
                let (installed, _) = workspace.load()
                library.runbooks += installed.library.runbooks.filter { library.runbook($0.id) == nil }
            }
            var results: [ScenarioResult] = []
            var replays: [ScenarioReplay.Report] = []
            let replayer = ScenarioReplay(parsers: .standard)
            for scenario in library.scenarios {
                guard let runbook = library.runbook(scenario.runbook) else {
                    diagnostics.append(
                        RunbookDiagnostic(
                            location: scenario.location ?? SourceLocation(file: "?", line: 1, column: 1),
                            message: "scenario '\(scenario.id)' uses runbook '\(scenario.runbook)', which was not found"))
                    continue
                }
                let replay = await replayer.replay(scenario, runbook: runbook)
                replays.append(replay)
                if let mismatch = replay.mismatch, let location = scenario.location {
                    diagnostics.append(RunbookDiagnostic(location: location, message: "scenario '\(scenario.id)' \(mismatch)"))
                }
                results.append(
                    ScenarioResult(
                        id: scenario.id, passed: replay.passed, path: replay.session?.path ?? [], cause: replay.cause,
                        expectedCause: scenario.expectation.cause, problem: replay.mismatch))
            }
            diagnostics += FixReadiness.problems(replays) + library.runbooks.flatMap(RunbookValidator.remedyProblems)
            let problems = diagnostics.map { Problem(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message) }
            let report = Report(ok: problems.isEmpty, runbooks: library.runbooks.map(\.id), scenarios: results, problems: problems)
            if output.output.isStructured {
                try StructuredOutput.print(report, as: output.output)
            } else {
                var text = diagnostics.map { $0.description + "\n" }.joined()
                let passed = results.filter(\.passed).count
                text += "\(library.runbooks.count) runbook(s), \(results.count) scenario(s) replayed (\(passed) reached their ending): "
                text += problems.isEmpty ? "no problems\n" : "\(problems.count) problem(s)\n"
                StandardStreams.write(text)
            }
            if !problems.isEmpty { throw ExitCode.failure }
        }
    }
}
