import Foundation
import Testing
import TriageBuiltIns
import TriageEngine
import TriageModel
import TriageParserSignatures
import TriageRunbooks
import TriageTestSupport

/// The runbooks and scenarios built into Triage are the shipped YAML, decoded, checked and
/// archived when Triage is built: loading one from its archive gives what decoding its file gives.
struct BuiltInArchiveTests {
    static let validator = RunbookValidator(parsers: ParserCatalog.standard.signatures)

    /// The shipped files as the build reads them: named by their path under the package root.
    static func shippedTexts(_ folder: String) throws -> [SourceText] {
        let directory = TriageBinary.packageRoot.appendingPathComponent(folder)
        let names = (FileManager.default.subpaths(atPath: directory.path) ?? []).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        return try names.sorted().map { name in
            SourceText(file: "\(folder)/\(name)", text: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    @Test func everyShippedRunbookAndScenarioLoadsFromItsArchiveAsFromItsYAML() throws {
        let shipped = LibraryShelf(runbooks: try Self.shippedTexts("Runbooks"), scenarios: try Self.shippedTexts("Scenarios"))
        let fromYAML = LibraryLoader(validator: Self.validator).load(shipped)
        #expect(fromYAML.1.map(\.description) == [])
        #expect(BuiltIns.sharedSnippets == shipped.sharedTexts)
        let embedded = LibraryShelf(embeddedRunbooks: BuiltIns.runbooks, scenarios: BuiltIns.scenarios, shared: BuiltIns.sharedSnippets)
        let fromArchives = LibraryLoader(validator: Self.validator).load(embedded)
        #expect(fromArchives.1.map(\.description) == [])
        #expect(fromArchives.0.runbooks.map(\.id) == fromYAML.0.runbooks.map(\.id))
        #expect(fromArchives.0.scenarios.map(\.id) == fromYAML.0.scenarios.map(\.id))
        #expect(BuiltIns.runbooks.map(\.file) == fromYAML.0.runbooks.map { $0.location?.file ?? "" })
        // Named, not printed: a runbook printed whole is thousands of lines.
        for (archived, decoded) in zip(fromArchives.0.runbooks, fromYAML.0.runbooks) where archived != decoded {
            let nodes = zip(archived.nodes, decoded.nodes).filter { $0 != $1 }.map(\.1.id)
            Issue.record("runbook \(decoded.id) differs from its archive; nodes that differ: \(nodes)")
        }
        for (archived, decoded) in zip(fromArchives.0.scenarios, fromYAML.0.scenarios) where archived != decoded {
            Issue.record("scenario \(decoded.id) differs from its archive")
        }
    }

    /// Patterns of an archived runbook compile on first use and match as the loaded ones do.
    @Test func archivedPatternsMatchAsLoadedOnes() throws {
        let shelf = LibraryShelf(embeddedRunbooks: BuiltIns.runbooks.filter { $0.id == "image-pull-backoff" }, scenarios: [], shared: [])
        let runbook = try LibraryLoader(validator: Self.validator).loadRunbook(try #require(shelf.runbooks.first)).get()
        let patterns = runbook.nodes.flatMap(\.extractions).compactMap(\.pattern)
        #expect(!patterns.isEmpty)
        for pattern in patterns {
            let loaded = try Pattern(pattern.source)
            for line in ["", "Failed to pull image \"nginx:1.27-alpne\": not found", pattern.source] {
                #expect(pattern.firstCapture(in: Substring(line)) == loaded.firstCapture(in: Substring(line)), "\(pattern.source) on \(line)")
            }
        }
    }

    /// The build validates with the signatures of the parsers the engine runs, every one of them.
    @Test func theBuildKnowsEveryParserTheEngineRuns() {
        #expect(ParserSignatures.all == ParserCatalog.standard.signatures)
    }

    @Test func aProblemInAShippedFileFailsTheBuildAtItsLine() throws {
        let broken = SourceText(
            file: "Runbooks/broken.yaml", text: "id: broken\ntitle: Broken\nstart: first\nnodes:\n  first:\n    title: First\n    goto: nowhere\n")
        let scenario = SourceText(file: "Scenarios/bad.yaml", text: "id: bad\nrunbook: [\n")
        let result = BuiltInArchive.make(runbooks: [broken], scenarios: [scenario], validator: RunbookValidator(parsers: []))
        guard case .failure(let error) = result else {
            Issue.record("a broken runbook and scenario were archived")
            return
        }
        let problems = error.diagnostics
        #expect(problems.contains { $0.location.file == "Runbooks/broken.yaml" && $0.location.line == 7 }, "\(problems.map(\.description))")
        #expect(problems.contains { $0.location.file == "Scenarios/bad.yaml" && $0.location.line > 1 }, "\(problems.map(\.description))")
        #expect(problems.allSatisfy { $0.description.hasPrefix("Runbooks/broken.yaml:") || $0.description.hasPrefix("Scenarios/bad.yaml:") })
    }

    @Test func twoShippedFilesWithOneIDFailTheBuild() throws {
        let scenario = "id: twice\nrunbook: r\ntitle: T\ndifficulty: beginner\nexpect: {ending: end}\n"
        let result = BuiltInArchive.make(
            runbooks: [], scenarios: [SourceText(file: "Scenarios/a.yaml", text: scenario), SourceText(file: "Scenarios/b.yaml", text: scenario)],
            validator: Self.validator)
        guard case .failure(let error) = result else {
            Issue.record("two scenarios with one id were archived")
            return
        }
        #expect(error.diagnostics.map(\.description) == ["Scenarios/b.yaml:1:1: error: scenario id 'twice' is also used by Scenarios/a.yaml"])
    }

    @Test func aDamagedArchiveIsAProblemOfItsFileNotACrash() {
        let damaged = EmbeddedFile(id: "damaged", file: "Runbooks/damaged.yaml", archive: "k9")
        let shelf = LibraryShelf(embeddedRunbooks: [damaged], scenarios: [], shared: [])
        let result = LibraryLoader(validator: Self.validator).loadRunbook(shelf.runbooks[0])
        guard case .failure(let error) = result else {
            Issue.record("a damaged archive loaded")
            return
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].description.hasPrefix("Runbooks/damaged.yaml:1:1: error: the copy built into Triage does not load"))
    }
}
