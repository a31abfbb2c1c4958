import ArgumentParser
import TriageCommandSupport
import Foundation
import TriageEngine
import TriageLayout
import TriageModel
import TriageRunbooks

extension TriageCommand {
    /// `triage list`: the runbooks and scenarios available.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the runbooks and scenarios available, or (--parsers) the output parsers and the facts each gives."
        )

        @Flag(help: "List the output parsers a runbook's 'parser:' may name, and the facts each gives.")
        var parsers = false

        @OptionGroup var library: LibraryOptions
        @OptionGroup var output: OutputOptions

        struct Listing: Encodable {
            struct RunbookEntry: Encodable {
                var id, title, summary, file: String
                var inputs: [String]
                var steps: Int?
                var origin: Workspace.Origin?
                var overrides: String?
            }

            struct ScenarioEntry: Encodable {
                var id, runbook, title: String
                /// The expected cause, else the cause of the expected ending; nil when neither says.
                var cause: String?
                var difficulty, teaches, file: String
                var origin: Workspace.Origin?
                var overrides: String?
            }

            var runbooks: [RunbookEntry]
            var scenarios: [ScenarioEntry]
        }

        /// One parser of the catalogue.
        struct ParserEntry: Encodable {
            var name, summary: String
            var facts: [String]
            var headline: [String]
        }

        /// The parser catalogue, from the parsers' own signatures.
        private func listParsers() throws {
            let entries = ParserCatalog.standard.signatures.map {
                ParserEntry(name: $0.name, summary: $0.summary, facts: $0.facts.sorted(), headline: $0.headline.map(\.fact))
            }
            if output.output.isStructured { return try StructuredOutput.print(entries, as: output.output) }
            let layout = output.output == .wide ? TextLayout.unbounded : output.terminal.layout
            var lines: [String] = []
            for entry in entries {
                lines.append(entry.name)
                lines += layout.wrap(entry.summary, lead: "  ")
                lines += layout.wrap(entry.facts.joined(separator: ", "), lead: "  facts: ")
                lines.append("")
            }
            StandardStreams.write(lines.joined(separator: "\n"))
        }

        func run() async throws {
            if parsers { return try listParsers() }
            let catalogue = Workspace(self.library).loadReportingProblems()
            let library = catalogue.library
            let listing = Listing(
                runbooks: library.runbooks.map {
                    let source = catalogue.runbookSources[$0.id]
                    return .init(
                        id: $0.id, title: $0.title, summary: $0.summary, file: $0.location?.file ?? "", inputs: $0.inputs.map(\.name), steps: $0.stepCount,
                        origin: source?.origin, overrides: source?.overrides)
                },
                scenarios: library.scenarios.map {
                    let source = catalogue.scenarioSources[$0.id]
                    let cause = $0.expectation.cause ?? library.runbook($0.runbook)?.node($0.expectation.ending)?.diagnosis?.cause
                    return .init(
                        id: $0.id, runbook: $0.runbook, title: $0.title, cause: cause, difficulty: $0.difficulty.rawValue, teaches: $0.teaches,
                        file: $0.location?.file ?? "", origin: source?.origin, overrides: source?.overrides)
                }
            )
            if output.output.isStructured { return try StructuredOutput.print(listing, as: output.output) }
            var text = "Runbooks (built into Triage unless a file is named):\n"
            for runbook in listing.runbooks {
                text += "  \(runbook.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(runbook.title)\n"
                text += Self.source(runbook.origin, file: runbook.file, overrides: runbook.overrides)
            }
            text += "\nScenarios (built into Triage unless a file is named):\n"
            let width = max(24, (listing.scenarios.map(\.id.count).max() ?? 0) + 1)
            for scenario in listing.scenarios {
                let tags = "[" + [scenario.cause, scenario.difficulty].compactMap { $0 }.joined(separator: ", ") + "]"
                text += "  \(scenario.id.padding(toLength: width, withPad: " ", startingAt: 0)) \(scenario.title) \(tags)\n"
                text += Self.source(scenario.origin, file: scenario.file, overrides: scenario.overrides)
            }
            StandardStreams.write(text)
        }

        /// The line saying where an item that is not built in came from, and what it overrides.
        private static func source(_ origin: Workspace.Origin?, file: String, overrides: String?) -> String {
            guard let origin, origin != .builtIn else { return "" }
            let hidden = overrides.map { "; overrides \($0.hasPrefix("/") ? $0 : "the built-in \($0)")" } ?? ""
            return "      from \(VisibleText.escapingControls(file)) (\(origin.rawValue))\(hidden)\n"
        }
    }
}
