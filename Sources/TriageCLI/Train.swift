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
                With no scenario, shows a menu (filtered by --cause and --difficulty) of titles, \
                difficulties and what each practises. A wrong answer may be tried again once for part \
                of the points; after the cause comes the fix. --exam draws --count scenarios at random \
                from the filters and plays them with no hints, no retries and a time limit. Each attempt \
                is kept per trainee in progress.json under Triage's state directory; --progress shows \
                it per scenario and per cause (--from reads a trainee's file, or a folder of them).
                """
        )

        /// What `--progress` prints.
        enum ProgressFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json, yaml, csv
        }

        @Argument(help: "A scenario id (see 'triage list') or a scenario file; omit it for a menu.", completion: Completions.scenarios)
        var scenario: String?

        @Option(help: "Offer only scenarios that end in this cause (e.g. auth, tls, image-not-found).")
        var cause: String?

        @Option(help: "Offer only scenarios of this difficulty: beginner, intermediate or advanced.")
        var difficulty: String?

        @Option(help: "Whose progress this attempt counts for (default: $USER).")
        var trainee: String?

        @Flag(help: "Show progress per scenario and per cause instead of playing.")
        var progress = false

        @Option(
            help: ArgumentHelp(
                "With --progress: a progress file, or a folder of them, instead of this user's (every trainee in them unless --trainee).", valueName: "path"),
            completion: .file(extensions: ["json"]))
        var from: String?

        @Flag(help: "An exam: --count scenarios drawn at random from the filters, no hints, no retries, a time limit.")
        var exam = false

        @Option(help: "With --exam: how many scenarios to draw (default: 3).")
        var count: Int?

        @Option(help: "With --exam: seconds for the whole exam (default: 300 per scenario).")
        var timeLimit: Double?

        @Option(
            help:
                "Shuffles each step's options (and an exam's draw); the same seed gives the same order (default: the number of earlier attempts at the scenario; random for an exam)."
        )
        var seed: UInt64?

        @OptionGroup var library: LibraryOptions

        @Option(name: .shortAndLong, help: "Output format of --progress: text, json, yaml or csv (one line per trainee and scenario).")
        var output: ProgressFormat = .text

        @Flag(inversion: .prefixedNo, help: "Colour the text output (default: on a terminal, unless NO_COLOR is set).")
        var color: Bool?

        func validate() throws {
            if output != .text && !progress {
                throw ValidationError("-o \(output.rawValue) goes with --progress: a training session talks to a person")
            }
            if from != nil && !progress { throw ValidationError("--from goes with --progress") }
            if exam && scenario != nil { throw ValidationError("--exam draws its scenarios: give --cause or --difficulty instead of a scenario") }
            if !exam && (timeLimit != nil) { throw ValidationError("--time-limit goes with --exam") }
            if let count, !exam { throw ValidationError("--count \(count) goes with --exam") }
            if let count, !(1...50).contains(count) { throw ValidationError("--count must be from 1 to 50, not \(count)") }
            if let timeLimit { _ = try SecondsOption.duration(timeLimit, option: "--time-limit") }
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

        private var terminal: TerminalCapabilities {
            TerminalCapabilities.detect(colorOverride: color.map { $0 ? .always : .never })
        }

        func run() async throws {
            let library = Workspace(self.library).loadLibrary()
            let store = ProgressStore(directory: try StateDirectory.prepare().url)
            if progress { return try showProgress(library, store: store) }
            let write: @Sendable (String) -> Void = { StandardStreams.write($0) }
            let styler = Styler(capabilities: terminal)
            var reader =
                (try? LineReaderFactory.make(capabilities: terminal, historyFile: nil, plainEcho: .promptAndInput))
                ?? PlainLineReader(echo: .promptAndInput)
            let menu = ScenarioMenu(
                scenarios: library.scenarios, runbooks: library.runbooks, cause: cause, difficulty: difficulty.flatMap(Scenario.Difficulty.init))
            if scenario == nil, menu.entries.isEmpty {
                let filters = (cause.map { " --cause \($0)" } ?? "") + (difficulty.map { " --difficulty \($0)" } ?? "")
                throw CommandFailure("no scenario matches\(filters) ('\(ProgramName.current) list' shows them all)", status: .usage)
            }
            if exam { return try await runExam(menu, library: library, store: store, reader: reader, styler: styler) }
            let chosen: Scenario
            if let scenario {
                chosen = try Replay.find(scenario, in: library)
            } else {
                guard let entry = menu.choose(reader: &reader, write: write, styler: styler) else { return }
                chosen = entry.scenario
            }
            let earlier = try store.load().trainees[traineeName]?.filter { $0.scenario == chosen.id }.count ?? 0
            guard
                let result = try await play(
                    chosen, library: library, reader: reader, styler: styler, seed: seed ?? UInt64(earlier), settings: .practice, deadline: nil)
            else {
                write("Stopped before the end; nothing was recorded.\n")
                throw ExitStatus.stoppedBeforeDiagnosis.exitCode
            }
            try store.record(result, for: traineeName)
            write("Saved to \(traineeName)'s progress ('\(ProgramName.current) train --progress').\n")
        }

        private func play(
            _ scenario: Scenario, library: Library, reader: any LineReader, styler: Styler, seed: UInt64,
            settings: TrainingSettings, deadline: Date?
        ) async throws -> TrainingResult? {
            guard let runbook = library.runbook(scenario.runbook) else {
                throw CommandFailure("scenario '\(scenario.id)' uses runbook '\(scenario.runbook)', which is not loaded", status: .usage)
            }
            let trainer = Trainer(
                scenario: scenario, runbook: runbook, reader: reader, write: { StandardStreams.write($0) }, styler: styler,
                clock: SystemTrainingClock(), seed: seed, settings: settings, deadline: deadline
            )
            return try await trainer.run()
        }

        /// Draws `count` scenarios from the menu's entries and plays them under exam rules, one
        /// deadline for them all; each attempt is recorded, a timed-out one as not passed.
        private func runExam(_ menu: ScenarioMenu, library: Library, store: ProgressStore, reader: any LineReader, styler: Styler) async throws {
            let write: @Sendable (String) -> Void = { StandardStreams.write($0) }
            let seed = self.seed ?? UInt64.random(in: 0...999_999)
            let drawn = ExamDraw(entries: menu.entries, count: count ?? 3, seed: seed).scenarios
            let seconds = timeLimit ?? Double(300 * drawn.count)
            let deadline = Date().addingTimeInterval(seconds)
            write(
                styler.apply(.heading, to: "Exam")
                    + ": \(drawn.count) scenario\(drawn.count == 1 ? "" : "s") in \(Debrief.duration(seconds)), no hints, no retries ('--seed \(seed)' draws the same ones again).\n"
            )
            var results: [TrainingResult] = []
            for (index, scenario) in drawn.enumerated() {
                write("\n" + styler.apply(.heading, to: "Question \(index + 1) of \(drawn.count)") + "\n")
                guard let result = try await play(scenario, library: library, reader: reader, styler: styler, seed: seed, settings: .exam, deadline: deadline)
                else {
                    write("Stopped; \(results.count) of \(drawn.count) were recorded.\n")
                    throw ExitStatus.stoppedBeforeDiagnosis.exitCode
                }
                try store.record(result, for: traineeName)
                results.append(result)
                if result.timedOut { break }
            }
            let passed = results.filter(\.passed).count
            let score = results.map(\.score).reduce(0, +)
            write(
                "\n" + styler.apply(.heading, to: "Exam result: \(passed) of \(drawn.count) passed, \(score)/\(drawn.count * ScoringRules.standard.maximum)")
                    + "\n")
            if results.count < drawn.count { write("Time ran out before \(drawn.count - results.count) of them.\n") }
            write("Saved to \(traineeName)'s progress ('\(ProgramName.current) train --progress').\n")
        }

        private func showProgress(_ library: Library, store: ProgressStore) throws {
            let causes = Set(library.runbooks.flatMap { $0.nodes.compactMap(\.diagnosis?.cause) })
                .union(library.scenarios.map { TrainingEntry($0, runbooks: library.runbooks).cause })
                .sorted()
            let reports: [ProgressReport]
            if let from {
                let gathered = try ProgressStore.gather(from: URL(fileURLWithPath: from))
                let names = trainee.map { [$0] } ?? gathered.trainees.keys.sorted()
                reports = names.map { ProgressReport(trainee: $0, attempts: gathered.trainees[$0] ?? [], causes: causes) }
            } else {
                reports = [ProgressReport(trainee: traineeName, attempts: try store.load().trainees[traineeName] ?? [], causes: causes)]
            }
            switch output {
            case .csv:
                StandardStreams.write(ProgressReport.csv(reports))
            case .json, .yaml:
                let format: OutputFormat = output == .json ? .json : .yaml
                if from == nil, let only = reports.first { return try StructuredOutput.print(only, as: format) }
                try StructuredOutput.print(["trainees": reports], as: format)
            case .text:
                StandardStreams.write(reports.map(\.text).joined(separator: "\n"))
            }
        }
    }
}
