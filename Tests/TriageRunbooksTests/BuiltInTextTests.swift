import Testing
import TriageModel
import TriageRunbooks

/// Texts built into Triage load like files, and their problems point at the repository's files.
struct BuiltInTextTests {
    @Test func problemsInABuiltInTextPointAtItsFile() {
        let loader = LibraryLoader(validator: RunbookValidator(parsers: []))
        let broken = SourceText(
            file: "Runbooks/broken.yaml", text: "id: broken\ntitle: Broken\nstart: first\nnodes:\n  first:\n    title: First\n    goto: nowhere\n")
        let scenario = SourceText(file: "Scenarios/bad.yaml", text: "id: bad\nrunbook: [\n")
        let (library, problems) = loader.load(runbooks: [broken], scenarios: [scenario])
        #expect(library.runbooks.isEmpty && library.scenarios.isEmpty)
        #expect(problems.contains { $0.location.file == "Runbooks/broken.yaml" && $0.location.line == 7 }, "\(problems.map(\.description))")
        #expect(problems.contains { $0.location.file == "Scenarios/bad.yaml" && $0.location.line > 1 }, "\(problems.map(\.description))")
        #expect(problems.allSatisfy { $0.description.hasPrefix("Runbooks/broken.yaml:") || $0.description.hasPrefix("Scenarios/bad.yaml:") })
    }
}
