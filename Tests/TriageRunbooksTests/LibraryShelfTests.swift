import Foundation
import Testing
import TriageModel
import TriageTestSupport
@testable import TriageRunbooks

/// A shelf knows each file by the id it declares without decoding it, so that a command needing
/// one runbook or scenario decodes only that one.
struct LibraryShelfTests {
    @Test(arguments: [
        ("id: first\ntitle: T\n", "first"),
        ("title: T\nnodes:\n  id: inner\n  more: {id: deeper}\nid: outer\n", "outer"),
        ("list:\n  - id\n  - [id, x]\nid: after-a-list\n", "after-a-list"),
        ("'id': \"quoted\"\n", "quoted"),
        ("# a comment\n---\nid: after-a-marker\n", "after-a-marker"),
        ("id: read-before\nbroken: [\n", "read-before"),
    ])
    func theDeclaredIDIsTheTopLevelIDValue(text: String, id: String) {
        #expect(DeclaredID.of(text) == id)
    }

    @Test(arguments: [
        "- id: a-list\n",
        "id: [not, a, word]\n",
        "id: {not: a-word}\n",
        "title: [\nid: after-an-error\n",
        "title: no id at all\n",
        "",
        "just text\n",
    ])
    func noIDWhenReadingUpToItCannotTell(text: String) {
        #expect(DeclaredID.of(text) == nil)
    }

    @Test func aShelfKnowsItsFilesByTheIDsTheyDeclareNotTheirNames() throws {
        let directory = try LabDirectory("shelf")
        let folder = directory.path("scenarios")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "id: web-outage\nrunbook: pull\n".write(to: folder.appendingPathComponent("incident.yaml"), atomically: true, encoding: .utf8)
        try "title: [\n".write(to: folder.appendingPathComponent("broken.yml"), atomically: true, encoding: .utf8)
        let shelf = LibraryShelf(runbookPaths: [], scenarioPaths: [folder.path, directory.path("missing").path])
        #expect(shelf.scenarios.map(\.id) == [nil, "web-outage"])
        #expect(shelf.scenarios.map { ($0.file as NSString).lastPathComponent } == ["broken.yml", "incident.yaml"])
        #expect(shelf.problems.map(\.message) == ["no such file or folder"])

        // Decoding an entry reports its problems as loading the file does.
        let loader = LibraryLoader(validator: RunbookValidator(parsers: []))
        guard case .failure(let error) = loader.loadScenario(shelf.scenarios[1]) else {
            Issue.record("an incomplete scenario decoded")
            return
        }
        #expect(error.diagnostics.map(\.message).contains("the scenario is missing 'title'"))
    }
}
