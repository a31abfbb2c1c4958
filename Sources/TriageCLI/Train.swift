import ArgumentParser
import TriageCommandSupport
import Foundation
import TriageModel
import TriageRunbooks
import TriageTerminal
import TriageTraining

extension TriageCommand {
    /// `triage train`: trainee mode over the scenario library.
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Practise on recorded incidents: choose where the runbook goes at each step, see why, get a score.",
            discussion: """
                With no scenario, shows a menu (filtered by --cause and --difficulty). Each attempt is kept \
                per trainee in progress.json under Triage's state directory; --progress shows it per cause, \
                with the causes never practised.
                """
        )

        @Argument(help: "A scenario id (see 'triage list') or a scenario file; omit it for a menu.", completion: Completions.scenarios)
        var scenario: String?

        @Option(help: "Offer only scenarios that end in this cause (e.g. auth, tls, image-not-found).")
        var cause: String?

        @Option(help: "Offer only scenarios of this difficulty: beginner, intermediate or advanced.")
        var difficulty: String?

        @Option(help: "Whose progress this attempt counts for (default: $USER).")
        var trainee: String?

        @Flag(help: "Show the trainee's progress per cause instead of playing.")
        var progress = false

        @Option(help: "Shuffles each step's options; the same seed gives the same order (default: the number of earlier attempts at the scenario).")
        var seed: UInt64?

        @OptionGroup var library: LibraryOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if output.output.isStructured && !progress {
                throw ValidationError("-o \(output.output.rawValue) goes with --progress: a training session talks to a person")
            }
            if let difficulty, Scenario.Difficulty(rawValue: difficulty) == nil {
                throw ValidationError("--difficulty is '\(difficulty)'; expected beginner, intermediate or advanced")
            }
            if traineeName.isEmpty || traineeName.contains(where: { $0.isNewline || $0 == "\t" }) {
                throw ValidationError("--trainee must be a non-empty name on one line")
            }
        }

        private var traineeName: String {
            trainee ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "trainee"
        }

        func run() async throws {
            let library = Workspace(self.library).loadLibrary()
            let store = ProgressStore(directory: try StateDirectory.prepare().url)
            let write = PlainLineReader.writeToStandardOutput
            let styler = Styler(capabilities: output.terminal)
            if progress {
                let causes = Set(library.runbooks.flatMap { $0.nodes.compactMap(\.diagnosis?.cause) })
                    .union(library.scenarios.map { TrainingEntry($0, runbooks: library.runbooks).cause })
                let attempts = try store.load().trainees[traineeName] ?? []
                let report = ProgressReport(trainee: traineeName, attempts: attempts, causes: causes.sorted())
                if output.output.isStructured { return try StructuredOutput.print(report, as: output.output) }
                return write(report.text)
            }
            var reader = (try? LineReaderFactory.make(capabilities: output.terminal, historyFile: nil, plainEcho: .promptAndInput))
                ?? PlainLineReader(echo: .promptAndInput)
            let chosen: Scenario
            if let scenario {
                chosen = try Replay.find(scenario, in: library)
            } else {
                let menu = ScenarioMenu(scenarios: library.scenarios, runbooks: library.runbooks, cause: cause, difficulty: difficulty.flatMap(Scenario.Difficulty.init))
                guard !menu.entries.isEmpty else {
                    throw TrainingError.noScenario("no scenario matches\(cause.map { " --cause \($0)" } ?? "")\(difficulty.map { " --difficulty \($0)" } ?? "") ('triage list' shows them all)")
                }
                guard let entry = menu.choose(reader: &reader, write: write, styler: styler) else { return }
                chosen = entry.scenario
            }
            guard let runbook = library.runbook(chosen.runbook) else {
                throw CommandFailure("scenario '\(chosen.id)' uses runbook '\(chosen.runbook)', which is not loaded", status: .usage)
            }
            let earlier = try store.load().trainees[traineeName]?.filter { $0.scenario == chosen.id }.count ?? 0
            let trainer = Trainer(
                scenario: chosen, runbook: runbook, reader: reader, write: write, styler: styler,
                clock: SystemTrainingClock(), seed: seed ?? UInt64(earlier)
            )
            guard let result = try await trainer.run() else {
                write("Stopped before the diagnosis; nothing was recorded.\n")
                throw ExitStatus.stoppedBeforeDiagnosis.exitCode
            }
            try store.record(result, for: traineeName)
            write("Saved to \(traineeName)'s progress ('\(ProgramName.current) train --progress').\n")
        }
    }
}
