import Foundation
import Testing
import TriageModel
@testable import TriageRunbooks

/// Shared snippets files (`shared: NAME`) and a runbook's `imports:`: one file of blocks several
/// runbooks use, its problems reported at its own lines.
struct SharedSnippetsTests {
    static let validator = RunbookValidator(parsers: SnippetAndBoundsTests.parsers)

    static let shared = SourceText(
        file: "shared/pods.yaml",
        text: """
            shared: pods
            summary: Blocks about any pod.
            snippets:
              unreadable:
                title: kubectl could not read the pod
                diagnosis:
                  cause: other
                  outcome: could-not-look
                  summary: kubectl could not read {{pod}}
                  fix: [Check the name.]
              look:
                text: Look at {{pod}}
                run: [kubectl, get, pod, "{{pod}}"]
            """)

    static let book = """
        id: demo
        title: Demo
        imports: [pods]
        inputs:
          pod: {format: dns-1123-subdomain}
        start: first
        nodes:
          first:
            title: Read the pod
            run: [kubectl, get, pod, "{{pod}}"]
            parser: pull-failure
            branches:
              - {when: {fact: exit_status, equals: "1"}, goto: unreadable}
              - otherwise: done
          unreadable: {use: unreadable}
          done:
            title: Done
            diagnosis: {cause: auth, summary: "{{image}} needs credentials", fix: [Renew it.], verify: {use: look}}
        """

    func problems(_ yaml: String, shared: [SourceText] = [Self.shared]) -> [String] {
        guard case .failure(let error) = RunbookDecoder.load(yaml, file: "book.yaml", validator: Self.validator, shared: shared) else { return [] }
        return error.diagnostics.map(\.description)
    }

    func sharing(_ replace: String, with text: String) -> [SourceText] {
        [SourceText(file: Self.shared.file, text: Self.shared.text.replacingOccurrences(of: replace, with: text))]
    }

    @Test func aRunbookUsesTheSnippetsOfTheSharedFilesItImports() throws {
        let runbook = try RunbookDecoder.load(Self.book, file: "book.yaml", validator: Self.validator, shared: [Self.shared]).get()
        #expect(runbook.node("unreadable")?.diagnosis?.outcome == .couldNotLook)
        #expect(runbook.node("done")?.diagnosis?.verify?.command?.arguments.map(\.source) == ["kubectl", "get", "pod", "{{pod}}"])
    }

    @Test func aProblemInASharedSnippetIsReportedInTheSharedFileSayingWhereItWasUsed() {
        #expect(
            problems(Self.book, shared: sharing("\"{{pod}}\"]", with: "\"{{pdo}}\"]")) == [
                "shared/pods.yaml:13:10: error: placeholder '{{pdo}}' in node 'done' names no input and no fact produced before it; did you mean 'pod'? (in snippet 'look', used at book.yaml:18:96)"
            ])
        #expect(
            problems(Self.book, shared: sharing("outcome: could-not-look", with: "outcome: couldnt")).first?.hasPrefix(
                "shared/pods.yaml:8:16: error: 'outcome' of the diagnosis of node 'unreadable' is 'couldnt'") == true)
        #expect(
            problems(Self.book, shared: sharing("summary: Blocks about any pod.", with: "summary: [")).first?.hasPrefix("shared/pods.yaml:") == true)
    }

    @Test func anImportOfNoSharedFileAndANameDefinedTwiceAreReportedWhereWritten() {
        #expect(
            problems(Self.book.replacingOccurrences(of: "[pods]", with: "[podz]")).first
                == "book.yaml:3:11: error: no shared snippets are called 'podz' (known: pods); did you mean 'pods'?")
        #expect(
            problems(Self.book.replacingOccurrences(of: "[pods]", with: "[pods, pods]")) == ["book.yaml:3:17: error: 'pods' is imported twice; list it once"])
        let local = Self.book.replacingOccurrences(of: "start: first", with: "snippets:\n  look: {text: Look}\nstart: first")
        #expect(
            problems(local).first?.hasPrefix(
                "book.yaml:7:3: error: snippet 'look' is also a snippet of the shared 'pods' (shared/pods.yaml:11:3), which this runbook imports; rename this one"
            )
                == true)
    }

    @Test func aSharedFileIsCheckedOnItsOwn() {
        #expect(SharedSnippets.check(Self.shared.text, file: "shared/pods.yaml").isEmpty)
        let problems = SharedSnippets.check(Self.shared.text.replacingOccurrences(of: "summary:", with: "sumary:"), file: "shared/pods.yaml")
        #expect(problems.map(\.description).first?.hasPrefix("shared/pods.yaml:2:1: error: unknown key 'sumary' in a shared snippets file") == true)
        let badName = SharedSnippets.check(Self.shared.text.replacingOccurrences(of: "  look:", with: "  Look:"), file: "shared/pods.yaml")
        #expect(badName.map(\.description) == ["shared/pods.yaml:11:3: error: snippet name 'Look' must be lower-case words joined by '-', like verify-pod"])
    }

    @Test func aShelfKeepsSharedFilesApartFromRunbooksAndItsRunbooksImportThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("shared"), withIntermediateDirectories: true)
        try Self.shared.text.write(to: folder.appendingPathComponent("shared/pods.yaml"), atomically: true, encoding: .utf8)
        try Self.book.write(to: folder.appendingPathComponent("demo.yaml"), atomically: true, encoding: .utf8)
        let shelf = LibraryShelf(runbookPaths: [folder.path], scenarioPaths: [])
        #expect(shelf.runbooks.map(\.id) == ["demo"])
        #expect(shelf.shared.map(\.id) == ["pods"])
        let (library, problems) = LibraryLoader(validator: Self.validator).load(paths: [folder.path])
        #expect(problems.map(\.description) == [])
        #expect(library.runbooks.map(\.id) == ["demo"])

        try Self.book.replacingOccurrences(of: "id: demo", with: "id: other")
            .write(to: folder.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
        try Self.shared.text.replacingOccurrences(of: "outcome: could-not-look", with: "outcome: couldnt")
            .write(to: folder.appendingPathComponent("shared/pods.yaml"), atomically: true, encoding: .utf8)
        let (_, perUse) = LibraryLoader(validator: Self.validator).load(paths: [folder.path])
        #expect(perUse.filter { $0.location.file.hasSuffix("shared/pods.yaml") }.map { $0.message.contains("/demo.yaml:") } == [true, false])
        try Self.shared.text.replacingOccurrences(of: "summary: Blocks", with: "sumary: Blocks")
            .write(to: folder.appendingPathComponent("shared/pods.yaml"), atomically: true, encoding: .utf8)
        let (_, once) = LibraryLoader(validator: Self.validator).load(paths: [folder.path])
        #expect(once.filter { $0.message.contains("sumary") }.count == 1, "\(once.map(\.description).joined(separator: "\n"))")
    }
}
