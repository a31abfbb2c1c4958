import Foundation
import Testing
import TriageModel
@testable import TriageRunbooks

/// Every problem the loader and validator report, each at the line and column where it is.
struct RunbookLoadingTests {
    static let parsers = [ParserSignature(name: "pull-failure", summary: "", facts: ["cause", "image"])]

    /// Problems as `line:column: message`, after decoding and validating `yaml`.
    func problems(_ yaml: String) -> [String] {
        let validator = RunbookValidator(parsers: Self.parsers)
        switch RunbookDecoder.load(yaml, file: "book.yaml", validator: validator) {
        case .success:
            return []
        case .failure(let error):
            return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    static let valid = """
        id: demo
        title: Demo
        inputs:
          pod:
            format: dns-1123-subdomain
        start: first
        nodes:
          first:
            title: Describe
            run: [kubectl, describe, pod, "{{pod}}"]
            parser: pull-failure
            branches:
              - when: {fact: cause, equals: auth}
                goto: done
              - otherwise: done
          done:
            title: Done
            diagnosis:
              cause: auth
              summary: "{{image}} needs credentials"
              fix:
                - Create the secret.
        """

    @Test func aValidRunbookLoadsWithNoProblem() throws {
        #expect(problems(Self.valid) == [])
        let runbook = try RunbookDecoder.decode(Self.valid, file: "book.yaml").get()
        #expect(runbook.nodes.map(\.id) == ["first", "done"])
        #expect(runbook.node("first")?.command?.arguments.map(\.source) == ["kubectl", "describe", "pod", "{{pod}}"])
        #expect(runbook.node("first")?.branches.first?.condition == .equals(fact: "cause", value: "auth"))
        #expect(runbook.input("pod")?.required == true)
    }

    @Test func unknownKeyIsReportedWithASuggestion() {
        let yaml = Self.valid.replacingOccurrences(of: "    title: Describe", with: "    title: Describe\n    explian: typo")
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("10:5: unknown key 'explian' in node 'first'"))
        #expect(found[0].contains("did you mean 'explain'?"))
    }

    @Test func wrongTypeIsReportedAtTheValue() {
        let yaml = Self.valid.replacingOccurrences(of: "title: Demo", with: "title: [Demo]")
        #expect(problems(yaml) == ["2:8: 'title' must be text, not a list"])
    }

    @Test func branchToAMissingNode() {
        let yaml = Self.valid.replacingOccurrences(of: "goto: done", with: "goto: dnoe")
        #expect(problems(yaml) == ["13:9: a branch of node 'first' goes to 'dnoe', which does not exist; did you mean 'done'?"])
    }

    @Test func unreachableNode() {
        let yaml = Self.valid + "\n  orphan:\n    title: Orphan\n    diagnosis:\n      cause: other\n      summary: never\n      fix: []\n"
        #expect(problems(yaml) == ["23:3: node 'orphan' can never be reached from 'first'"])
    }

    @Test func cycle() {
        let yaml =
            Self.valid.replacingOccurrences(of: "      - otherwise: done", with: "      - otherwise: again")
            + "\n  again:\n    title: Again\n    next: first\n"
        #expect(problems(yaml).contains("8:3: the nodes loop: first → again → first; a runbook must be a tree that always ends"))
    }

    @Test func factThatNoEarlierStepProduces() {
        let yaml = Self.valid.replacingOccurrences(of: "{fact: cause, equals: auth}", with: "{fact: registry_family, equals: ecr}")
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(
            found[0].hasPrefix(
                "13:9: the condition 'registry_family == ecr' in node 'first' reads fact 'registry_family', which no input, parser, pattern or question before it produces"
            ))
    }

    @Test func placeholderWithNoInput() {
        let yaml = Self.valid.replacingOccurrences(of: "\"{{pod}}\"]", with: "\"{{pod}}\", -n, \"{{namespace}}\"]")
        #expect(problems(yaml) == ["10:10: placeholder '{{namespace}}' in node 'first' names no input and no fact produced before it"])
    }

    @Test func placeholderInADiagnosisNeedsAnEarlierFact() {
        let yaml = Self.valid.replacingOccurrences(of: "{{image}} needs", with: "{{secret}} needs")
        #expect(problems(yaml) == ["16:3: placeholder '{{secret}}' in node 'done' names no input and no fact produced before it"])
    }

    @Test func unknownParser() {
        let yaml = Self.valid.replacingOccurrences(of: "parser: pull-failure", with: "parser: pull-failures")
        #expect(
            problems(yaml).first?.contains("uses parser 'pull-failures', which does not exist; known parsers: pull-failure; did you mean 'pull-failure'?")
                == true)
    }

