import Foundation
import Testing
import TriageModel
import TriageRunbooks
@testable import TriageEngine

/// The runbooks and scenarios in the repository load cleanly and every scenario reaches its ending.
struct ShippedLibraryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load() -> (Library, [RunbookDiagnostic]) {
        LibraryLoader(validator: RunbookValidator(parsers: ParserCatalog.standard.signatures)).load(
            runbookPaths: [root.appendingPathComponent("Runbooks").path],
            scenarioPaths: [root.appendingPathComponent("Scenarios").path]
        )
    }

    @Test func everyRunbookAndScenarioLoads() {
        let (library, problems) = Self.load()
        #expect(problems.map(\.description) == [])
        #expect(library.runbook("image-pull-backoff") != nil)
        #expect(!library.scenarios.isEmpty)
    }

    @Test func everyScenarioReachesItsEnding() async throws {
        let (library, _) = Self.load()
        let replayer = ScenarioReplay(parsers: .standard)
        for scenario in library.scenarios {
            let runbook = try #require(library.runbook(scenario.runbook))
            let report = await replayer.replay(scenario, runbook: runbook)
            #expect(report.passed, "\(scenario.id): \(report.mismatch ?? "")")
        }
    }
}