    @Test func syntaxErrorHasItsLine() {
        let yaml = Self.valid.replacingOccurrences(of: "title: Done", with: "title: [Done")
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found[0] == "18:14: invalid YAML: while parsing a flow sequence did not find expected ',' or ']'")
    }

    /// Found by `Fuzz/run fuzz-runbooks`: at the end of a file without a final line break, libyaml
    /// marks the line after the last one.
    @Test("a syntax error at the end of the file is reported on its last line", arguments: ["", "\n", "\r\n"])
    func syntaxErrorAtTheEnd(ending: String) {
        let yaml = Self.valid + "\n    la0" + ending
        let lines = yaml.reduce(1) { $0 + ($1.isNewline ? 1 : 0) }
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(ending.isEmpty ? "23:8: invalid YAML: " : "\(lines):1: invalid YAML: ") == true, "\(found)")
    }

    /// Found by `Fuzz/run fuzz-runbooks`: a value libyaml marks past the last line (the empty
    /// document after `---` with no final line break) was reported on a line the file lacks.
    @Test("every problem is on a line of the file", arguments: ["---", "--- ", "id: x\ntitle:", "- a\n-", "nodes:", "---\n..."])
    func everyProblemIsOnALineOfTheFile(yaml: String) {
        let lines = yaml.reduce(1) { $0 + ($1.isNewline ? 1 : 0) }
        let found = problems(yaml)
        #expect(!found.isEmpty)
        for problem in found {
            let line = problem.split(separator: ":").first.flatMap { Int($0) } ?? 0
            #expect((1...lines).contains(line), "\(problem) in a file of \(lines) line(s)")
        }
    }

    @Test func missingRequiredKeys() {
        let found = problems("title: No id\nnodes: {}\n")
        #expect(found.contains("1:1: the runbook is missing 'id'"))
        #expect(found.contains("1:1: the runbook is missing 'start'"))
        #expect(found.contains("2:8: 'nodes' is empty; a runbook needs at least one node"))
    }

    @Test func badRegularExpression() {
        let yaml = Self.valid.replacingOccurrences(of: "{fact: cause, equals: auth}", with: "{fact: cause, matches: \"(unclosed\"}")
        #expect(problems(yaml).first?.hasPrefix("13:38: 'matches' in the condition of branch 1 of node 'first' is not a valid regular expression") == true)
    }

    @Test func commandWrittenAsAShellString() {
        let yaml = Self.valid.replacingOccurrences(of: "run: [kubectl, describe, pod, \"{{pod}}\"]", with: "run: [\"kubectl describe pod {{pod}}\"]")
        #expect(
            problems(yaml) == [
                "10:11: 'run' of node 'first' is one string with spaces; write it as a list of arguments, like [kubectl, get, pods], because Triage never runs commands through a shell"
            ])
    }

    @Test func otherwiseMustBeLast() {
        let yaml = Self.valid.replacingOccurrences(
            of: "      - when: {fact: cause, equals: auth}\n        goto: done\n      - otherwise: done",
            with: "      - otherwise: done\n      - when: {fact: cause, equals: auth}\n        goto: done"
        )
        #expect(problems(yaml).contains { $0.hasPrefix("13:9: 'otherwise' in branch 1 of node 'first' must be the last branch") })
    }

    @Test func branchesWithoutOtherwise() {
        let yaml = Self.valid.replacingOccurrences(of: "      - otherwise: done\n", with: "")
        #expect(problems(yaml) == ["13:7: the branches of node 'first' end without '- otherwise: NODE'; add one so the session can always go on"])
    }

    @Test func invalidInputDefault() {
        let yaml = Self.valid.replacingOccurrences(of: "    format: dns-1123-subdomain", with: "    format: dns-1123-subdomain\n    default: Web_1")
        #expect(problems(yaml) == ["6:14: the default of input 'pod' contains upper-case letters; expected \(ValueFormat.dns1123Subdomain.expectation)"])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let yaml = Self.valid
            .replacingOccurrences(of: "    title: Describe", with: "    title: Describe\n    explian: typo")
            .replacingOccurrences(of: "title: Demo", with: "title: [Demo]")
        #expect(problems(yaml).count == 2)
    }

    /// Text a runbook shows (its title, a node's explanation, a diagnosis) may not hold a
    /// character a terminal would obey or that hides what the text says: each is refused where
    /// it stands.
    @Test(arguments: [
        ("title: \"Demo \\e]0;owned\\a\"", "2:8", "U+001B"),
        ("title: \"Demo \\u009B31m\"", "2:8", "U+009B"),
        ("title: \"Demo \\u202Eomed\"", "2:8", "U+202E"),
        ("title: \"Demo\\u200B\"", "2:8", "U+200B"),
    ])
    func textWithAControlOrInvisibleCharacterIsRefused(line: String, location: String, code: String) {
        let yaml = Self.valid.replacingOccurrences(of: "title: Demo", with: line)
        let found = problems(yaml)
        #expect(found.contains { $0.hasPrefix(location) && $0.contains("'title' contains the character \(code)") }, "\(found)")
    }

    /// A file that is not UTF-8 is refused at its first bad byte, by line and column.
    @Test(arguments: [
        (Data("id: x\ntitle: ".utf8) + Data([0xFF, 0xFE]) + Data(" bad\n".utf8), "2:8", "0xFF"),
        (Data("id: x\n# é ok\n  ".utf8) + Data([0xC3, 0x28]), "3:3", "0xC3"),
        (Data([0x80]), "1:1", "0x80"),
    ])
    func aFileThatIsNotUTF8IsRefusedWhereItStopsBeingSo(data: Data, location: String, byte: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("triage-utf8-\(UUID().uuidString).yaml").path
        try data.write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        guard case .failure(let error) = LibraryLoader.read(file) else {
            Issue.record("read a file that is not UTF-8")
            return
        }
        let shown = error.diagnostics.map { $0.description }.joined()
        #expect(shown.contains("\(file):\(location): error: the file is not UTF-8 text: the byte \(byte) here is not UTF-8"), "\(shown)")
    }
}
